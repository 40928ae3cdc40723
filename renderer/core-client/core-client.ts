import type { CoreApi, CoreEventListener } from '../../shared/contract';

/** How the screens reach the core, whichever host runs them (Electron preload or the browser host). */
export interface CoreClient extends CoreApi {
  readonly transport: 'ipc' | 'http';
  onEvent(listener: CoreEventListener): () => void;
}
