import type { CoreApi, CoreEventListener, CoreResult } from '../../shared/contract';

/** Printing the shift report to a PDF file: Electron's printToPDF in main; absent in the browser host. */
export type PrintToPdf = (input: { folder: string; fileName: string }) => Promise<CoreResult<{ path: string; bytes: number }>>;

/** How the screens reach the core, whichever host runs them (Electron preload or the browser host). */
export interface CoreClient extends CoreApi {
  readonly transport: 'ipc' | 'http';
  onEvent(listener: CoreEventListener): () => void;
  /** Only where the host can write a PDF itself (Electron); otherwise the page uses the browser's print dialog. */
  readonly printToPdf?: PrintToPdf;
}
