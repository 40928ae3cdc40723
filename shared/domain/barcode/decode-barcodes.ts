import type { ReadResult } from 'zxing-wasm/reader';
import type { Result } from '../result';
import type { BarcodeProblem } from './barcode-problem';
import type { DecodeBarcodesOptions, DecodedBarcode, RgbaImage } from './barcode-types';
import { flattenOntoWhite } from './flatten-alpha';
import { checkFormats, checkRgbaImage, toDecodedBarcode, withWasmReader } from './wasm-read';

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
 * (zxing-wasm): the thorough path for a still picture (file, paste, CLI); live camera frames take
 * `decodeCameraFrame`. Nothing found is `ok([])`; an error is a malformed or oversized image, or a
 * decoder that could not be loaded.
 */
export async function decodeBarcodes(image: RgbaImage, options: DecodeBarcodesOptions = {}): Promise<Result<DecodedBarcode[], BarcodeProblem>> {
  const valid = checkRgbaImage(image);
  if (!valid.ok) return valid;
  const formats = checkFormats(options.formats);
  if (!formats.ok) return formats;

  const pixels = flattenOntoWhite(image);
  const tryHarder = options.tryHarder ?? true;
  return withWasmReader(async (read) => {
    let results: ReadResult[] = [];
    for (const binarizer of tryHarder ? SLOW_PASSES : FAST_PASSES) {
      results = await read(pixels, {
        // Restricting to 2D symbologies skips the 1D scan-line passes (faster, and no false "barcodes" in text or patterns).
        formats: [...formats.value],
        binarizer,
        tryHarder,
        tryRotate: true,
        tryInvert: true,
        tryDownscale: true,
        maxNumberOfSymbols: 255,
      });
      if (results.some((result) => result.isValid)) break;
    }
    return results.flatMap(toDecodedBarcode);
  });
}
