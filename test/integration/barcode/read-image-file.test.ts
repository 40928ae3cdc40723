import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBarcodes } from '../../../shared/domain/barcode';
import { configureNodeBarcodeWasm, decodeImageBytes, MAX_IMAGE_FILE_BYTES, readImageFile, readImageHeader } from '../../../shared/node/barcode';
import { addGaussianNoise, onBackground, rotate, seededRandom, toJpeg, toPng } from '../../support/image-transforms';
import { tempDir } from '../../support/temp-dir';
import { renderSymbol } from './symbols';

beforeAll(() => configureNodeBarcodeWasm());

const write = (name: string, bytes: Uint8Array | string): string => {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
};

async function textsIn(file: string): Promise<string[]> {
  const image = await readImageFile(file);
  if (!image.ok) throw new Error(`${image.error.code}: ${image.error.message}`);
  const decoded = await decodeBarcodes(image.value);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return decoded.value.map((code) => code.text);
}

/** A PNG that declares `width` × `height` in a valid-looking IHDR but holds no real image data. */
function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 6, 0, 0, 0], 16); // 8-bit RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}

describe('readImageFile', () => {
  it('reads a PNG made by `qrcode` (palette/greyscale as the encoder chooses) into RGBA and decodes it', async () => {
    const file = write('qr.png', await QRCode.toBuffer('HC1:FROM-A-PNG-FILE', { scale: 4 }));
    const image = await readImageFile(file);
    expect(image.ok && image.value.data.length).toBe(image.ok ? image.value.width * image.value.height * 4 : -1);
    expect(await textsIn(file)).toEqual(['HC1:FROM-A-PNG-FILE']);
  });

  it('reads a JPEG photo-like image (rotated, noisy, lossy) and decodes it', async () => {
    const photo = addGaussianNoise(onBackground(rotate(renderSymbol('QRCode', 'https://lab.example.uz/r/42', { moduleSize: 5 }), 20)), 8, seededRandom(3));
    const file = write('photo.jpg', toJpeg(photo, 70));
    expect(await textsIn(file)).toEqual(['https://lab.example.uz/r/42']);
  });

  it('reads a Data Matrix PNG written by our own encoder helper', async () => {
    const file = write('dm.png', toPng(renderSymbol('DataMatrix', 'P<UZBKARIMOV<<ALISHER', { moduleSize: 6 })));
    expect(await textsIn(file)).toEqual(['P<UZBKARIMOV<<ALISHER']);
  });

  it('a text file is not an image', async () => {
    expect(await readImageFile(write('notes.txt', 'HC1:this is text, not pixels\n'))).toMatchObject({ ok: false, error: { code: 'not-an-image' } });
    expect(await readImageFile(write('empty.png', ''))).toMatchObject({ ok: false, error: { code: 'not-an-image' } });
  });

  it('a truncated PNG is a corrupt image, not a crash', async () => {
    const png = await QRCode.toBuffer('HC1:TRUNCATED', { scale: 4 });
    for (const cut of [20, 40, Math.floor(png.length / 2), png.length - 13]) {
      const result = await readImageFile(write(`cut-${cut}.png`, png.subarray(0, cut)));
      expect(result, `cut at ${cut}`).toMatchObject({ ok: false, error: { code: 'corrupt-image' } });
    }
  });

  it('a PNG with damaged pixel data is a corrupt image', async () => {
    const png = Buffer.from(await QRCode.toBuffer('HC1:DAMAGED', { scale: 4 }));
    png.fill(0x55, 60, 120);
    expect(await readImageFile(write('damaged.png', png))).toMatchObject({ ok: false, error: { code: 'corrupt-image' } });
  });

  it('a truncated JPEG without its frame header is a corrupt image', async () => {
    const jpeg = toJpeg(renderSymbol('QRCode', 'x', { moduleSize: 4 }));
    expect(await readImageFile(write('cut.jpg', jpeg.subarray(0, 30)))).toMatchObject({ ok: false, error: { code: 'corrupt-image' } });
  });

  it('refuses a decompression bomb from its header, before decoding (PNG and JPEG)', async () => {
    const bomb = await readImageFile(write('bomb.png', pngDeclaring(100_000, 100_000)));
    expect(bomb).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
    if (!bomb.ok) expect(bomb.error.message).toMatch(/100000×100000/);

    const jpeg = Buffer.from(toJpeg(renderSymbol('QRCode', 'x', { moduleSize: 4 })));
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(5000, sof + 5); // height
    jpeg.writeUInt16BE(6000, sof + 7); // width
    expect(readImageHeader(jpeg)).toEqual({ type: 'jpeg', width: 6000, height: 5000 });
    expect(await readImageFile(write('bomb.jpg', jpeg))).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
  });

  it('refuses a file larger than any accepted image without reading it', async () => {
    const file = path.join(tempDir(), 'huge.png');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_IMAGE_FILE_BYTES + 1); // sparse: no real disk use
    expect(await readImageFile(file)).toMatchObject({ ok: false, error: { code: 'file-too-large' } });
  });

  it('a missing file or a folder is unreadable', async () => {
    const dir = tempDir();
    expect(await readImageFile(path.join(dir, 'nope.png'))).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: 'no such file' } });
    expect(await readImageFile(dir)).toMatchObject({ ok: false, error: { code: 'file-unreadable', message: 'it is a folder' } });
  });

  it('decodes bytes already in memory (clipboard paste) the same way', () => {
    const original = renderSymbol('QRCode', 'x', { moduleSize: 2 });
    const image = decodeImageBytes(toPng(original));
    expect(image.ok && [image.value.width, image.value.height]).toEqual([58, 58]); // (21 modules + 2 × 4 quiet) × 2 px
    expect(image.ok && Buffer.from(image.value.data).equals(Buffer.from(original.data))).toBe(true);
    expect(decodeImageBytes(new TextEncoder().encode('GIF89a…'))).toMatchObject({ ok: false, error: { code: 'not-an-image' } });
  });
});
