import { beforeAll, describe, expect, it } from 'vitest';
import { generateQrHardSet, QR_HARD_SET_CATEGORIES } from '../../../bench/qr-hard-set';
import { decodeCameraFrame, type BarcodeFormat, type CameraFrameDecode, type RgbaImage } from '../../../shared/domain/barcode';
import { reduceToGray } from '../../../shared/domain/barcode/decode-camera-frame';
import { configureNodeBarcodeWasm } from '../../../shared/node/barcode';
import { addGaussianNoise, adjustContrast, blankImage, clutteredFrame, compose, rotate, seededRandom, type TestImage } from '../../support/image-transforms';
import { hc1Payload, renderSymbol } from './symbols';

// The live camera's fast path on real pixels through the real decoder: which pass reads which kind
// of code, in which coordinates, and that the passes after the first still find what it misses.
beforeAll(() => configureNodeBarcodeWasm());

const TEXT: Record<BarcodeFormat, string> = {
  QRCode: hc1Payload(300, 3),
  DataMatrix: 'P<UZBKARIMOV<<ALISHER<<<<<<<<<<<<<<<<<<<<<<<',
  PDF417: 'AA12345674UZB8501012M2512315<<<<<<<<<<<<<<02',
  Aztec: 'https://lab.example.uz/r/7f3a9c',
};

/** A noisy cluttered camera frame with `code` at (x, y). */
function frame(code: TestImage | undefined, x = 100, y = 80, seed = 1, width = 1280, height = 720): TestImage {
  const scene = clutteredFrame(width, height, seededRandom(seed));
  return addGaussianNoise(code ? compose(scene, code, x, y) : scene, 5, seededRandom(seed + 1));
}

async function camera(image: RgbaImage, formats?: BarcodeFormat[]): Promise<CameraFrameDecode> {
  const result = await decodeCameraFrame(image, formats ? { formats } : {});
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const read = (decoded: CameraFrameDecode) => decoded.codes.map((code) => [code.format, code.text]);

describe('reduceToGray', () => {
  const lum = (image: TestImage, x: number, y: number) => {
    const i = (y * image.width + x) * 4;
    return (306 * image.data[i]! + 601 * image.data[i + 1]! + 117 * image.data[i + 2]!) / 1024;
  };
  const expected = (image: TestImage, factor: number, x: number, y: number) => {
    let sum = 0;
    for (let dy = 0; dy < factor; dy++) for (let dx = 0; dx < factor; dx++) sum += lum(image, x * factor + dx, y * factor + dy);
    return Math.round(sum / factor ** 2);
  };

  it.each([2, 3])('averages each square block of side %i into one gray level, repeated in all four bytes', (factor) => {
    const image = addGaussianNoise(clutteredFrame(37, 23, seededRandom(factor)), 30, seededRandom(9));
    const reduced = reduceToGray(image, factor)!;
    expect([reduced.width, reduced.height]).toEqual([Math.floor(37 / factor), Math.floor(23 / factor)]);
    for (let y = 0; y < reduced.height; y++) {
      for (let x = 0; x < reduced.width; x++) {
        const i = (y * reduced.width + x) * 4;
        const gray = reduced.data[i];
        expect(Math.abs(gray! - expected(image, factor, x, y)), `pixel ${x},${y}`).toBeLessThanOrEqual(0.5 + 1e-9);
        expect([...reduced.data.subarray(i, i + 4)]).toEqual([gray, gray, gray, gray]);
      }
    }
  });

  it('gives the same pixels on its fast 2×2 path (32-bit reads) and its byte-wise path (pixels not 4-byte aligned)', () => {
    const image = addGaussianNoise(clutteredFrame(64, 40, seededRandom(21)), 40, seededRandom(22));
    const unaligned = new Uint8ClampedArray(image.data.length + 1).subarray(1);
    unaligned.set(image.data);
    const fast = reduceToGray(image, 2)!;
    const bytewise = reduceToGray({ data: unaligned, width: image.width, height: image.height }, 2)!;
    expect(bytewise.data).toEqual(fast.data);
    expect(new Set(fast.data).size).toBeGreaterThan(20);
  });

  it.each([2, 3])('refuses (undefined) a picture with a translucent pixel, factor %i: it must be flattened first', (factor) => {
    const image = clutteredFrame(36, 24, seededRandom(23));
    expect(reduceToGray(image, factor)).toBeDefined();
    image.data[(17 * 36 + 20) * 4 + 3] = 254;
    expect(reduceToGray(image, factor)).toBeUndefined();
  });
});

describe('decodeCameraFrame', () => {
  it.each(['QRCode', 'DataMatrix', 'PDF417', 'Aztec'] as const)('reads a %s held up to a 720p camera in the reduced picture (QR in the first pass, others in the second), in frame coordinates', async (format) => {
    const code = rotate(renderSymbol(format, TEXT[format], { moduleSize: format === 'QRCode' ? 4 : 5 }), format === 'PDF417' ? 1 : 10);
    // Aimed a little off the middle: without try-harder ZXing looks for a Data Matrix only on the centre lines.
    const [x, y] = [560 - code.width / 2, 400 - code.height / 2];
    const decoded = await camera(frame(code, x, y, format.length));
    expect(read(decoded)).toEqual([[format, TEXT[format]]]);
    expect(decoded.passes).toBe(format === 'QRCode' ? 1 : 2);
    // Found in the 640×360 picture, reported where it is in the 1280×720 one.
    const { topLeft, bottomRight } = decoded.codes[0]!.position;
    for (const corner of [topLeft, bottomRight]) {
      expect(corner.x).toBeGreaterThan(x - 10);
      expect(corner.x).toBeLessThan(x + code.width + 10);
      expect(corner.y).toBeGreaterThan(y - 10);
      expect(corner.y).toBeLessThan(y + code.height + 10);
    }
  });

  it('reads a distant QR (2.2-px modules) with the last, full-size pass, in the same frame', async () => {
    const decoded = await camera(frame(rotate(renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 2.2, quietZone: 2 }), -7), 800, 300, 5));
    expect(read(decoded)).toEqual([['QRCode', TEXT.QRCode]]);
    expect(decoded.passes).toBe(3);
  });

  it('reads a light-on-dark QR and a PDF417 turned a quarter in the second pass (reduced, inverted and turned)', async () => {
    const inverted = adjustContrast(renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 4 }), 255, 0);
    const invertedRead = await camera(frame(inverted, 300, 100, 7));
    expect(read(invertedRead)).toEqual([['QRCode', TEXT.QRCode]]);
    expect(invertedRead.passes).toBe(2);

    const sideways = await camera(frame(rotate(renderSymbol('PDF417', TEXT.PDF417, { moduleSize: 4 }), 90), 500, 100, 9));
    expect(read(sideways)).toEqual([['PDF417', TEXT.PDF417]]);
    expect(sideways.passes).toBe(2);
  });

  it('stops at the first pass that finds a code: a QR beside a Data Matrix reads alone until it is taken away', async () => {
    const qr = renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 4 });
    const dataMatrix = renderSymbol('DataMatrix', TEXT.DataMatrix, { moduleSize: 5 });
    const both = compose(compose(blankImage(1280, 720), qr, 100, 200), dataMatrix, 600, 300);
    expect(read(await camera(both))).toEqual([['QRCode', TEXT.QRCode]]);
    expect(read(await camera(compose(blankImage(1280, 720), dataMatrix, 600, 300)))).toEqual([['DataMatrix', TEXT.DataMatrix]]);
  });

  it('reads both codes of a frame showing two (a passport-zone QR beside the certificate, as in the two-codes e2e test)', async () => {
    const passport = 'P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<<\n4001234567TJK9001154M3001012<<<<<<<<<<<<<<06';
    let scene = blankImage(1280, 720);
    scene = compose(scene, renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 5 }), 40, 40);
    scene = compose(scene, renderSymbol('QRCode', passport, { moduleSize: 6 }), 760, 160);
    const decoded = await camera(scene);
    expect(decoded.codes.map((code) => code.text).sort()).toEqual([TEXT.QRCode, passport].sort());
  });

  it('reads a code on a transparent 720p picture in the reduced pass (flattened onto white first)', async () => {
    const code = renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 4 });
    // Typical generated PNG: light pixels fully transparent *black*, dark pixels opaque black.
    const transparent = { data: new Uint8ClampedArray(1280 * 720 * 4), width: 1280, height: 720 };
    for (let y = 0; y < code.height; y++) {
      for (let x = 0; x < code.width; x++) {
        if (code.data[(y * code.width + x) * 4]! < 128) transparent.data[((150 + y) * 1280 + 400 + x) * 4 + 3] = 255;
      }
    }
    const decoded = await camera(transparent);
    expect(read(decoded)).toEqual([['QRCode', TEXT.QRCode]]);
    expect(decoded.passes).toBe(1);
  });

  it('finds nothing in an empty frame after every pass: ok, no codes', async () => {
    expect(await camera(frame(undefined, 0, 0, 11))).toEqual({ codes: [], passes: 3 });
  });

  it('reads a 640×480 frame whole in one pass (too small to reduce), small modules included', async () => {
    const decoded = await camera(frame(renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 2.2, quietZone: 2 }), 200, 100, 13, 640, 480));
    expect(read(decoded)).toEqual([['QRCode', TEXT.QRCode]]);
    expect(decoded.passes).toBe(1);
  });

  it('reduces a 1080p frame by 3 (to 640×360) and maps the corners back', async () => {
    const decoded = await camera(frame(renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 9 }), 1000, 300, 15, 1920, 1080));
    expect(read(decoded)).toEqual([['QRCode', TEXT.QRCode]]);
    expect(decoded.passes).toBe(1);
    expect(decoded.codes[0]!.position.topLeft.x).toBeGreaterThan(1000);
  });

  it('looks only for the formats asked for', async () => {
    const image = frame(renderSymbol('QRCode', TEXT.QRCode, { moduleSize: 4 }), 100, 100, 17);
    // Without QR the QR-only first pass is skipped: two passes run, not three.
    expect(await camera(image, ['DataMatrix'])).toEqual({ codes: [], passes: 2 });
    expect(read(await camera(image, ['DataMatrix', 'QRCode']))).toEqual([['QRCode', TEXT.QRCode]]);
  });

  it('reads every 720p frame of the first two rounds of the benchmark hard set, never misreading', async () => {
    const frames = [...generateQrHardSet({ count: QR_HARD_SET_CATEGORIES.length * 2 })].filter((hardCase) => hardCase.isFrame720p);
    expect(frames).toHaveLength(8);
    for (const hardCase of frames) {
      expect((await camera(hardCase.image)).codes.map((code) => code.text), hardCase.id).toEqual([hardCase.text]);
    }
  });

  it('refuses malformed input with the same typed errors as decodeBarcodes', async () => {
    expect(await decodeCameraFrame({ data: new Uint8ClampedArray(100), width: 10, height: 10 })).toMatchObject({ ok: false, error: { code: 'invalid-image' } });
    expect(await decodeCameraFrame({ data: new Uint8ClampedArray(4), width: 5000, height: 1 })).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
    expect(await decodeCameraFrame(blankImage(8, 8), { formats: ['Code128' as BarcodeFormat] })).toMatchObject({ ok: false, error: { code: 'invalid-options' } });
  });
});
