import { CORE_METHOD_NAMES, type CoreEventListener } from '../../shared/contract';
import type { CoreClient } from './core-client';

/** The shape the Electron preload exposes as `window.core`. */
export interface PreloadCore {
  onEvent(listener: (event: unknown) => void): () => void;
  [method: string]: unknown;
}

export function createIpcCoreClient(bridge: PreloadCore): CoreClient {
  const client: Record<string, unknown> = { transport: 'ipc' };
  for (const method of CORE_METHOD_NAMES) {
    const call = bridge[method];
    if (typeof call !== 'function') throw new Error(`The station window is missing core.${method}; reinstall the app.`);
    client[method] = (input: unknown) => (call as (input: unknown) => Promise<unknown>)(input);
  }
  client.onEvent = (listener: CoreEventListener) => bridge.onEvent((event) => listener(event as Parameters<CoreEventListener>[0]));
  // The host's print-to-PDF (Electron main), when the preload offers it.
  const print = bridge.printToPdf;
  if (typeof print === 'function') client.printToPdf = (input: unknown) => (print as (input: unknown) => Promise<unknown>)(input);
  return client as unknown as CoreClient;
}
