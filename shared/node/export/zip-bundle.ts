import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { fsyncPath } from '../files';

const CHUNK = 1024 * 1024;
/** Deflate level 1: the bundle is mostly repeated JSON keys, and speed matters more than the last few percent. */
const LEVEL = 1;

/**
 * A zip entry deflated by node:zlib (native, ~7x faster than fflate's JavaScript deflate on a 60 MB file);
 * fflate's Zip still writes the container. Each chunk is a deflate segment ending in a sync flush, the last
 * one final: the concatenation is one valid deflate stream (pigz's technique), chunk by chunk in memory.
 */
/** One chunk as a deflate segment: sync-flushed, or finished when it is the last. */
const deflateSegment = (chunk: Uint8Array, final: boolean) =>
  zlib.deflateRawSync(chunk, { level: LEVEL, finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });

class NativeDeflateEntry implements ZipInputFile {
  readonly compression = 8;
  /** General-purpose flag bits 1-2 for level 1 ("super fast"), as fflate's ZipDeflate writes them. */
  readonly flag = 3;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    readonly mtime: Date,
  ) {}

  push(chunk: Uint8Array, final: boolean): void {
    this.size += chunk.length;
    this.crc = zlib.crc32(chunk, this.crc);
    this.ondata?.(null, deflateSegment(chunk, final), final);
  }
}

/**
 * Adds the files of a folder to a zip, each read one 1 MiB chunk at a time and deflated natively; `afterFile` runs
 * after each (a writer stops there on the first failed write), then the event loop breathes (progress events, lane
 * scans).
 */
async function addFiles(zip: Zip, dir: string, names: readonly string[], mtime: Date, afterFile?: () => void): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  for (const name of names) {
    const entry = new NativeDeflateEntry(name, mtime);
    zip.add(entry);
    const input = fs.openSync(path.join(dir, name), 'r');
    try {
      for (;;) {
        const read = fs.readSync(input, buffer, 0, CHUNK, null);
        if (read === 0) break;
        entry.push(buffer.subarray(0, read), false);
      }
      entry.push(new Uint8Array(0), true);
    } finally {
      fs.closeSync(input);
    }
    afterFile?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Collects a zip's output in memory and reports the stream's failure or an unfinished stream. */
function zipInMemory(): { zip: Zip; result: () => Buffer } {
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, data, final) => {
    if (error) {
      failure = error;
      return;
    }
    parts.push(data);
    if (final) finished = true;
  });
  return {
    zip,
    result: () => {
      if (failure) throw failure;
      if (!finished) throw new Error('the zip stream did not finish');
      return Buffer.concat(parts);
    },
  };
}

/**
 * Packs the files of a folder into a .zip held in memory (fflate), reading one 1 MiB chunk at a time; only the
 * deflated bytes are kept. The outbox's copy of a bundle is made so: it goes into the encrypted database, never
 * onto the disk as a plaintext file.
 */
export async function zipFilesToBuffer(dir: string, names: readonly string[], mtime: Date): Promise<Buffer> {
  const { zip, result } = zipInMemory();
  await addFiles(zip, dir, names, mtime);
  zip.end();
  return result();
}

/**
 * One file of a bundle made in memory: each chunk written is deflated at once (a sync-flushed segment, as
 * NativeDeflateEntry does), so only the compressed bytes are held; zipDeflated packs the entries afterwards.
 */
export class DeflatedEntry {
  private readonly segments: Uint8Array[] = [];
  private finished = false;
  size = 0;
  crc = 0;

  constructor(readonly name: string) {}

  push(chunk: Uint8Array, final: boolean): void {
    if (this.finished) throw new Error(`${this.name} is already finished`);
    this.size += chunk.length;
    this.crc = zlib.crc32(chunk, this.crc);
    this.segments.push(deflateSegment(chunk, final));
    this.finished = final;
  }

  /** The whole deflate stream, segment by segment (the last one final). */
  deflated(): readonly Uint8Array[] {
    if (!this.finished) this.push(new Uint8Array(0), true);
    return this.segments;
  }
}

/** A .zip in memory of entries already deflated (a bundle written without touching the disk). */
export function zipDeflated(entries: readonly DeflatedEntry[], mtime: Date): Buffer {
  const { zip, result } = zipInMemory();
  for (const entry of entries) {
    const segments = entry.deflated();
    const file: ZipInputFile = { filename: entry.name, mtime, compression: 8, flag: 3, size: entry.size, crc: entry.crc };
    zip.add(file);
    segments.forEach((segment, i) => file.ondata?.(null, segment as Uint8Array<ArrayBuffer>, i === segments.length - 1));
  }
  zip.end();
  return result();
}

/**
 * Streams the files of a folder into a .zip (fflate): one 1 MiB chunk at a time, so a 100k-crossing bundle
 * is never held in memory whole. The zip is fsynced before it returns; the caller renames it into place.
 */
export async function zipFiles(dir: string, names: readonly string[], zipFile: string, mtime: Date): Promise<void> {
  const fd = fs.openSync(zipFile, 'wx', 0o600);
  try {
    let failure: Error | null = null;
    let finished = false;
    const zip = new Zip((error, data, final) => {
      if (error) {
        failure = error;
        return;
      }
      fs.writeSync(fd, data);
      if (final) finished = true;
    });
    await addFiles(zip, dir, names, mtime, () => {
      if (failure) throw failure;
    });
    zip.end();
    if (failure) throw failure;
    if (!finished) throw new Error('the zip stream did not finish');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fsyncPath(zipFile);
}
