import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, protocol, safeStorage } from 'electron';
import Store from 'electron-store';
import { createCore, idleSignOutMsFrom } from '../../shared/app';
import { acquireDataDirLock } from '../../shared/node/paths/data-dir-lock';
import { CORE_EVENT_CHANNEL } from '../../shared/contract';
import { createDispatcher } from '../../shared/host/dispatch';
import { ScannerManager } from '../../shared/node/scanners';
import { APP_SCHEME } from './app-origin';
import { createAppProtocolHandler } from './app-protocol';
import { registerCoreIpc } from './core-ipc';
import type { WindowConstructor, WindowLike } from './electron-ports';
import { Preferences } from './preferences';
import { registerPrintToPdf } from './print-to-pdf';
import { safeStorageKeyStore } from './safe-storage-key-store';
import { safeStorageStationKeyStore } from './safe-storage-station-key';
import { createMainWindow } from './window-factory';

// Bundled to dist/electron/main.mjs; the renderer build sits in dist/renderer, the preload beside main.
const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const preloadPath = path.join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Two instances would write the same database from two processes: keep one, focus it.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A refused start (database key, read-only disk) is a sentence in a dialog, not a stack trace.
  start().catch((error: unknown) => {
    dialog.showErrorBox('Checkpoint Station cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  // Scanner devices are owned by main, never the renderer; without drivers or devices they only show as statuses.
  const dataDir = app.getPath('userData');
  // The single-instance lock keeps out a second desktop app; this file keeps out a browser host on the same folder.
  const lock = acquireDataDirLock(dataDir);
  // The database key is sealed by the OS keychain (safeStorage, usable only after 'ready').
  const databaseKey = safeStorageKeyStore(dataDir, safeStorage);
  // The station's signing key too: exports and group files are signed in main, the renderer never sees it.
  const stationKey = safeStorageStationKeyStore(dataDir, safeStorage);
  const idleSignOutMs = idleSignOutMsFrom(process.env.CHECKPOINT_IDLE_MINUTES);
  const core = await createCore({ dataDir, appVersion: app.getVersion(), scanners: new ScannerManager(), databaseKey, stationKey, idleSignOutMs });
  registerCoreIpc(ipcMain, createDispatcher(core));
  registerPrintToPdf(ipcMain);
  const preferences = new Preferences(new Store({ name: 'preferences' }));
  let window: WindowLike | undefined;
  const open = () => {
    window = createMainWindow({
      BrowserWindow: BrowserWindow as unknown as WindowConstructor,
      preloadPath,
      bounds: preferences.windowBounds(),
      onBoundsChanged: (bounds) => preferences.saveWindowBounds(bounds),
    });
  };
  core.subscribe((event) => {
    if (window && !window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(CORE_EVENT_CHANNEL, event);
  });
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) open();
    else window.show();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    core.close();
    lock.release();
  });
  open();
}
