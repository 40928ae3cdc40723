/**
 * Decodes pictures off the main thread with zxing-wasm. The .wasm is the copy Vite emitted into the
 * app's own assets, fetched from the app's origin and checked against its SHA-256 by the shared loader
 * (never the library's CDN default: checkpoints are offline).
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { checkImageSize, configureBarcodeWasm, decodeBarcodes, decodeCameraFrame, type BarcodeProblem, type RgbaImage } from '../../../shared/domain/barcode';
import { err, ok, type Result } from '../../../shared/domain/result';
import type { DecodeRequest, DecodeResponse, DecodeSource } from './decode-messages';

configureBarcodeWasm({ kind: 'url', url: new URL(wasmUrl, self.location.href).href });

// One canvas reused across camera frames: a new one per frame would churn 1–4 MB each time.
let canvas: OffscreenCanvas | undefined;

function pixelsOf(bitmap: ImageBitmap): Result<RgbaImage, BarcodeProblem> {
  const size = checkImageSize(bitmap.width, bitmap.height);
  if (!size.ok) return size;
  if (!canvas || canvas.width !== bitmap.width || canvas.height !== bitmap.height) canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('this window cannot draw pictures for the decoder (no 2D canvas)');
  context.drawImage(bitmap, 0, 0);
  return ok(context.getImageData(0, 0, bitmap.width, bitmap.height));
}

/** A live frame takes the camera's fast path (a reduced picture first); a file or paste gets every pass. */
async function decodeFor(source: DecodeSource, pixels: RgbaImage): Promise<DecodeResponse['result']> {
  if (source === 'image') return decodeBarcodes(pixels, { tryHarder: true });
  const frame = await decodeCameraFrame(pixels);
  return frame.ok ? ok(frame.value.codes) : frame;
}

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, bitmap, source } = event.data;
  let result: DecodeResponse['result'];
  try {
    const pixels = pixelsOf(bitmap);
    result = pixels.ok ? await decodeFor(source, pixels.value) : pixels;
  } catch (error) {
    result = err({ code: 'decoder-failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    bitmap.close();
  }
  self.postMessage({ id, result } satisfies DecodeResponse);
};
