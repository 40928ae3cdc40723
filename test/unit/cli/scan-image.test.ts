import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { blankImage, toPng } from '../../support/image-transforms';
import { runCheckpoint, runCheckpointBin } from '../../support/cli';
import { tempDir } from '../../support/temp-dir';

// In-process, but for the first case: the real `checkpoint` bin (the esbuild bundle in dist/node, as users
// get it; `npm test` builds first), which proves the bundle finds zxing-wasm's .wasm on disk.
const run = (args: string[]) => runCheckpoint(args);
const write = (name: string, bytes: Uint8Array | string): string => {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
};

describe('checkpoint scan-image', () => {
  it('prints the text, format and corners of the QR code in a PNG', async () => {
    const text = 'HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDE';
    const file = write('dcc.png', await QRCode.toBuffer(text, { scale: 4, margin: 4 }));
    const { code, stdout, stderr } = runCheckpointBin(['scan-image', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const found = JSON.parse(stdout) as { text: string; format: string; position: Record<string, { x: number; y: number }> }[];
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ text, format: 'QRCode' });
    expect(Object.keys(found[0]?.position ?? {})).toEqual(['topLeft', 'topRight', 'bottomRight', 'bottomLeft']);
    expect(found[0]?.position.topLeft).toEqual({ x: expect.closeTo(16, -1) as number, y: expect.closeTo(16, -1) as number });
  });

  it('prints [] and exits 0 for an image without any code', async () => {
    const { code, stdout } = await run(['scan-image', write('blank.png', toPng(blankImage(320, 200, 230)))]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('exits 2 with a clear message for a file that is not an image', async () => {
    const file = write('notes.txt', 'HC1:not an image\n');
    const { code, stdout, stderr } = await run(['scan-image', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe(`checkpoint: cannot read ${file} as an image: not a PNG or JPEG image`);
  });

  it('exits 2 for a missing file and for a missing argument', async () => {
    const missing = await run(['scan-image', path.join(tempDir(), 'nope.png')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.png as an image: no such file/);
    const noArgument = await run(['scan-image']);
    expect(noArgument.code).toBe(2);
    expect(noArgument.stderr).toMatch(/scan-image takes exactly one image file/);
  });

  it('is listed in the usage', async () => {
    expect((await run(['help'])).stdout).toMatch(/scan-image <file>/);
  });
});
