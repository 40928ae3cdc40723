/** Camera and image-file 2D-code reading on the lane (zxing-wasm in a Web Worker). */
export { LaneCodeReader, type PixelScan } from './LaneCodeReader';
export { CAMERA_SHORTCUT } from './camera-shortcut';
