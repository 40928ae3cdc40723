import type Database from 'better-sqlite3';
import { headContinuityProblems, signedHeadText } from '../../domain/audit-anchor';
import { verifySignature } from '../keys/station-key';
import { chainHead } from './anchor-head';
import { HEADS_FILE_NAME, readHeadsFile } from './heads-file';

export interface AnchorCheck {
  readonly ok: boolean;
  /** No heads file: nothing outside the database vouches for the chain (named as a problem when the log has rows). */
  readonly missing: boolean;
  /** Signed heads read from the heads file. */
  readonly heads: number;
  /** The newest head's row number (0 when none). */
  readonly signedThrough: number;
  /** Whose key the signatures were checked with: the station key file, or (Electron's sealed key) the heads' own. */
  readonly key: 'station-key' | 'heads-file';
  readonly problems: readonly string[];
}

/**
 * Compares the database's audit chain with the heads signed outside it: every signed head's row must still be there
 * with the hash that was signed. Rows removed from the end (a truncation) or a chain recomputed after an edit (a
 * re-chain) are named. `stationPublicKey`: the station key's public half when it can be read here.
 */
export function checkAnchor(db: Database.Database, dataDir: string, stationPublicKey: string | undefined): AnchorCheck {
  const file = readHeadsFile(dataDir);
  const problems: string[] = [...file.unreadable.map((p) => `${HEADS_FILE_NAME}: ${p}`)];
  const head = chainHead(db);
  if (!file.exists) {
    if (head.seq > 0) problems.push(`${HEADS_FILE_NAME} is missing: no signed chain head vouches for the ${head.seq} audit rows (the file was deleted, or the station never ran this version)`);
    return { ok: problems.length === 0, missing: true, heads: 0, signedThrough: 0, key: stationPublicKey ? 'station-key' : 'heads-file', problems };
  }
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?');
  let truncated = false;
  let rewritten = 0;
  for (const signed of file.heads) {
    const key = stationPublicKey ?? signed.publicKey;
    if (signed.publicKey !== key || !verifySignature(key, signedHeadText(signed), signed.signature)) {
      problems.push(`the head signed at ${signed.at} (row ${signed.seq}) does not verify with the station key`);
      continue;
    }
    if (signed.seq > head.seq) {
      if (!truncated) problems.push(`the audit log ends at row ${head.seq}, but row ${signed.seq} was signed at ${signed.at}: rows were removed from its end (truncated)`);
      truncated = true;
      continue;
    }
    const row = hashAt.get(signed.seq);
    if (!row) {
      if (!truncated) problems.push(`audit row ${signed.seq}, signed at ${signed.at}, is gone: rows were removed (truncated)`);
      truncated = true;
    } else if (row.hash !== signed.hash) {
      if (rewritten === 0) problems.push(`audit row ${signed.seq} does not have the hash signed at ${signed.at}: the chain was rewritten (re-chained) after that`);
      rewritten += 1;
    }
  }
  if (rewritten > 1) problems.push(`${rewritten} signed heads in all no longer match the chain`);
  problems.push(...headContinuityProblems(file.heads).map((p) => `${HEADS_FILE_NAME}: ${p}`));
  return { ok: problems.length === 0, missing: false, heads: file.heads.length, signedThrough: file.heads.at(-1)?.seq ?? 0, key: stationPublicKey ? 'station-key' : 'heads-file', problems };
}
