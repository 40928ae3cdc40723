import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readUserFileSync } from '../files';
import { sha256Hex } from '../sha256';

/** Largest bundle we unpack: 100k crossings take ~100 MB; anything far larger is not ours (or a zip bomb). */
export const MAX_BUNDLE_BYTES = 2 * 1024 ** 3;

/** SHA-256 hex for verifyBundle's `sha256`: hashes the bytes where they are (WebCrypto copies them first). */
export const nodeSha256: (bytes: Uint8Array) => string = sha256Hex;

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
    let total = 0;
    for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        files.set(`${entry.name}/`, new Uint8Array(0));
        continue;
      }
      // Only regular files, and the folder as a whole no larger than a bundle: a FIFO, a device link or a
      // sparse giant is named, never read.
      const read = readUserFileSync(path.join(target, entry.name), MAX_BUNDLE_BYTES - total);
      if (!read.ok) return { ok: false, reason: 'damaged', message: `${entry.name} in ${path.basename(target)} cannot be read as part of a bundle: ${read.error.message}` };
      total += read.value.length;
      files.set(entry.name, read.value);
    }
    return { ok: true, files, kind: 'folder' };
  }
  const zip = readUserFileSync(target, MAX_BUNDLE_BYTES);
  if (!zip.ok) return { ok: false, reason: 'unusable', message: `${target} cannot be read as a bundle: ${zip.error.message}` };
  return readZipBundle(zip.value, path.basename(target));
}

/** A bundle .zip already in memory (the central side receives it as a request body); `label` names it in messages. */
export function readZipBundle(bytes: Buffer, label: string): ReadBundleResult {
  if (bytes.length > MAX_BUNDLE_BYTES) return { ok: false, reason: 'unusable', message: `${label} is larger than any bundle (${bytes.length} bytes)` };
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    return { ok: false, reason: 'damaged', message: `${label} is not a zip file (it does not start with a zip header)` };
  }
  const files = new Map<string, Uint8Array>();
  try {
    for (const [name, data] of unzipEntries(bytes)) files.set(name, data);
  } catch (error) {
    return { ok: false, reason: 'damaged', message: `${label} is truncated or damaged and cannot be unpacked (${(error as Error).message})` };
  }
  return { ok: true, files, kind: 'zip' };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * The entries of a zip, in central-directory order, inflated by node:zlib (native: several times faster than
 * fflate's JavaScript inflate on a 60 MB entry). Declared sizes are capped at MAX_BUNDLE_BYTES before anything
 * is inflated (zip bombs), and every entry must inflate to exactly its declared size and CRC-32.
 */
function unzipEntries(zip: Buffer): [string, Uint8Array][] {
  const fail = (why: string): never => {
    throw new Error(why);
  };
  let end = zip.length - 22;
  const lowest = Math.max(0, end - 65_535);
  while (end >= lowest && zip.readUInt32LE(end) !== EOCD) end -= 1;
  if (end < lowest) fail('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) fail('a zip64 archive is not a bundle');
  const declared: { name: string; method: number; crc: number; start: number; packed: number; size: number }[] = [];
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) fail('invalid central directory');
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (next > zip.length) fail('invalid central directory');
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    // Tools disagree on which of two same-named entries they show (unzip the first, a map the last).
    if (declared.some((other) => other.name === name)) fail(`it holds two entries named ${name}`);
    const size = zip.readUInt32LE(at + 24);
    total += size;
    if (total > MAX_BUNDLE_BYTES) fail('it unpacks to more than any bundle holds');
    const local = zip.readUInt32LE(at + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) fail(`no local header for ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const packed = zip.readUInt32LE(at + 20);
    if (start + packed > zip.length) fail(`${name} is cut short`);
    declared.push({ name, method: zip.readUInt16LE(at + 10), crc: zip.readUInt32LE(at + 16), start, packed, size });
    at = next;
  }
  return declared.map(({ name, method, crc, start, packed, size }) => {
    const data = zip.subarray(start, start + packed);
    let bytes: Uint8Array;
    if (method === 0) bytes = new Uint8Array(data);
    else if (method === 8) bytes = zlib.inflateRawSync(data, { chunkSize: Math.max(64, size), maxOutputLength: Math.max(1, size) });
    else return fail(`${name} uses compression method ${method}`);
    if (bytes.length !== size || zlib.crc32(bytes) !== crc) fail(`${name} does not unpack to what the zip declares`);
    return [name, bytes];
  });
}
