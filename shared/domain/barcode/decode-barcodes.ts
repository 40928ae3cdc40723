import { readBarcodes, type ReadResult } from 'zxing-wasm/reader';
import { err, ok, type Result } from '../result';
import type { BarcodeProblem } from './barcode-problem';
import { BARCODE_FORMATS, type BarcodeFormat, type DecodeBarcodesOptions, type DecodedBarcode, type RgbaImage } from './barcode-types';
import { configuredState, messageOf, resetAfterWasmFailure } from './barcode-wasm';
import { flattenOntoWhite } from './flatten-alpha';
import { checkImageSize } from './image-limits';

/**
 * Binarizers tried in order. The default local-average one suits camera frames; on very crisp
 * images (screenshots, generated PNGs) that are rotated, its thresholds land on the jagged module
 * edges and e.g. an Aztec bullseye is missed, which the global-histogram one reads. The second pass
 * runs only when trying harder and the first found nothing, so a hit costs nothing extra.
 */
const FAST_PASSES = ['LocalAverage'] as const;
const SLOW_PASSES = ['LocalAverage', 'GlobalHistogram'] as const;

/**
 * Finds and decodes every QR, Data Matrix, PDF417 and Aztec code in an RGBA image with ZXing C++
 * (zxing-wasm). Nothing found is `ok([])`; an error is a malformed or oversized image, or a decoder
 * that could not be loaded.
 */
export async function decodeBarcodes(image: RgbaImage, options: DecodeBarcodesOptions = {}): Promise<Result<DecodedBarcode[], BarcodeProblem>> {
  const size = checkImageSize(image.width, image.height);
  if (!size.ok) return size;
  if (!isUint8ClampedArray(image.data) || image.data.length !== image.width * image.height * 4) {
    return err({
      code: 'invalid-image',
      message: `a ${image.width}×${image.height} RGBA image needs ${image.width * image.height * 4} bytes of pixels, got ${describeData(image.data)}`,
    });
  }
  const formats = options.formats && options.formats.length > 0 ? options.formats : BARCODE_FORMATS;
  const unknown = formats.filter((format) => !BARCODE_FORMATS.includes(format));
  if (unknown.length > 0) return err({ code: 'invalid-options', message: `unknown barcode format ${unknown.map(String).join(', ')}; known: ${BARCODE_FORMATS.join(', ')}` });

  const wasm = configuredState();
  if (!wasm.ok) return wasm;

  const pixels = flattenOntoWhite(image);
  const tryHarder = options.tryHarder ?? true;
  let results: ReadResult[] = [];
  try {
    for (const binarizer of tryHarder ? SLOW_PASSES : FAST_PASSES) {
      results = await Promise.race([
        // zxing-wasm reads only data/width/height of an ImageData (duck-typed, documented), so Node images fit.
        readBarcodes(pixels as ImageData, {
          // Restricting to 2D symbologies skips the 1D scan-line passes (faster, and no false "barcodes" in text or patterns).
          formats: [...formats],
          binarizer,
          tryHarder,
          tryRotate: true,
          tryInvert: true,
          tryDownscale: true,
          maxNumberOfSymbols: 255,
        }),
        wasm.value.instantiationFailed,
      ]);
      if (results.some((result) => result.isValid)) break;
    }
  } catch (error) {
    if (error !== undefined && error === wasm.value.failure) {
      resetAfterWasmFailure(wasm.value);
      return err({ code: 'wasm-unavailable', message: messageOf(error) });
    }
    return err({ code: 'decoder-failed', message: `the barcode decoder failed: ${messageOf(error)}` });
  }
  return ok(results.flatMap(toDecodedBarcode));
}

function toDecodedBarcode(result: ReadResult): DecodedBarcode[] {
  // `symbology` is the family root (MicroQRCode → QRCode); formats outside our four were not asked for.
  const format = BARCODE_FORMATS.find((known) => known === result.symbology);
  if (!format || !result.isValid) return [];
  const { topLeft, topRight, bottomRight, bottomLeft } = result.position;
  const point = ({ x, y }: { x: number; y: number }) => ({ x, y });
  return [{ text: result.text, format: format satisfies BarcodeFormat, position: { topLeft: point(topLeft), topRight: point(topRight), bottomRight: point(bottomRight), bottomLeft: point(bottomLeft) } }];
}

/** By tag, not instanceof: pixels may come from another realm (a worker message, an iframe). */
const isUint8ClampedArray = (data: unknown): data is Uint8ClampedArray => Object.prototype.toString.call(data) === '[object Uint8ClampedArray]';

function describeData(data: unknown): string {
  if (isUint8ClampedArray(data)) return `${data.length}`;
  return data === null || typeof data !== 'object' ? String(data) : `a ${data.constructor.name} (a Uint8ClampedArray is required)`;
}
