import { describe, expect, it } from 'vitest';
import { checkImageSize, MAX_IMAGE_SIDE } from '../../../../shared/domain/barcode';

describe('checkImageSize', () => {
  it('accepts camera and scan sizes up to 4096 px a side', () => {
    for (const [width, height] of [[1, 1], [1280, 720], [1920, 1080], [3840, 2160], [MAX_IMAGE_SIDE, MAX_IMAGE_SIDE]] as const) {
      expect(checkImageSize(width, height), `${width}×${height}`).toEqual({ ok: true, value: undefined });
    }
  });

  it('refuses larger images with a message naming both sizes', () => {
    const result = checkImageSize(8000, 6000);
    expect(result).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
    if (!result.ok) expect(result.error.message).toBe('image is 8000×6000 pixels; the largest accepted is 4096×4096 (crop or scale it down)');
    expect(checkImageSize(4097, 1)).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
    expect(checkImageSize(1, 4097)).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
  });

  it('refuses sizes that are not positive whole numbers', () => {
    for (const [width, height] of [[0, 10], [10, -1], [10.5, 10], [Number.NaN, 1], [Infinity, 1]]) {
      expect(checkImageSize(width as number, height as number), `${width}×${height}`).toMatchObject({ ok: false, error: { code: 'invalid-image' } });
    }
  });
});
