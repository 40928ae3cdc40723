// The renderer's pattern: decode off the main thread, with the .wasm bundled as a same-origin asset.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { configureBarcodeWasm, decodeBarcodes, decodeCameraFrame, type RgbaImage } from '../../../../shared/domain/barcode';

configureBarcodeWasm({ kind: 'url', url: new URL(wasmUrl, self.location.href).href });

// `camera`: the live camera's fast path, as the lane's worker runs it on each frame.
self.onmessage = async (event: MessageEvent<{ image: RgbaImage; path: 'still' | 'camera' }>) => {
  const { image, path } = event.data;
  self.postMessage({ wasmUrl, result: path === 'camera' ? await decodeCameraFrame(image) : await decodeBarcodes(image) });
};
