import { beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/main/app-origin';
import type { WindowConstructor } from '../../../electron/main/electron-ports';
import { createMainWindow } from '../../../electron/main/window-factory';
import { FakeBrowserWindow } from './fakes';

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

const make = (options: Partial<Parameters<typeof createMainWindow>[0]> = {}) =>
  createMainWindow({ BrowserWindow: FakeBrowserWindow as unknown as WindowConstructor, preloadPath: '/app/preload.cjs', ...options }) as unknown as FakeBrowserWindow;

describe('window factory', () => {
  it('creates windows with the locked-down webPreferences and the preload only', () => {
    const window = make();
    expect(window.options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      preload: '/app/preload.cjs',
    });
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
  });

  it('denies window.open and every navigation away from the app', () => {
    const contents = make().webContents;
    expect(contents.openHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://station/index.html' })).toEqual({ action: 'deny' });
    expect(contents.emitPreventable('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'app://station/index.html')).toBe(false);
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
  });

  it('grants the camera to the app origin only, and nothing else to anyone', () => {
    const session = make().webContents.session;
    expect(session.request('media', 'app://station/index.html')).toBe(true);
    expect(session.request('media', 'https://example.org/')).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial']) {
      expect(session.request(permission, 'app://station/index.html')).toBe(false);
    }
    expect(session.checkHandler?.(undefined, 'media', 'app://station')).toBe(true);
    expect(session.checkHandler?.(undefined, 'hid', 'app://station')).toBe(false);
  });

  it('restores saved bounds, shows when ready and saves bounds on close', () => {
    const saved: unknown[] = [];
    const window = make({ bounds: { x: 5, y: 6, width: 1920, height: 1080 }, onBoundsChanged: (b) => saved.push(b) });
    expect(window.options).toMatchObject({ x: 5, y: 6, width: 1920, height: 1080, show: false });
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
    window.emit('close');
    expect(saved).toEqual([{ x: 10, y: 20, width: 1400, height: 900 }]);
  });
});
