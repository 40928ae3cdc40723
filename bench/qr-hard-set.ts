/**
 * The deterministic "hard set" of QR images for comparing decoders (zxing-wasm vs
 * @zxing/library vs jsQR): small modules, rotation, low contrast, noise, blur, uneven light,
 * perspective, and codes inside cluttered 1280×720 camera frames. Case `i` depends only on
 * (seed, i), so a benchmark and a test can each take any slice and get identical pixels.
 *
 * Cases are generated one at a time (a 720p frame is 3.7 MB of RGBA; 240 at once would be ~1 GB).
 */
import { qrGrid, hc1Payload } from '../test/integration/barcode/symbols';
import {
  addGaussianNoise,
  adjustContrast,
  between,
  boxBlur,
  clutteredFrame,
  compose,
  illuminationGradient,
  onBackground,
  randomPerspective,
  renderModules,
  rotate,
  seededRandom,
  type Random,
  type TestImage,
} from '../test/support/image-transforms';

export const QR_HARD_SET_CATEGORIES = [
  'small-modules',
  'rotated',
  'low-contrast',
  'noise',
  'perspective',
  'blur',
  'uneven-light',
  'combined',
  'frame',
  'frame-perspective',
  'frame-dim',
  'frame-far',
] as const;
export type QrHardCategory = (typeof QR_HARD_SET_CATEGORIES)[number];

/** 20 cases per category; the four `frame*` categories (80 cases) are 1280×720 camera frames. */
export const QR_HARD_SET_SIZE = QR_HARD_SET_CATEGORIES.length * 20;
export const QR_HARD_SET_SEED = 2021;
export const FRAME_WIDTH = 1280;
export const FRAME_HEIGHT = 720;

export interface QrHardCase {
  readonly index: number;
  /** e.g. `017-noise`: stable across runs, for reports. */
  readonly id: string;
  readonly category: QrHardCategory;
  /** The text encoded; a decoder must return exactly this. */
  readonly text: string;
  readonly isFrame720p: boolean;
  /** Opaque RGBA. */
  readonly image: TestImage;
}

/** Payloads a checkpoint actually sees: EU DCC (long, alphanumeric), lab-result URLs, MRZ text, short codes. */
function payload(index: number, random: Random): string {
  switch (index % 4) {
    case 0:
      return hc1Payload(Math.round(between(random, 280, 560)), index + 1);
    case 1:
      return `https://lab.example.uz/covid/result?id=${Math.floor(random() * 1e12).toString(36)}&lang=ru`;
    case 2:
      return 'P<UZBKARIMOV<<ALISHER<<<<<<<<<<<<<<<<<<<<<<<\nAA12345674UZB8501012M2512315<<<<<<<<<<<<<<02';
    default:
      return `TJ-${Math.floor(random() * 1e9)}`;
  }
}

export function qrHardCase(index: number, seed = QR_HARD_SET_SEED): QrHardCase {
  if (!Number.isInteger(index) || index < 0 || index >= QR_HARD_SET_SIZE) throw new RangeError(`hard-set index ${index} outside 0…${QR_HARD_SET_SIZE - 1}`);
  const category = QR_HARD_SET_CATEGORIES[index % QR_HARD_SET_CATEGORIES.length] as QrHardCategory;
  const random = seededRandom(seed * 1_000_003 + index);
  const text = payload(Math.floor(index / QR_HARD_SET_CATEGORIES.length), random);
  const grid = qrGrid(text, 'M');
  const render = (moduleSize: number, quietZone = 4) => renderModules(grid, { moduleSize, quietZone });
  const angle = () => between(random, 0, 360);
  let image: TestImage;

  switch (category) {
    case 'small-modules':
      image = addGaussianNoise(render(between(random, 1.6, 2.4)), 4, random);
      break;
    case 'rotated':
      image = onBackground(rotate(render(between(random, 2.5, 4.5)), angle()));
      break;
    case 'low-contrast': {
      const dark = between(random, 90, 125);
      image = addGaussianNoise(adjustContrast(render(between(random, 2.5, 4)), dark, dark + between(random, 35, 55)), 2, random);
      break;
    }
    case 'noise':
      image = addGaussianNoise(render(between(random, 3, 5)), between(random, 18, 32), random);
      break;
    case 'perspective':
      image = onBackground(randomPerspective(render(between(random, 3, 5)), between(random, 0.06, 0.14), random));
      break;
    case 'blur':
      image = addGaussianNoise(boxBlur(render(between(random, 3.5, 5)), 1), 5, random);
      break;
    case 'uneven-light':
      image = addGaussianNoise(illuminationGradient(render(between(random, 2.5, 4)), between(random, 0.3, 0.45), between(random, 0.95, 1.1)), 6, random);
      break;
    case 'combined': {
      const code = adjustContrast(render(between(random, 3, 4.5)), between(random, 30, 60), between(random, 190, 230));
      image = addGaussianNoise(onBackground(randomPerspective(rotate(code, angle()), 0.06, random), 210), 10, random);
      break;
    }
    default:
      image = frameCase(category, render, random);
  }
  return { index, id: `${String(index).padStart(3, '0')}-${category}`, category, text, isFrame720p: image.width === FRAME_WIDTH && image.height === FRAME_HEIGHT, image };
}

/** A code held up to a 720p lane camera: somewhere in a cluttered scene, tilted, maybe far or dim. */
function frameCase(category: QrHardCategory, render: (moduleSize: number, quietZone?: number) => TestImage, random: Random): TestImage {
  const far = category === 'frame-far';
  // A printed code has a white margin, but rarely the full 4 modules in a photo.
  let code = render(far ? between(random, 2, 2.6) : between(random, 2.8, 5), 2);
  code = rotate(code, between(random, -25, 25) + (random() < 0.25 ? 90 * Math.floor(random() * 4) : 0));
  if (category === 'frame-perspective') code = randomPerspective(code, between(random, 0.06, 0.12), random);
  let frame = clutteredFrame(FRAME_WIDTH, FRAME_HEIGHT, random);
  frame = compose(frame, code, between(random, 0, Math.max(0, FRAME_WIDTH - code.width)), between(random, 0, Math.max(0, FRAME_HEIGHT - code.height)));
  if (category === 'frame-dim') frame = illuminationGradient(adjustContrast(frame, between(random, 10, 30), between(random, 120, 160)), between(random, 0.6, 0.8), 1);
  return addGaussianNoise(frame, category === 'frame-dim' ? 8 : between(random, 3, 7), random);
}

/** Cases `start … start+count-1` of the hard set, generated lazily. */
export function* generateQrHardSet(options: { readonly seed?: number; readonly start?: number; readonly count?: number } = {}): Generator<QrHardCase> {
  const { seed = QR_HARD_SET_SEED, start = 0, count = QR_HARD_SET_SIZE - start } = options;
  for (let index = start; index < Math.min(QR_HARD_SET_SIZE, start + count); index += 1) yield qrHardCase(index, seed);
}
