import type { CoreClient } from './core-client';
import { createHttpCoreClient } from './http-core-client';
import { createIpcCoreClient, type PreloadCore } from './ipc-core-client';

const TOKEN_KEY = 'checkpoint.token';

/**
 * The browser host hands the launch token over in the URL fragment (never sent to a server).
 * Keep it for this tab's reloads and take it out of the address bar so it does not show on screen.
 */
export function takeLaunchToken(location: Location, storage: Storage, history: History): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY) ?? undefined;
}

/** Electron when the preload exposed `window.core`, otherwise the browser host on this page's origin. */
export function selectCoreClient(win: Window & { core?: PreloadCore }): CoreClient | { error: string } {
  if (win.core) return createIpcCoreClient(win.core);
  const token = takeLaunchToken(win.location, win.sessionStorage, win.history);
  if (!token) {
    return { error: 'This page was opened without the station token. Open the full address the station printed when it started.' };
  }
  return createHttpCoreClient({ origin: win.location.origin, token });
}
