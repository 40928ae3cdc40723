import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

/** Largest bundle we unpack: 100k crossings take ~100 MB; anything far larger is not ours (or a zip bomb). */
export const MAX_BUNDLE_BYTES = 2 * 1024 ** 3;

/** SHA-256 hex for verifyBundle's `sha256`: hashes the bytes where they are (WebCrypto copies them first). */
export const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export type ReadBundleResult =
  | { readonly ok: true; readonly files: Map<string, Uint8Array>; readonly kind: 'folder' | 'zip' }
  /** `unusable`: nothing there to check (no such path); `damaged`: a bundle that cannot be read whole. */
  | { readonly ok: false; readonly reason: 'unusable' | 'damaged'; readonly message: string };

/**
 * Reads a bundle folder or .zip into memory for verification. Sub-folders and zip entries with a path are
 * returned under their path, so the verifier reports them as unexpected files.
 */
export function readBundle(target: string): ReadBundleResult {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return { ok: false, reason: 'unusable', message: `there is no bundle at ${target}` };
  const files = new Map<string, Uint8Array>();
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
      files.set(entry.isDirectory() ? `${entry.name}/` : entry.name, entry.isDirectory() ? new Uint8Array(0) : fs.readFileSync(path.join(target, entry.name)));
    }
    return { ok: true, files, kind: 'folder' };
  }
  if (stat.size > MAX_BUNDLE_BYTES) return { ok: false, reason: 'unusable', message: `${target} is larger than any bundle (${stat.size} bytes)` };
  const bytes = fs.readFileSync(target);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    return { ok: false, reason: 'damaged', message: `${path.basename(target)} is not a zip file (it does not start with a zip header)` };
  }
  try {
    let total = 0;
    const entries = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_BUNDLE_BYTES) throw new Error('it unpacks to more than any bundle holds');
        return true;
      },
    });
    for (const [name, data] of Object.entries(entries)) files.set(name, data);
  } catch (error) {
    return { ok: false, reason: 'damaged', message: `${path.basename(target)} is truncated or damaged and cannot be unpacked (${(error as Error).message})` };
  }
  return { ok: true, files, kind: 'zip' };
}
