import { CORE_METHOD_NAMES, coreError, ipcChannelFor } from '../../shared/contract';
import { err } from '../../shared/domain/result';
import type { Dispatch } from '../../shared/host/dispatch';
import { isAppUrl } from './app-origin';
import type { FrameLike, IpcMainLike } from './electron-ports';

/** Only the app's own top-level page may call the core: not an iframe, not a page navigated elsewhere. */
export function isTrustedSender(frame: FrameLike | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Registers `core:<method>` for every CoreApi method; returns a function that removes them again. */
export function registerCoreIpc(ipcMain: IpcMainLike, dispatch: Dispatch, trusted: (frame: FrameLike | null) => boolean = isTrustedSender): () => void {
  for (const method of CORE_METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(method), async (event, ...args) => {
      if (!trusted(event.senderFrame)) {
        return err(coreError('forbidden', 'Core calls are accepted only from the station window.'));
      }
      if (args.length > 1) {
        return err(coreError('invalid-input', `${method} takes exactly one argument.`));
      }
      return dispatch(method, args[0]);
    });
  }
  return () => {
    for (const method of CORE_METHOD_NAMES) ipcMain.removeHandler(ipcChannelFor(method));
  };
}
