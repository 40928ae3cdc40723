import type { RgbaImage } from './barcode-types';

/**
 * The decoder turns RGBA into luminance from R, G and B only, so a transparent pixel stored as
 * (0,0,0,0) — the usual background of a generated QR PNG or a pasted screenshot — reads as black
 * and swallows the dark modules. Composite onto white, as a viewer would show it. Opaque images
 * (every camera frame) are returned as they are, without a copy.
 */
export function flattenOntoWhite(image: RgbaImage): RgbaImage {
  const { data } = image;
  let firstTranslucent = -1;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] !== 255) {
      firstTranslucent = i - 3;
      break;
    }
  }
  if (firstTranslucent < 0) return image;
  const out = new Uint8ClampedArray(data);
  for (let i = firstTranslucent; i < out.length; i += 4) {
    const alpha = out[i + 3] ?? 255;
    if (alpha === 255) continue;
    const white = 255 * (255 - alpha);
    out[i] = ((out[i] ?? 0) * alpha + white) / 255;
    out[i + 1] = ((out[i + 1] ?? 0) * alpha + white) / 255;
    out[i + 2] = ((out[i + 2] ?? 0) * alpha + white) / 255;
    out[i + 3] = 255;
  }
  return { data: out, width: image.width, height: image.height };
}
