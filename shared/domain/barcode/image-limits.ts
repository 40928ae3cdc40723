import { err, ok, type Result } from '../result';
import type { BarcodeProblem } from './barcode-problem';

/**
 * Largest accepted side in pixels. A 4K camera frame or a 300 dpi A4 scan cropped to the code fits;
 * beyond that the grayscale copy alone would be >16 MB of wasm heap per image, and an
 * attacker-sized image could exhaust the decoder.
 */
export const MAX_IMAGE_SIDE = 4096;

/** Checks the declared size before anything allocates or reads pixels. */
export function checkImageSize(width: number, height: number): Result<void, BarcodeProblem> {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) {
    return err({ code: 'invalid-image', message: `image size ${String(width)}×${String(height)} is not a positive whole number of pixels` });
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return err({
      code: 'image-too-large',
      message: `image is ${width}×${height} pixels; the largest accepted is ${MAX_IMAGE_SIDE}×${MAX_IMAGE_SIDE} (crop or scale it down)`,
    });
  }
  return ok(undefined);
}
