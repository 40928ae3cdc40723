/** Camera and image-file 2D-code reading on the lane (zxing-wasm in a Web Worker). */
export { LaneCodeReader, CAMERA_SHORTCUT, type PixelScan } from './LaneCodeReader';
