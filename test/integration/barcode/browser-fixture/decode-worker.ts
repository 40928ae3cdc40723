// The renderer's pattern: decode off the main thread, with the .wasm bundled as a same-origin asset.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { configureBarcodeWasm, decodeBarcodes, type RgbaImage } from '../../../../shared/domain/barcode';

configureBarcodeWasm({ kind: 'url', url: new URL(wasmUrl, self.location.href).href });

self.onmessage = async (event: MessageEvent<RgbaImage>) => {
  self.postMessage({ wasmUrl, result: await decodeBarcodes(event.data) });
};
