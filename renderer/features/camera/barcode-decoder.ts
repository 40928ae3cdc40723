import type { BarcodeProblem, DecodedBarcode } from '../../../shared/domain/barcode';
import { err, type Result } from '../../../shared/domain/result';
import type { DecodeRequest, DecodeResponse, DecodeSource } from './decode-messages';

export type DecodeResult = Result<DecodedBarcode[], BarcodeProblem>;

/** The lane's one decode worker, shared by the camera and image files. */
export interface BarcodeDecoder {
  /** Decodes the picture in the worker (a camera frame fast, a file or paste thoroughly); the bitmap is transferred (closed here). */
  decode(bitmap: ImageBitmap, source: DecodeSource): Promise<DecodeResult>;
  dispose(): void;
}

/** Starts the worker on the first decode, so a lane that never uses the camera never loads the .wasm. */
export function createBarcodeDecoder(): BarcodeDecoder {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, (result: DecodeResult) => void>();

  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve(err({ code: 'decoder-failed', message }));
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });
    started.onmessage = (event: MessageEvent<DecodeResponse>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data.result);
    };
    started.onerror = (event) => {
      event.preventDefault();
      // A worker that failed to load or crashed is dropped; the next decode starts a fresh one.
      started.terminate();
      if (worker === started) worker = undefined;
      // The browser's own words (English, technical): the screen shows them inside a translated sentence.
      failAll(event.message || event.type);
    };
    return started;
  };

  return {
    decode(bitmap, source) {
      worker ??= start();
      const id = nextId++;
      const request: DecodeRequest = { id, bitmap, source };
      return new Promise<DecodeResult>((resolve) => {
        pending.set(id, resolve);
        worker?.postMessage(request, [bitmap]);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll('closed'); // only for decodes nobody waits for any more (the lane was left)
    },
  };
}
