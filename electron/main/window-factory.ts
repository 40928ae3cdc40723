import { APP_ENTRY_URL, isAppUrl } from './app-origin';
import type { Bounds, WindowConstructor, WindowLike } from './electron-ports';
import { SECURE_WEB_PREFERENCES } from './secure-web-preferences';

export interface MainWindowOptions {
  readonly BrowserWindow: WindowConstructor;
  readonly preloadPath: string;
  readonly bounds?: Bounds | undefined;
  readonly onBoundsChanged?: (bounds: Bounds) => void;
  readonly entryUrl?: string;
}

const DEFAULT_BOUNDS: Bounds = { width: 1366, height: 768 };

/** The one place windows are made: every window gets the same locked-down preferences and guards. */
export function createMainWindow(options: MainWindowOptions): WindowLike {
  const bounds = options.bounds ?? DEFAULT_BOUNDS;
  const window = new options.BrowserWindow({
    ...bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#101418',
    title: 'Checkpoint Station',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: options.preloadPath },
  });
  hardenWebContents(window);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    if (!window.isDestroyed()) options.onBoundsChanged?.(window.getBounds());
  });
  void window.loadURL(options.entryUrl ?? APP_ENTRY_URL);
  return window;
}

/** No navigation away from the app, no new windows, no <webview>, and only the camera for the app itself. */
export function hardenWebContents(window: WindowLike): void {
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const denyForeign = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'media' && isAppUrl(details.requestingUrl));
  });
  contents.session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === 'media' && isAppUrl(requestingOrigin));
}
