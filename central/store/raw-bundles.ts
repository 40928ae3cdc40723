import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { renameDurable, writeFileDurable } from '../../shared/node/export';

/**
 * Raw bundles as received, content-addressed: `<dir>/<first two hex digits>/<sha256>.zip`. Written durably
 * before the database transaction that refers to it commits; the same bytes twice are one file.
 */
export function storeRawBundle(dir: string, sha256: string, bytes: Uint8Array): string {
  const folder = path.join(dir, sha256.slice(0, 2));
  const file = path.join(folder, `${sha256}.zip`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(folder, { recursive: true });
  const partial = path.join(folder, `.${sha256}.${randomBytes(4).toString('hex')}.partial`);
  try {
    writeFileDurable(partial, bytes);
    renameDurable(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return file;
}

export const rawBundlePath = (dir: string, sha256: string): string => path.join(dir, sha256.slice(0, 2), `${sha256}.zip`);
