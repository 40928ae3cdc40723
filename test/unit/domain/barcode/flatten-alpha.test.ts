import { describe, expect, it } from 'vitest';
import { flattenOntoWhite } from '../../../../shared/domain/barcode/flatten-alpha';

const image = (...pixels: number[][]) => ({ data: new Uint8ClampedArray(pixels.flat()), width: pixels.length, height: 1 });

describe('flattenOntoWhite', () => {
  it('returns an opaque image as it is, without copying (camera frames)', () => {
    const opaque = image([0, 0, 0, 255], [255, 255, 255, 255]);
    expect(flattenOntoWhite(opaque)).toBe(opaque);
  });

  it('shows transparent pixels as white, whatever colour they store', () => {
    const flat = flattenOntoWhite(image([0, 0, 0, 255], [0, 0, 0, 0], [12, 200, 7, 0]));
    expect([...flat.data]).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
  });

  it('blends translucent pixels onto white and leaves the input untouched', () => {
    const input = image([0, 0, 0, 128], [100, 100, 100, 255]);
    const flat = flattenOntoWhite(input);
    expect([...flat.data]).toEqual([127, 127, 127, 255, 100, 100, 100, 255]);
    expect([...input.data]).toEqual([0, 0, 0, 128, 100, 100, 100, 255]);
  });
});
