import type { Problem } from '../result';

export type BarcodeErrorCode =
  /** Width/height not positive integers, or the pixel buffer does not hold width × height RGBA pixels. */
  | 'invalid-image'
  /** Larger than MAX_IMAGE_SIDE on a side: refused before any decoding work. */
  | 'image-too-large'
  /** A format name outside BARCODE_FORMATS (options can come from a worker message). */
  | 'invalid-options'
  /** No host called configureBarcodeWasm: we refuse rather than let the library fall back to its CDN. */
  | 'wasm-not-configured'
  /** The .wasm could not be loaded, compiled or instantiated. */
  | 'wasm-unavailable'
  /** The decoder itself failed (out of memory in the wasm heap, an internal error). */
  | 'decoder-failed';

export type BarcodeProblem = Problem<BarcodeErrorCode>;
