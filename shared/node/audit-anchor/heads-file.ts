import fs from 'node:fs';
import path from 'node:path';
import { signedHeadShapeProblem, type SignedHead } from '../../domain/audit-anchor';
import { PRIVATE_FILE_MODE, readUserFileSync, restrictToOwner } from '../files';

/** The signed chain heads, one JSON line each, beside the database in the data folder (not inside it). */
export const HEADS_FILE_NAME = 'audit-heads.jsonl';

/** A head a minute for a year is about 100 MB; a file larger than this is not one the station wrote. */
const MAX_HEADS_FILE_BYTES = 256 * 1024 * 1024;

export const headsFilePath = (dataDir: string): string => path.join(dataDir, HEADS_FILE_NAME);

export interface HeadsFile {
  readonly exists: boolean;
  readonly heads: readonly SignedHead[];
  /** Lines that are not a signed head (line number and why). */
  readonly unreadable: readonly string[];
}

/** Reads every head; a missing file is `exists: false`, a file that is not a regular one is refused like one. */
export function readHeadsFile(dataDir: string): HeadsFile {
  const file = headsFilePath(dataDir);
  if (!fs.existsSync(file)) return { exists: false, heads: [], unreadable: [] };
  const read = readUserFileSync(file, MAX_HEADS_FILE_BYTES);
  if (!read.ok) return { exists: true, heads: [], unreadable: [`${HEADS_FILE_NAME}: ${read.error.message}`] };
  const heads: SignedHead[] = [];
  const unreadable: string[] = [];
  read.value
    .toString('utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // A line cut by a power loss mid-append is the last one; anything else was edited.
        unreadable.push(`line ${index + 1} is not JSON`);
        return;
      }
      const problem = signedHeadShapeProblem(value);
      if (problem) unreadable.push(`line ${index + 1}: ${problem}`);
      else heads.push(value as SignedHead);
    });
  return { exists: true, heads, unreadable };
}

/** Appends one head and syncs it to disk before returning: the file only grows, owner-only (0600). */
export function appendHead(dataDir: string, head: SignedHead): void {
  const file = headsFilePath(dataDir);
  const fd = fs.openSync(file, 'a', PRIVATE_FILE_MODE);
  try {
    const line = Buffer.from(`${JSON.stringify(head)}\n`, 'utf8');
    for (let at = 0; at < line.length; ) at += fs.writeSync(fd, line, at, line.length - at);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  restrictToOwner(file);
}
