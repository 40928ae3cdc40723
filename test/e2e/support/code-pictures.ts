import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { RgbaFrame } from './y4m';

/** A QR code as a real PNG file (qrcode's own renderer), black on white with the standard quiet zone. */
export function qrPng(text: string, scale: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', scale, margin: 4, errorCorrectionLevel: 'M' });
}

/** Reads a PNG file's pixels (pngjs), as a camera or a canvas would see them. */
export function pngPixels(png: Buffer): RgbaFrame {
  const decoded = PNG.sync.read(png);
  return { width: decoded.width, height: decoded.height, data: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.length) };
}

/** A white picture of the given size with the pictures placed at the given top-left corners. */
export function compose(width: number, height: number, placed: readonly { readonly picture: RgbaFrame; readonly x: number; readonly y: number }[]): RgbaFrame {
  const data = new Uint8Array(width * height * 4).fill(255);
  for (const { picture, x, y } of placed) {
    if (x < 0 || y < 0 || x + picture.width > width || y + picture.height > height) {
      throw new Error(`a ${picture.width}×${picture.height} picture at ${x},${y} does not fit in ${width}×${height}`);
    }
    for (let row = 0; row < picture.height; row++) {
      const from = row * picture.width * 4;
      data.set(picture.data.subarray(from, from + picture.width * 4), ((y + row) * width + x) * 4);
    }
  }
  return { width, height, data };
}

/** Encodes pixels as a PNG file. */
export function toPng(frame: RgbaFrame): Buffer {
  const png = new PNG({ width: frame.width, height: frame.height });
  png.data = Buffer.from(frame.data);
  return PNG.sync.write(png);
}

/** The largest whole module scale at which a QR of `text` (with quiet zone) fits in `side` pixels. */
export function qrScaleToFit(text: string, side: number): number {
  const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + 8;
  const scale = Math.floor(side / modules);
  if (scale < 1) throw new Error(`a ${modules}-module QR code does not fit in ${side} pixels`);
  return scale;
}
