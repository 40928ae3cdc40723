import type { BarcodeProblem, DecodedBarcode } from '../../../shared/domain/barcode';
import type { Result } from '../../../shared/domain/result';

export type DecodeSource = 'camera' | 'image';

/** Main thread → decode worker: one picture, transferred (the main thread no longer owns it). */
export interface DecodeRequest {
  readonly id: number;
  readonly bitmap: ImageBitmap;
  /**
   * `camera`: a live frame, read by the fast path (decodeCameraFrame; a miss is fine, the next frame
   * is 150 ms away). `image`: a file or pasted picture, read by every pass (decodeBarcodes).
   */
  readonly source: DecodeSource;
}

/** Decode worker → main thread. */
export interface DecodeResponse {
  readonly id: number;
  readonly result: Result<DecodedBarcode[], BarcodeProblem>;
}
