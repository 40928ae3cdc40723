/**
 * 2D barcode decoding from pixels (QR, Data Matrix, PDF417, Aztec) with zxing-wasm: browser-safe,
 * no Node built-ins. Each host first says where the .wasm lives with `configureBarcodeWasm`.
 */
export { decodeBarcodes } from './decode-barcodes';
export { decodeCameraFrame, type CameraFrameDecode } from './decode-camera-frame';
export { configureBarcodeWasm, preloadBarcodeWasm, type BarcodeWasmLocator } from './barcode-wasm';
export { checkImageSize, MAX_IMAGE_SIDE } from './image-limits';
export type { BarcodeErrorCode, BarcodeProblem } from './barcode-problem';
export {
  BARCODE_FORMATS,
  type BarcodeFormat,
  type BarcodePosition,
  type DecodeBarcodesOptions,
  type DecodedBarcode,
  type Point,
  type RgbaImage,
} from './barcode-types';
