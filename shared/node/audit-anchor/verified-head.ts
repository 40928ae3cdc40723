import fs from 'node:fs';
import path from 'node:path';
import { signedHeadShapeProblem, verifiedHeadText, type SignedHead } from '../../domain/audit-anchor';
import { GENESIS_HASH, type ChainPoint } from '../db/audit-log';
import { readUserFileSync, renameDurable, writeFileDurable } from '../files';
import { verifySignature } from '../keys/station-key';
import type { HeadSigner } from './anchor-head';

/**
 * The point up to which a check walked the audit chain and found it whole, signed with the station key beside the
 * database (not inside it: whoever edits the database cannot move it forward). The next check starts after it.
 */
export const VERIFIED_HEAD_FILE_NAME = 'audit-verified.json';

const MAX_BYTES = 64 * 1024;

export const verifiedHeadPath = (dataDir: string): string => path.join(dataDir, VERIFIED_HEAD_FILE_NAME);

export interface VerifiedStart {
  /** Where the walk starts: after this row (0: from row 1). */
  readonly from: ChainPoint;
  /** When the mark was signed (absent when the walk starts at row 1). */
  readonly at?: string;
  /** Why the walk starts at row 1 although a mark exists (unreadable, unsigned, another key): said, never hidden. */
  readonly problem?: string;
}

/**
 * Reads the verified mark and checks its signature with `publicKey` (the station key's public half); no mark, or
 * one that does not verify, starts the walk at row 1 (a mark that does not verify is named as a problem).
 */
export function readVerifiedStart(dataDir: string, stationId: string, publicKey: string | undefined): VerifiedStart {
  const whole: VerifiedStart = { from: { seq: 0, hash: GENESIS_HASH } };
  const file = verifiedHeadPath(dataDir);
  if (!fs.existsSync(file)) return whole;
  const read = readUserFileSync(file, MAX_BYTES);
  if (!read.ok) return { ...whole, problem: `${VERIFIED_HEAD_FILE_NAME}: ${read.error.message}` };
  let value: unknown;
  try {
    value = JSON.parse(read.value.toString('utf8'));
  } catch {
    return { ...whole, problem: `${VERIFIED_HEAD_FILE_NAME} is not JSON` };
  }
  const shape = signedHeadShapeProblem(value);
  if (shape) return { ...whole, problem: `${VERIFIED_HEAD_FILE_NAME}: ${shape}` };
  const head = value as SignedHead;
  if (publicKey === undefined) return { ...whole, problem: `${VERIFIED_HEAD_FILE_NAME} cannot be checked here: the station key is not readable` };
  if (head.stationId !== stationId || head.publicKey !== publicKey || !verifySignature(publicKey, verifiedHeadText(head), head.signature)) {
    return { ...whole, problem: `${VERIFIED_HEAD_FILE_NAME} does not verify with the station key` };
  }
  return { from: { seq: head.seq, hash: head.hash }, at: head.at };
}

/** Signs "rows 1 to `point.seq` verified" and puts it in place of the last mark, all or nothing (0600). */
export function writeVerifiedHead(dataDir: string, signer: HeadSigner, stationId: string, point: ChainPoint, now: Date): SignedHead {
  const unsigned = { stationId, seq: point.seq, hash: point.hash, at: now.toISOString(), publicKey: signer.publicKey };
  const head: SignedHead = { ...unsigned, signature: signer.sign(Buffer.from(verifiedHeadText(unsigned), 'utf8')) };
  const file = verifiedHeadPath(dataDir);
  const temp = `${file}.${process.pid}.tmp`;
  fs.rmSync(temp, { force: true });
  writeFileDurable(temp, `${JSON.stringify(head)}\n`);
  renameDurable(temp, file);
  return head;
}
