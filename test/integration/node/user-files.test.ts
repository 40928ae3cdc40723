/**
 * Files and folders a person chooses (a USB stick, a command-line argument) that are not what they seem:
 * a named pipe, a link to /dev/zero, a sparse file of gigabytes, a zip with two entries of one name.
 * Before the fix a FIFO in a trust-list or bundle folder hung the import or the verifier for good,
 * and the verifier took the last of two same-named zip entries while `unzip` shows the first.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readBundle, readZipBundle } from '../../../shared/node/export';
import { readUserFileSync } from '../../../shared/node/files';
import { readTrustList } from '../../../shared/node/trust-list';
import { makeSigner } from '../../fixtures/dcc/build-dcc';
import { pemOf } from '../../fixtures/dcc/trust-list-files';
import { tempDir } from '../../support/temp-dir';

const fifos: string[] = [];

afterEach(() => {
  // A reader stuck on a FIFO (the fault this file tests) is released by a writer closing it.
  for (const fifo of fifos.splice(0)) {
    try {
      fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      // No reader waiting: nothing to release.
    }
  }
});

function fifoAt(file: string): string {
  execFileSync('mkfifo', [file]);
  fifos.push(file);
  return file;
}

/** Fails instead of hanging when the read under test blocks (the fault before the fix). */
function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still reading after ${seconds} s`)), seconds * 1000))]);
}

const sparseFile = (file: string, bytes: number): string => {
  fs.closeSync(fs.openSync(file, 'w'));
  fs.truncateSync(file, bytes);
  return file;
};

describe('files people choose', () => {
  it('reads only regular files: a FIFO, a device link and a sparse 3 GB file are named, not read', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plain.json'), '[]');
    expect(readUserFileSync(path.join(dir, 'plain.json'), 10)).toMatchObject({ ok: true });
    expect(readUserFileSync(fifoAt(path.join(dir, 'pipe')), 1024)).toMatchObject({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('FIFO') } });
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero'));
    expect(readUserFileSync(path.join(dir, 'zero'), 1024)).toMatchObject({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('device') } });
    const sparse = sparseFile(path.join(dir, 'sparse.bin'), 3 * 1024 ** 3);
    expect(readUserFileSync(sparse, 32 * 1024 * 1024)).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('3221225472 bytes') } });
    expect(readUserFileSync(dir, 1024)).toMatchObject({ ok: false, error: { code: 'not-a-file', message: expect.stringContaining('folder') } });
    expect(readUserFileSync(path.join(dir, 'missing'), 1024)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses a trust-list folder holding a FIFO, a /dev/zero link or a sparse giant, with a sentence', async () => {
    const signer = await makeSigner('ES256', { country: 'UZ' });
    for (const plant of [
      (dir: string) => fifoAt(path.join(dir, 'b.pem')),
      (dir: string) => fs.symlinkSync('/dev/zero', path.join(dir, 'b.pem')),
      (dir: string) => sparseFile(path.join(dir, 'b.pem'), 3 * 1024 ** 3),
    ]) {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'a.pem'), pemOf(signer));
      plant(dir);
      const result = await withinSeconds(10, readTrustList(dir));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/b\.pem in .*(not a regular file|too large)/);
    }
    // A trust-list file that is a FIFO is refused too.
    expect(await withinSeconds(10, readTrustList(fifoAt(path.join(tempDir(), 'list.json'))))).toMatchObject({ ok: false, error: { code: 'unreadable' } });
  });

  it('refuses a bundle folder holding a FIFO or a device link, and a bundle zip that is not a regular file', async () => {
    for (const plant of [(dir: string) => fifoAt(path.join(dir, 'crossings.csv')), (dir: string) => fs.symlinkSync('/dev/zero', path.join(dir, 'crossings.csv'))]) {
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
      plant(dir);
      const result = await withinSeconds(10, Promise.resolve().then(() => readBundle(dir)));
      expect(result).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringMatching(/crossings\.csv .*not a regular file/) });
    }
    const pipe = fifoAt(path.join(tempDir(), 'bundle.zip'));
    expect(await withinSeconds(10, Promise.resolve().then(() => readBundle(pipe)))).toMatchObject({ ok: false, message: expect.stringContaining('FIFO') });
  });

  it('refuses a zip with two entries of the same name', () => {
    const zip = Buffer.from(zipSync({ 'manifest.json': new TextEncoder().encode('{"a":1}'), 'manifesT.json': new TextEncoder().encode('{"a":2}') }, { level: 0 }));
    const doubled = Buffer.from(zip.toString('latin1').replaceAll('manifesT.json', 'manifest.json'), 'latin1');
    expect(readZipBundle(zip, 'ok.zip')).toMatchObject({ ok: true });
    expect(readZipBundle(doubled, 'bundle.zip')).toMatchObject({ ok: false, reason: 'damaged', message: expect.stringContaining('two entries named manifest.json') });
  });
});
