/** Node side of barcode decoding: where the .wasm file is, and PNG/JPEG files → RGBA pixels. */
export { barcodeWasmPath, configureNodeBarcodeWasm, nodeBarcodeWasmLocator, type NodeBarcodeWasmOptions } from './node-barcode-wasm';
export { decodeImageBytes, MAX_IMAGE_FILE_BYTES, readImageFile } from './read-image-file';
export { readImageHeader, type ImageHeader } from './image-header';
export type { ImageFileErrorCode, ImageFileProblem } from './image-file-problem';
