import { canonicalJson } from '../canonical-json';

/**
 * The station's audit chain head, signed with the station key and kept outside the database (the heads file in the
 * data folder, and every export manifest). A head says: at `at`, audit row `seq` had hash `hash`. Someone who can edit
 * the database can remove the last rows or rewrite the chain, but cannot take back a head already signed and sent:
 * a later chain must still hold `hash` at `seq`.
 */
export interface ChainHead {
  readonly stationId: string;
  readonly seq: number;
  readonly hash: string;
  /** When it was signed (ISO, UTC). */
  readonly at: string;
  /** Base64 SPKI of the Ed25519 key that signed it. */
  readonly publicKey: string;
}

export interface SignedHead extends ChainHead {
  /** Ed25519 over `signedHeadText`, base64. */
  readonly signature: string;
}

export const SIGNED_HEAD_PURPOSE = 'checkpoint-station/audit-head';

/** The exact text the signature covers: canonical JSON with a purpose, so no other signed text can pass for a head. */
export const signedHeadText = (head: ChainHead): string =>
  canonicalJson({ purpose: SIGNED_HEAD_PURPOSE, stationId: head.stationId, seq: head.seq, hash: head.hash, at: head.at, publicKey: head.publicKey });

export const VERIFIED_HEAD_PURPOSE = 'checkpoint-station/audit-verified';

/**
 * The text a "verified through here" mark is signed over: `db check` walked the chain from row 1 to `seq` and found it
 * whole, ending at `hash`. Its own purpose, so a head signed every minute (which vouches for nothing before it) never
 * passes for a verified one, and the next check starts after `seq` instead of at row 1.
 */
export const verifiedHeadText = (head: ChainHead): string =>
  canonicalJson({ purpose: VERIFIED_HEAD_PURPOSE, stationId: head.stationId, seq: head.seq, hash: head.hash, at: head.at, publicKey: head.publicKey });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Names what is wrong with a head read from a file or a manifest, or null. */
export function signedHeadShapeProblem(value: unknown): string | null {
  if (!isObject(value)) return 'a signed head is not a JSON object';
  if (typeof value.stationId !== 'string' || value.stationId.length === 0) return 'a signed head has no stationId';
  if (typeof value.seq !== 'number' || !Number.isInteger(value.seq) || value.seq < 0) return 'a signed head has no audit row number (seq)';
  if (typeof value.hash !== 'string' || !/^[0-9a-f]{64}$/.test(value.hash)) return 'a signed head has no hash (64 hex digits)';
  if (typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return 'a signed head has no time (at)';
  if (typeof value.publicKey !== 'string' || value.publicKey.length === 0) return 'a signed head has no publicKey';
  if (typeof value.signature !== 'string' || value.signature.length === 0) return 'a signed head has no signature';
  return null;
}

/**
 * Heads must tell one story: in the order they were signed, the row number never goes down (rows removed: a
 * truncation), and one row number always has one hash (the chain rewritten: a re-chain). Returns a sentence per break.
 */
export function headContinuityProblems(heads: readonly ChainHead[]): string[] {
  const ordered = [...heads].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.seq - b.seq);
  const problems: string[] = [];
  const bySeq = new Map<number, ChainHead>();
  let newest: ChainHead | undefined;
  for (const head of ordered) {
    const same = bySeq.get(head.seq);
    if (same && same.hash !== head.hash) {
      problems.push(`audit row ${head.seq} had hash ${same.hash.slice(0, 12)}… when signed at ${same.at} and ${head.hash.slice(0, 12)}… at ${head.at}: the chain was rewritten (re-chained)`);
    }
    if (newest && head.seq < newest.seq) {
      problems.push(`the chain head went backwards: row ${newest.seq} was signed at ${newest.at}, only row ${head.seq} at ${head.at}: audit rows were removed (truncated)`);
    }
    bySeq.set(head.seq, head);
    if (!newest || head.seq >= newest.seq) newest = head;
  }
  return problems;
}
