/** The 2D symbologies a checkpoint meets on travel documents and health certificates. */
export const BARCODE_FORMATS = ['QRCode', 'DataMatrix', 'PDF417', 'Aztec'] as const;
export type BarcodeFormat = (typeof BARCODE_FORMATS)[number];

/**
 * Pixels as a canvas `ImageData` holds them: RGBA, 4 bytes per pixel, rows top to bottom.
 * Structural, so a browser `ImageData`, a decoded PNG and a test image all fit.
 */
export interface RgbaImage {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Corners of the symbol in image pixel coordinates, in the symbol's own orientation. */
export interface BarcodePosition {
  readonly topLeft: Point;
  readonly topRight: Point;
  readonly bottomRight: Point;
  readonly bottomLeft: Point;
}

export interface DecodedBarcode {
  readonly text: string;
  /** The symbology family: a Micro QR or rMQR code reports `QRCode`, a Compact PDF417 `PDF417`. */
  readonly format: BarcodeFormat;
  readonly position: BarcodePosition;
}

export interface DecodeBarcodesOptions {
  /** Symbologies to look for; absent or empty means all of BARCODE_FORMATS. */
  readonly formats?: readonly BarcodeFormat[];
  /**
   * Spend more time per image (extra scan passes): right for a photo or file. Live camera frames
   * take `decodeCameraFrame` instead. Default true.
   */
  readonly tryHarder?: boolean;
}
