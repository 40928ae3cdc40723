import { readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';
import { err, ok, type Result } from '../result';
import type { BarcodeProblem } from './barcode-problem';
import { BARCODE_FORMATS, type BarcodeFormat, type DecodedBarcode, type RgbaImage } from './barcode-types';
import { configuredState, messageOf, resetAfterWasmFailure } from './barcode-wasm';
import { checkImageSize } from './image-limits';

/** What every decode entry point checks first: a declared size within limits and a matching RGBA buffer. */
export function checkRgbaImage(image: RgbaImage): Result<void, BarcodeProblem> {
  const size = checkImageSize(image.width, image.height);
  if (!size.ok) return size;
  if (!isUint8ClampedArray(image.data) || image.data.length !== image.width * image.height * 4) {
    return err({
      code: 'invalid-image',
      message: `a ${image.width}×${image.height} RGBA image needs ${image.width * image.height * 4} bytes of pixels, got ${describeData(image.data)}`,
    });
  }
  return ok(undefined);
}

/** Absent or empty means all of BARCODE_FORMATS; names can come from a worker message, so they are checked. */
export function checkFormats(formats: readonly BarcodeFormat[] | undefined): Result<readonly BarcodeFormat[], BarcodeProblem> {
  const wanted = formats && formats.length > 0 ? formats : BARCODE_FORMATS;
  const unknown = wanted.filter((format) => !BARCODE_FORMATS.includes(format));
  if (unknown.length > 0) return err({ code: 'invalid-options', message: `unknown barcode format ${unknown.map(String).join(', ')}; known: ${BARCODE_FORMATS.join(', ')}` });
  return ok(wanted);
}

export type WasmRead = (pixels: RgbaImage, options: ReaderOptions) => Promise<ReadResult[]>;

/**
 * Runs `use` with a reader bound to the configured .wasm and maps failures to problems. A failed
 * instantiation never settles the library's own promise, so each read races against it.
 */
export async function withWasmReader<T>(use: (read: WasmRead) => Promise<T>): Promise<Result<T, BarcodeProblem>> {
  const wasm = configuredState();
  if (!wasm.ok) return wasm;
  // zxing-wasm reads only data/width/height of an ImageData (duck-typed, documented), so Node images fit.
  const read: WasmRead = (pixels, options) => Promise.race([readBarcodes(pixels as ImageData, options), wasm.value.instantiationFailed]);
  try {
    return ok(await use(read));
  } catch (error) {
    if (error !== undefined && error === wasm.value.failure) {
      resetAfterWasmFailure(wasm.value);
      return err({ code: 'wasm-unavailable', message: messageOf(error) });
    }
    return err({ code: 'decoder-failed', message: `the barcode decoder failed: ${messageOf(error)}` });
  }
}

export function toDecodedBarcode(result: ReadResult): DecodedBarcode[] {
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
