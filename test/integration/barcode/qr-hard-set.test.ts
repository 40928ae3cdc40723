import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRAME_HEIGHT, FRAME_WIDTH, generateQrHardSet, QR_HARD_SET_CATEGORIES, QR_HARD_SET_SIZE, qrHardCase } from '../../../bench/qr-hard-set';
import { decodeBarcodes } from '../../../shared/domain/barcode';
import { configureNodeBarcodeWasm } from '../../../shared/node/barcode';

// A slice of the benchmark's hard set (bench/qr-hard-set.ts): one case of each category in each
// of the first two rounds, 720p frames included. The full set is the benchmark's job.
beforeAll(() => configureNodeBarcodeWasm());

const SLICE = QR_HARD_SET_CATEGORIES.length * 2;

describe('QR hard set', () => {
  it('has at least 200 cases, a quarter or more of them 1280×720 frames', () => {
    expect(QR_HARD_SET_SIZE).toBeGreaterThanOrEqual(200);
    const frames = QR_HARD_SET_CATEGORIES.filter((category) => category.startsWith('frame')).length / QR_HARD_SET_CATEGORIES.length;
    expect(frames * QR_HARD_SET_SIZE).toBeGreaterThanOrEqual(50);
  });

  it('is deterministic: a case is the same pixels however it is reached', () => {
    const digest = (data: Uint8ClampedArray) => createHash('sha256').update(data).digest('hex');
    const viaGenerator = [...generateQrHardSet({ start: 9, count: 2 })];
    expect(viaGenerator.map((c) => c.id)).toEqual(['009-frame-perspective', '010-frame-dim']);
    expect(viaGenerator.map((c) => digest(c.image.data))).toEqual([digest(qrHardCase(9).image.data), digest(qrHardCase(10).image.data)]);
    expect(digest(qrHardCase(9, 7).image.data)).not.toBe(digest(qrHardCase(9).image.data));
  });

  it(`zxing-wasm decodes ≥ 95 % of the first ${SLICE} cases and never misreads`, async () => {
    const misses: string[] = [];
    let frames = 0;
    for (const hardCase of generateQrHardSet({ count: SLICE })) {
      if (hardCase.isFrame720p) {
        frames += 1;
        expect([hardCase.image.width, hardCase.image.height]).toEqual([FRAME_WIDTH, FRAME_HEIGHT]);
      }
      const result = await decodeBarcodes(hardCase.image, { formats: ['QRCode'] });
      if (!result.ok) throw new Error(result.error.message);
      for (const code of result.value) expect(code.text, `${hardCase.id} misread`).toBe(hardCase.text);
      if (result.value.length === 0) misses.push(hardCase.id);
    }
    expect(frames).toBe(8);
    expect(misses.length / SLICE, `missed: ${misses.join(', ')}`).toBeLessThanOrEqual(0.05);
  });
});
