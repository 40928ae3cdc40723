import type { ReaderOptions } from 'zxing-wasm/reader';
import type { Result } from '../result';
import type { BarcodeProblem } from './barcode-problem';
import type { BarcodeFormat, DecodedBarcode, RgbaImage } from './barcode-types';
import { flattenOntoWhite } from './flatten-alpha';
import { checkFormats, checkRgbaImage, toDecodedBarcode, withWasmReader } from './wasm-read';

/**
 * Short side of the reduced picture: a 720p frame is halved (640×360), 1080p divided by 3. A frame
 * whose short side is under twice this is read at full size in one pass.
 */
const CAMERA_SMALL_PASS_SIDE = 360;

export interface CameraFrameDecode {
  readonly codes: DecodedBarcode[];
  /** How many passes ran: they stop at the first that finds a code (see decodeCameraFrame). */
  readonly passes: number;
}

/**
 * Plain reading: no try-harder, no rotation or inversion, no internal downscale. Each of those
 * re-runs detectors over the whole picture: together they doubled a 720p read (about 25 ms of CPU
 * instead of 12). Binarizer: ZXing's local average, the one meant for camera light.
 */
const PLAIN: ReaderOptions = { tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: false, binarizer: 'LocalAverage', maxNumberOfSymbols: 255 };
/** Also a light-on-dark code (a phone in dark mode) and a PDF417 held sideways. */
const TURNED: ReaderOptions = { ...PLAIN, tryInvert: true, tryRotate: true };

interface Pass {
  readonly size: 'reduced' | 'full';
  readonly options: ReaderOptions;
  /** Only QR codes (skipped when QR is not asked for), or every format asked for. */
  readonly qrOnly?: true;
}

/**
 * In order of cost, until one finds a code. A code held up to the lens has modules of 3 px or more and
 * reads in the reduced picture at a quarter of the cost; most are QR (EU DCC, lab links), and looking
 * for QR alone there took a third less time (3.1 instead of 4.6 ms of CPU per 720p frame with a code).
 * Then every format on the reduced picture, light-on-dark and sideways too; then the full frame for a
 * distant code with 2-px modules.
 */
const PASSES: readonly Pass[] = [
  { size: 'reduced', options: PLAIN, qrOnly: true },
  { size: 'reduced', options: TURNED },
  { size: 'full', options: PLAIN },
];
/**
 * A frame too small to reduce (short side under 2 × CAMERA_SMALL_PASS_SIDE, e.g. 640×480) is read
 * whole in one pass: a QR-only pass first saved 0.3 ms where there was a code but made empty frames,
 * most of a camera's, 23 % dearer (9.7 instead of 7.9 ms of CPU).
 */
const SMALL_FRAME_PASSES: readonly Pass[] = [{ size: 'full', options: TURNED }];

/**
 * The live camera's fast path; a still picture (file, paste, CLI) takes the thorough `decodeBarcodes`.
 * Runs PASSES until one finds something, all within this frame, so a readable code is read on the
 * first frame it appears in. The price of stopping early: while a QR code near the lens is in view,
 * a Data Matrix, PDF417 or Aztec beside it, or a far smaller second code, is not read (it is once the
 * QR is taken away, or when it is held alone). Camera frames are opaque; a translucent one is
 * flattened onto white as usual.
 */
export async function decodeCameraFrame(
  image: RgbaImage,
  options: { readonly formats?: readonly BarcodeFormat[] } = {},
): Promise<Result<CameraFrameDecode, BarcodeProblem>> {
  const valid = checkRgbaImage(image);
  if (!valid.ok) return valid;
  const formats = checkFormats(options.formats);
  if (!formats.ok) return formats;

  const factor = Math.floor(Math.min(image.width, image.height) / CAMERA_SMALL_PASS_SIDE);
  // Made when first needed: a frame read in the reduced pass never pays for the full-size alpha scan.
  let full: RgbaImage | undefined;
  let reduced: RgbaImage | undefined;
  const fullSize = () => (full ??= flattenOntoWhite(image));
  const reducedSize = () => (reduced ??= reduceToGray(image, factor) ?? reduceToGray(fullSize(), factor)!);
  return withWasmReader(async (read): Promise<CameraFrameDecode> => {
    const passes = factor < 2 ? SMALL_FRAME_PASSES : PASSES;
    let codes: DecodedBarcode[] = [];
    let run = 0;
    for (const pass of passes) {
      if (pass.qrOnly && !formats.value.includes('QRCode')) continue;
      run += 1;
      const pixels = pass.size === 'full' ? fullSize() : reducedSize();
      codes = (await read(pixels, { ...pass.options, formats: pass.qrOnly ? ['QRCode'] : [...formats.value] })).flatMap(toDecodedBarcode);
      if (codes.length > 0) return { codes: pass.size === 'full' ? codes : codes.map((code) => scaled(code, factor)), passes: run };
    }
    return { codes, passes: run };
  });
}

/**
 * Averages each `factor`×`factor` block into one gray pixel, stored as RGBA with every byte equal
 * to the gray level: zxing-wasm's RGBA→luminance weights (306 + 601 + 117 = 1024, >> 10) return that
 * level unchanged, and all four bytes equal makes the 32-bit store byte-order independent. The
 * luminance weights are zxing-wasm's own, so the result is what it would see, averaged.
 * `undefined` if a pixel read is not opaque (flatten it first): checked here rather than in a
 * separate scan of the frame, which cost as much again.
 */
export function reduceToGray(image: RgbaImage, factor: number): RgbaImage | undefined {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8ClampedArray(width * height * 4);
  const words = new Uint32Array(out.buffer);
  const opaque = factor === 2 && LITTLE_ENDIAN && image.data.byteOffset % 4 === 0 ? halve(image, words, width, height) : reduceBy(image, factor, words, width, height);
  return opaque ? { data: out, width, height } : undefined;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * The 720p case, ~2.5× faster than reduceBy (1.5 instead of 4 ms with the alpha scan): four 32-bit
 * reads per block, summed two channels at a time in 16-bit lanes (4 × 255 fits). Little-endian
 * layout: R and B in `rb`, G and alpha in `ga`.
 */
function halve({ data, width: inWidth }: RgbaImage, out: Uint32Array, width: number, height: number): boolean {
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length / 4);
  let translucent = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0, i = 2 * y * inWidth, o = y * width; x < width; x++, i += 2, o++) {
      const a = pixels[i]!;
      const b = pixels[i + 1]!;
      const c = pixels[i + inWidth]!;
      const d = pixels[i + inWidth + 1]!;
      const rb = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (d & 0xff00ff);
      const ga = ((a >>> 8) & 0xff00ff) + ((b >>> 8) & 0xff00ff) + ((c >>> 8) & 0xff00ff) + ((d >>> 8) & 0xff00ff);
      translucent |= (ga >>> 16) ^ 1020;
      out[o] = ((306 * (rb & 0xffff) + 601 * (ga & 0xffff) + 117 * (rb >>> 16) + 2048) >>> 12) * 0x01010101;
    }
  }
  return translucent === 0;
}

/** Any factor, byte by byte. */
function reduceBy({ data, width: inWidth }: RgbaImage, factor: number, out: Uint32Array, width: number, height: number): boolean {
  const weighted = new Float64Array(width);
  const divisor = 1024 * factor * factor;
  let alpha = 255;
  for (let y = 0; y < height; y++) {
    weighted.fill(0);
    for (let row = 0; row < factor; row++) {
      for (let x = 0, i = (y * factor + row) * inWidth * 4; x < width; x++) {
        for (let k = 0; k < factor; k++, i += 4) {
          weighted[x]! += 306 * data[i]! + 601 * data[i + 1]! + 117 * data[i + 2]!;
          alpha &= data[i + 3]!;
        }
      }
    }
    for (let x = 0, o = y * width; x < width; x++, o++) out[o] = Math.floor((weighted[x]! + divisor / 2) / divisor) * 0x01010101;
  }
  return alpha === 255;
}

/** Corners found in the reduced picture, in the frame's own pixel coordinates. */
function scaled(code: DecodedBarcode, factor: number): DecodedBarcode {
  const point = ({ x, y }: { x: number; y: number }) => ({ x: x * factor, y: y * factor });
  const { topLeft, topRight, bottomRight, bottomLeft } = code.position;
  return { ...code, position: { topLeft: point(topLeft), topRight: point(topRight), bottomRight: point(bottomRight), bottomLeft: point(bottomLeft) } };
}
