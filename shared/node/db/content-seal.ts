import type Database from 'better-sqlite3';
import type { Crossing } from '../../contract';
import { canonicalJson } from '../../domain/canonical-json';
import { sha256Hex } from '../sha256';
import type { CorrectionRow } from './corrections-repo';
import { toCrossing, type CrossingDbRow } from './crossings-repo';
import type { OverrideRow } from './overrides-repo';
import { PURGED_DOCUMENT_NUMBER, PURGED_REASON } from './retention-repo';

/** A crossing as recorded (the row), without the current state that corrections move on. */
export type CrossingRecord = Omit<Crossing, 'current'>;

/**
 * What a record's audit row holds about its content: `contentHash` over the whole record as written, and `keptHash`
 * over what the retention purge leaves of it. A record with its personal fields is checked against the first; once
 * purged, against the second, so an edit of what remains (outcome, disposition, times) is still found, and the
 * purged fields stay covered by the pre-purge hash in the same chained audit row.
 */
export interface ContentSeal {
  readonly contentHash: string;
  readonly keptHash: string;
}

const hashOf = (value: unknown): string => sha256Hex(canonicalJson(value));

/** What retention-repo.ts's purge leaves of a crossing, field for field (its SQL does the same to the row). */
export function purgedCrossing(crossing: CrossingRecord): CrossingRecord {
  return {
    ...crossing,
    note: null,
    // json_object('code', …, 'severity', …, 'message', ''): the parameters go with the message.
    reasons: crossing.reasons.map((r) => ({ code: r.code, severity: r.severity, message: '' })),
    document: { ...crossing.document, documentNumber: PURGED_DOCUMENT_NUMBER, surname: '', givenNames: '', birthDate: null, sex: null, expiryDate: null },
  };
}

export const isPurgedCrossing = (crossing: CrossingRecord): boolean => crossing.document.documentNumber === PURGED_DOCUMENT_NUMBER;

export const crossingSeal = (crossing: CrossingRecord): ContentSeal => ({ contentHash: hashOf(crossing), keptHash: hashOf(purgedCrossing(crossing)) });

export const correctionSeal = (row: CorrectionRow): ContentSeal => ({ contentHash: hashOf(row), keptHash: hashOf({ ...row, reason: PURGED_REASON }) });

export const overrideSeal = (row: OverrideRow): ContentSeal => ({ contentHash: hashOf(row), keptHash: hashOf({ ...row, reason: PURGED_REASON }) });

/** Which of a seal's hashes a record's current form must match: the kept one once its personal text was purged. */
export function sealMatches(seal: { contentHash?: unknown; keptHash?: unknown }, record: unknown, purged: boolean): boolean | 'unsealed' {
  if (!purged) return hashOf(record) === seal.contentHash;
  // Audit rows written before the kept hash existed cannot vouch for a purged record.
  if (typeof seal.keptHash !== 'string') return 'unsealed';
  return hashOf(record) === seal.keptHash;
}

/** One crossing as its record reads from the row (what an export or the seal sees). */
export function readCrossingRecord(db: Database.Database, id: string): CrossingRecord | undefined {
  const row = db.prepare<[string], CrossingDbRow>('SELECT * FROM crossings WHERE id = ?').get(id);
  return row ? toCrossing(row) : undefined;
}
