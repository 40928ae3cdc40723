import type { BarcodeProblem, DecodedBarcode } from '../../../shared/domain/barcode';
import type { Result } from '../../../shared/domain/result';

/** Main thread → decode worker: one picture, transferred (the main thread no longer owns it). */
export interface DecodeRequest {
  readonly id: number;
  readonly bitmap: ImageBitmap;
  /** Extra passes: yes for a file or pasted image, no for live frames (the next one is 150 ms away). */
  readonly tryHarder: boolean;
}

/** Decode worker → main thread. */
export interface DecodeResponse {
  readonly id: number;
  readonly result: Result<DecodedBarcode[], BarcodeProblem>;
}
