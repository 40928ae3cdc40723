import { CORE_EVENT_CHANNEL, CORE_METHOD_NAMES, PRINT_TO_PDF_CHANNEL, ipcChannelFor, type CoreMethodName } from '../../shared/contract/method-names';

/** The slice of ipcRenderer / contextBridge the preload uses (fakes in unit tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(key: string, api: unknown): void;
}

export type CoreBridge = Record<CoreMethodName, (input?: unknown) => Promise<unknown>> & {
  onEvent(listener: (event: unknown) => void): () => void;
  /** The shift report as a PDF file, printed by main (validated there like every core call). */
  printToPdf(input: unknown): Promise<unknown>;
};

/**
 * What `window.core` is: exactly the CoreApi methods plus one event subscription and printToPdf. The raw ipcRenderer
 * and its event objects never reach the page.
 */
export function buildCoreBridge(ipc: IpcRendererLike): CoreBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of CORE_METHOD_NAMES) {
    bridge[method] = (input?: unknown) => ipc.invoke(ipcChannelFor(method), input ?? {});
  }
  bridge.onEvent = (listener: (event: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(CORE_EVENT_CHANNEL, forward);
    return () => {
      ipc.removeListener(CORE_EVENT_CHANNEL, forward);
    };
  };
  bridge.printToPdf = (input: unknown) => ipc.invoke(PRINT_TO_PDF_CHANNEL, input ?? {});
  return Object.freeze(bridge) as CoreBridge;
}

export function exposeCore(contextBridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('core', buildCoreBridge(ipc));
}
