import { describe, expect, it } from 'vitest';
import { decodeBarcodes } from '../../../shared/domain/barcode';
import { configureNodeBarcodeWasm } from '../../../shared/node/barcode';
import { compose, pngPixels, qrPng } from '../../e2e/support/code-pictures';
import { encodeY4m, rgbaToI420, type RgbaFrame } from '../../e2e/support/y4m';

const solid = (width: number, height: number, [r, g, b]: readonly [number, number, number]): RgbaFrame => {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([r, g, b, 255], i);
  return { width, height, data };
};

/** An independent reader: header fields, then the planes of each frame, back to RGBA (inverse BT.601). */
function readY4m(file: Buffer): { header: string; frames: RgbaFrame[] } {
  const headerEnd = file.indexOf(0x0a);
  const header = file.subarray(0, headerEnd).toString('ascii');
  const width = Number(/ W(\d+)/.exec(header)?.[1]);
  const height = Number(/ H(\d+)/.exec(header)?.[1]);
  const frames: RgbaFrame[] = [];
  let at = headerEnd + 1;
  const lumaSize = width * height;
  const chromaSize = lumaSize / 4;
  while (at < file.length) {
    const marker = file.subarray(at, at + 6).toString('ascii');
    if (marker !== 'FRAME\n') throw new Error(`expected FRAME at byte ${at}, got ${JSON.stringify(marker)}`);
    at += 6;
    const y = file.subarray(at, at + lumaSize);
    const u = file.subarray(at + lumaSize, at + lumaSize + chromaSize);
    const v = file.subarray(at + lumaSize + chromaSize, at + lumaSize + 2 * chromaSize);
    at += lumaSize + 2 * chromaSize;
    const data = new Uint8Array(lumaSize * 4);
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const c = (row >> 1) * (width / 2) + (col >> 1);
        const yy = 1.164 * (y[row * width + col]! - 16);
        const uu = u[c]! - 128;
        const vv = v[c]! - 128;
        const clamp = (n: number) => Math.max(0, Math.min(255, Math.round(n)));
        data.set([clamp(yy + 1.596 * vv), clamp(yy - 0.392 * uu - 0.813 * vv), clamp(yy + 2.017 * uu), 255], (row * width + col) * 4);
      }
    }
    frames.push({ width, height, data });
  }
  return { header, frames };
}

describe('Y4M writer for the fake camera', () => {
  it('writes the header line and FRAME + Y + U + V per frame, with 4:2:0 plane sizes', () => {
    const file = encodeY4m([solid(6, 4, [255, 255, 255]), solid(6, 4, [0, 0, 0])], { fps: 10 });
    const header = 'YUV4MPEG2 W6 H4 F10:1 Ip A1:1 C420jpeg\n';
    expect(file.subarray(0, header.length).toString('ascii')).toBe(header);
    const frameBytes = 'FRAME\n'.length + 6 * 4 + 2 * (3 * 2);
    expect(file.length).toBe(header.length + 2 * frameBytes);
    expect(file.subarray(header.length + frameBytes, header.length + frameBytes + 6).toString('ascii')).toBe('FRAME\n');
  });

  it('uses BT.601 studio range: white 235, black 16, neutral chroma 128, and red at its textbook values', () => {
    expect(rgbaToI420(solid(2, 2, [255, 255, 255]))).toEqual({ y: new Uint8Array([235, 235, 235, 235]), u: new Uint8Array([128]), v: new Uint8Array([128]) });
    expect(rgbaToI420(solid(2, 2, [0, 0, 0]))).toEqual({ y: new Uint8Array([16, 16, 16, 16]), u: new Uint8Array([128]), v: new Uint8Array([128]) });
    // ITU-R BT.601 red: Y 81, Cb 90, Cr 240.
    expect(rgbaToI420(solid(2, 2, [255, 0, 0]))).toEqual({ y: new Uint8Array([81, 81, 81, 81]), u: new Uint8Array([90]), v: new Uint8Array([240]) });
  });

  it('averages each 2×2 block into one chroma sample', () => {
    const frame = solid(2, 2, [0, 0, 0]);
    frame.data.set([255, 0, 0, 255], 0); // one red pixel among three black
    const { y, u, v } = rgbaToI420(frame);
    expect([...y]).toEqual([81, 16, 16, 16]);
    expect(v[0]).toBe(Math.round(128 + (112.439 * 255) / 4 / 256));
    expect(u[0]).toBe(Math.round(128 + (-37.945 * 255) / 4 / 256));
  });

  it('refuses odd sides, wrong buffer sizes, mixed frame sizes and no frames', () => {
    expect(() => rgbaToI420(solid(3, 2, [0, 0, 0]))).toThrow(/even sides/);
    expect(() => rgbaToI420({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(/16 bytes, got 15/);
    expect(() => encodeY4m([solid(2, 2, [0, 0, 0]), solid(4, 2, [0, 0, 0])], { fps: 5 })).toThrow(/every frame must be 2×2/);
    expect(() => encodeY4m([], { fps: 5 })).toThrow(/at least one frame/);
  });

  it('keeps a real QR code readable: PNG → frame → Y4M → read back → zxing-wasm decodes the same text', async () => {
    configureNodeBarcodeWasm();
    const text = 'https://lab.example.uz/r/2021-04-17/PCR-000457?c=NEG';
    const qr = pngPixels(await qrPng(text, 5));
    const frame = compose(320, 240, [{ picture: qr, x: Math.floor((320 - qr.width) / 2) & ~1, y: Math.floor((240 - qr.height) / 2) & ~1 }]);
    const { header, frames } = readY4m(encodeY4m([frame, frame], { fps: 10 }));
    expect(header).toBe('YUV4MPEG2 W320 H240 F10:1 Ip A1:1 C420jpeg');
    expect(frames).toHaveLength(2);
    const [back] = frames as [RgbaFrame];
    const decoded = await decodeBarcodes({ width: back.width, height: back.height, data: new Uint8ClampedArray(back.data) });
    expect(decoded).toMatchObject({ ok: true, value: [{ text, format: 'QRCode' }] });
  });
});
