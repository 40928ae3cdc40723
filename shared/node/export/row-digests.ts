import { hash } from 'node:crypto';

/** Bytes per crossing: the sequence (8 bytes, big-endian), then the first 8 bytes of the SHA-256 of its JSONL line. */
const ENTRY = 16;

/**
 * The digests of the rows a bundle carries (stored with the export, see 0015_export_digests.sql): a later
 * export of the same period compares its rows against them to name the crossings that changed.
 */
export class RowDigests {
  private bytes = Buffer.allocUnsafe(ENTRY * 1024);
  private length = 0;

  /** Adds a row and returns its digest (16 hex digits). */
  add(sequence: number, line: string): string {
    if (this.length + ENTRY > this.bytes.length) {
      const grown = Buffer.allocUnsafe(this.bytes.length * 2);
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    const at = this.length;
    this.bytes.writeUInt32BE(Math.floor(sequence / 2 ** 32), at);
    this.bytes.writeUInt32BE(sequence >>> 0, at + 4);
    hash('sha256', line, 'buffer').copy(this.bytes, at + 8, 0, 8);
    this.length += ENTRY;
    return this.bytes.toString('hex', at + 8, at + ENTRY);
  }

  packed(): Uint8Array {
    return new Uint8Array(this.bytes.subarray(0, this.length));
  }
}

/** Stored digests by sequence (the inverse of RowDigests.packed). */
export function digestsBySequence(packed: Uint8Array): Map<number, string> {
  const bytes = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  const map = new Map<number, string>();
  for (let at = 0; at + ENTRY <= bytes.length; at += ENTRY) {
    map.set(bytes.readUInt32BE(at) * 2 ** 32 + bytes.readUInt32BE(at + 4), bytes.toString('hex', at + 8, at + ENTRY));
  }
  return map;
}
