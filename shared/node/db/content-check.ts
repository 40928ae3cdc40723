import type Database from 'better-sqlite3';
import { derivedCrossingColumns } from './crossing-columns';
import { toCorrectionRow, type CorrectionDbRow, type CorrectionRow } from './corrections-repo';
import { toCrossing, type CrossingDbRow } from './crossings-repo';
import { isPurgedCrossing, sealMatches, type CrossingRecord } from './content-seal';
import { toOverrideRow, type OverrideDbRow } from './overrides-repo';
import { PURGED_DOCUMENT_NUMBER, PURGED_REASON } from './retention-repo';

/**
 * `changed`: the record does not match the content hash its audit row holds; `missing`: the audit log recorded it
 * and the table no longer has it; `extra`: a row no audit entry ever recorded; `state`: the current state that lists,
 * counts and exports read differs from the crossing with its corrections applied.
 */
export type ContentProblemKind = 'changed' | 'missing' | 'extra' | 'state';
export type ContentEntity = 'crossing' | 'correction' | 'override' | 'evidence';

export interface ContentProblem {
  readonly kind: ContentProblemKind;
  readonly entity: ContentEntity;
  readonly id: string;
  /** The audit row that vouches for the record (absent for an extra row). */
  readonly auditSeq?: number;
  readonly detail?: string;
}

export interface ContentCheck {
  readonly ok: boolean;
  readonly checked: { readonly crossings: number; readonly corrections: number; readonly overrides: number; readonly evidence: number };
  /** Purged records whose audit row predates the kept hash: nothing left to compare them with. */
  readonly unsealed: number;
  /** Every problem counts; the list names the first MAX_NAMED. */
  readonly problemCount: number;
  readonly problems: readonly ContentProblem[];
}

const MAX_NAMED = 200;

type CrossingCheckRow = CrossingDbRow & {
  recorded_at_ms: number;
  document_number: string;
  nationality: string;
  birth_date: string | null;
  name_key: string | null;
  audit_seq: number | null;
  audit_payload: string | null;
};

interface StateRow {
  id: string;
  disposition: string;
  direction: string;
  outcome: string;
  group_id: string | null;
  recorded_at: string;
  s_disposition: string | null;
  s_direction: string | null;
  s_outcome: string | null;
  s_group_id: string | null;
  s_corrections: number | null;
  s_updated_at: string | null;
}

const parse = (json: string | null): Record<string, unknown> => (json === null ? {} : (JSON.parse(json) as Record<string, unknown>));

/** The columns a crossing row keeps beside its record (search, pairing, ranges) must say what the record says. */
function derivedColumnsDiffer(row: CrossingCheckRow, record: CrossingRecord, purged: boolean): string | null {
  const derived = purged
    ? { recordedAtMs: Date.parse(record.recordedAt), documentNumber: PURGED_DOCUMENT_NUMBER, nationality: record.document.nationality, birthDate: null, nameKey: null }
    : derivedCrossingColumns(record);
  const actual = { recordedAtMs: row.recorded_at_ms, documentNumber: row.document_number, nationality: row.nationality, birthDate: row.birth_date, nameKey: row.name_key };
  for (const key of Object.keys(actual) as (keyof typeof actual)[]) {
    if (actual[key] !== derived[key]) return `column ${key} does not match the record`;
  }
  return null;
}

/**
 * Compares every crossing, correction, override and evidence row of this station with the content its audit row
 * recorded, names rows that changed, went missing or were never recorded, and checks that each crossing's current
 * state is its record with its corrections applied. Reads each table once, in order; the audit rows are found through
 * their (entity, entity_id) index.
 */
export function checkAuditContent(db: Database.Database, period?: { readonly fromMs: number; readonly toMs: number }): ContentCheck {
  // A period (an export's) checks the crossings recorded in it with their corrections, overrides and evidence.
  const params = period ? { fromMs: period.fromMs, toMs: period.toMs, fromIso: new Date(period.fromMs).toISOString(), toIso: new Date(period.toMs).toISOString() } : {};
  const inPeriod = (column: string) => (period ? ` AND ${column} IN (SELECT id FROM crossings WHERE recorded_at_ms >= @fromMs AND recorded_at_ms < @toMs)` : '');
  const problems: ContentProblem[] = [];
  let problemCount = 0;
  let unsealed = 0;
  const report = (problem: ContentProblem) => {
    problemCount += 1;
    if (problems.length < MAX_NAMED) problems.push(problem);
  };
  const checked = { crossings: 0, corrections: 0, overrides: 0, evidence: 0 };

  const crossings = db.prepare<Record<string, unknown>, CrossingCheckRow>(
    `SELECT c.*, a.seq AS audit_seq, a.payload_json AS audit_payload FROM crossings c
       LEFT JOIN audit_log a ON a.seq = (SELECT min(seq) FROM audit_log WHERE entity = 'crossing' AND entity_id = c.id AND action = 'crossing.recorded')
     ${period ? 'WHERE c.recorded_at_ms >= @fromMs AND c.recorded_at_ms < @toMs' : ''} ORDER BY c.sequence`,
  );
  for (const row of crossings.iterate(params)) {
    checked.crossings += 1;
    if (row.audit_seq === null) {
      report({ kind: 'extra', entity: 'crossing', id: row.id, detail: 'no audit row recorded this crossing' });
      continue;
    }
    const record = toCrossing(row);
    const purged = isPurgedCrossing(record);
    const match = sealMatches(parse(row.audit_payload), record, purged);
    if (match === 'unsealed') unsealed += 1;
    else if (!match) report({ kind: 'changed', entity: 'crossing', id: row.id, auditSeq: row.audit_seq, detail: 'the record does not match its audit content hash' });
    else {
      const differs = derivedColumnsDiffer(row, record, purged);
      if (differs) report({ kind: 'changed', entity: 'crossing', id: row.id, auditSeq: row.audit_seq, detail: differs });
    }
  }
  for (const gone of db
    .prepare<Record<string, unknown>, { seq: number; id: string }>(
      // A period reads its audit rows through the time index (the entity index would walk every crossing's row).
      `SELECT seq, entity_id AS id FROM audit_log a ${period ? 'INDEXED BY audit_log_by_time' : ''}
       WHERE entity = 'crossing' AND action = 'crossing.recorded' AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.id = a.entity_id)
       ${period ? 'AND a.at >= @fromIso AND a.at < @toIso' : ''} ORDER BY seq`,
    )
    .iterate(params)) {
    report({ kind: 'missing', entity: 'crossing', id: gone.id, auditSeq: gone.seq, detail: 'the audit log recorded this crossing; the row is gone' });
  }

  // Corrections: one audit row each, entity 'correction'.
  const corrections = new Map<string, CorrectionRow[]>();
  const correctionRows = db.prepare<Record<string, unknown>, CorrectionDbRow & { at_ms: number; audit_seq: number | null; audit_payload: string | null }>(
    `SELECT r.*, a.seq AS audit_seq, a.payload_json AS audit_payload FROM corrections r
       LEFT JOIN audit_log a ON a.seq = (SELECT min(seq) FROM audit_log WHERE entity = 'correction' AND entity_id = r.id AND action = 'crossing.corrected')
     WHERE 1 = 1${inPeriod('r.crossing_id')} ORDER BY r.seq`,
  );
  for (const raw of correctionRows.iterate(params)) {
    checked.corrections += 1;
    const row = toCorrectionRow(raw);
    corrections.set(row.crossingId, [...(corrections.get(row.crossingId) ?? []), row]);
    if (raw.audit_seq === null) {
      report({ kind: 'extra', entity: 'correction', id: row.id, detail: 'no audit row recorded this correction' });
      continue;
    }
    const match = sealMatches(parse(raw.audit_payload), row, row.reason === PURGED_REASON);
    if (match === 'unsealed') unsealed += 1;
    else if (!match || raw.at_ms !== Date.parse(row.at)) {
      report({ kind: 'changed', entity: 'correction', id: row.id, auditSeq: raw.audit_seq, detail: 'the correction does not match its audit content hash' });
    }
  }
  for (const gone of db
    .prepare<Record<string, unknown>, { seq: number; id: string }>(
      // A correction of a crossing of the period is written at or after the period's start: read from there, by time.
      `SELECT seq, entity_id AS id FROM audit_log a ${period ? 'INDEXED BY audit_log_by_time' : ''}
       WHERE entity = 'correction' AND action = 'crossing.corrected' AND NOT EXISTS (SELECT 1 FROM corrections r WHERE r.id = a.entity_id)
       ${period ? 'AND a.at >= @fromIso' : ''}${inPeriod("json_extract(a.payload_json, '$.crossingId')")} ORDER BY seq`,
    )
    .iterate(params)) {
    report({ kind: 'missing', entity: 'correction', id: gone.id, auditSeq: gone.seq, detail: 'the audit log recorded this correction; the row is gone' });
  }

  // Overrides: the audit row is the crossing's (admitted at the lane or from the queue, or an outcome override).
  const overrides = db.prepare<Record<string, unknown>, OverrideDbRow & { audit_seq: number | null; audit_payload: string | null }>(
    `SELECT o.*, a.seq AS audit_seq, a.payload_json AS audit_payload FROM overrides o
       LEFT JOIN audit_log a ON a.seq = (SELECT min(seq) FROM audit_log WHERE entity = 'crossing' AND entity_id = o.crossing_id
         AND action IN ('crossing.admitted', 'crossing.overridden') AND json_extract(payload_json, '$.overrideId') = o.id)
     WHERE 1 = 1${inPeriod('o.crossing_id')} ORDER BY o.rowid`,
  );
  for (const raw of overrides.iterate(params)) {
    checked.overrides += 1;
    const row = toOverrideRow(raw);
    if (raw.audit_seq === null) {
      report({ kind: 'extra', entity: 'override', id: row.id, detail: 'no audit row recorded this override' });
      continue;
    }
    const seal = parse(raw.audit_payload);
    let match = sealMatches(seal, row, row.reason === PURGED_REASON);
    // Overrides written before the second person's columns existed were hashed without them.
    if (match === false && row.authorisedBy === null && row.authoriserRole === null && row.previousDisposition === null && row.disposition === null) {
      const { authorisedBy: _a, authoriserRole: _r, previousDisposition: _p, disposition: _d, ...older } = row;
      match = sealMatches(seal, older, row.reason === PURGED_REASON);
    }
    if (match === 'unsealed') unsealed += 1;
    else if (!match) report({ kind: 'changed', entity: 'override', id: row.id, auditSeq: raw.audit_seq, detail: 'the override does not match its audit content hash' });
  }
  for (const gone of db
    .prepare<Record<string, unknown>, { seq: number; id: string }>(
      `SELECT seq, json_extract(payload_json, '$.overrideId') AS id FROM audit_log a ${period ? 'INDEXED BY audit_log_by_time' : ''}
       WHERE entity = 'crossing' AND action IN ('crossing.admitted', 'crossing.overridden')${period ? ' AND a.at >= @fromIso' : ''}
         AND NOT EXISTS (SELECT 1 FROM overrides o WHERE o.id = json_extract(a.payload_json, '$.overrideId'))${inPeriod('a.entity_id')} ORDER BY seq`,
    )
    .iterate(params)) {
    report({ kind: 'missing', entity: 'override', id: gone.id, auditSeq: gone.seq, detail: 'the audit log recorded this override; the row is gone' });
  }

  checkEvidence(db, report, checked, inPeriod, params);
  checkStates(db, corrections, report, period ? 'WHERE c.recorded_at_ms >= @fromMs AND c.recorded_at_ms < @toMs' : '', params);
  return { ok: problemCount === 0, checked, unsealed, problemCount, problems };
}

/** Evidence rows: their audit row names each piece's id, kind, outcome and payload hash (no personal data). */
function checkEvidence(
  db: Database.Database,
  report: (p: ContentProblem) => void,
  checked: { evidence: number },
  inPeriod: (column: string) => string,
  params: Record<string, unknown>,
): void {
  const recorded = new Map<string, { seq: number; kind: unknown; outcome: unknown; payloadSha256: unknown }>();
  const audits = db.prepare<Record<string, unknown>, { seq: number; payload_json: string }>(
    `SELECT seq, payload_json FROM audit_log WHERE entity = 'crossing' AND action = 'crossing.evidence-recorded'${inPeriod('entity_id')} ORDER BY seq`,
  );
  for (const audit of audits.iterate(params)) {
    const items = (parse(audit.payload_json).evidence ?? []) as { id?: unknown; kind?: unknown; outcome?: unknown; payloadSha256?: unknown }[];
    for (const item of items) if (typeof item.id === 'string' && !recorded.has(item.id)) recorded.set(item.id, { seq: audit.seq, kind: item.kind, outcome: item.outcome, payloadSha256: item.payloadSha256 });
  }
  const rows = db.prepare<Record<string, unknown>, { id: string; kind: string; outcome: string; payload_sha256: string | null }>(
    `SELECT id, kind, outcome, payload_sha256 FROM evidence WHERE 1 = 1${inPeriod('crossing_id')} ORDER BY rowid`,
  );
  for (const row of rows.iterate(params)) {
    checked.evidence += 1;
    const audit = recorded.get(row.id);
    recorded.delete(row.id);
    if (!audit) {
      report({ kind: 'extra', entity: 'evidence', id: row.id, detail: 'no audit row recorded this evidence' });
      continue;
    }
    const payload = row.kind === 'paper-lab' ? null : row.payload_sha256;
    if (audit.kind !== row.kind || audit.outcome !== row.outcome || (audit.payloadSha256 ?? null) !== payload) {
      report({ kind: 'changed', entity: 'evidence', id: row.id, auditSeq: audit.seq, detail: 'the evidence does not match what its audit row recorded' });
    }
  }
  for (const [id, audit] of recorded) report({ kind: 'missing', entity: 'evidence', id, auditSeq: audit.seq, detail: 'the audit log recorded this evidence; the row is gone' });
}

/** crossing_state (what lists, counts, pairing and exports read) must be each crossing with its corrections applied. */
function checkStates(
  db: Database.Database,
  corrections: ReadonlyMap<string, readonly CorrectionRow[]>,
  report: (p: ContentProblem) => void,
  where: string,
  params: Record<string, unknown>,
): void {
  const rows = db.prepare<Record<string, unknown>, StateRow>(
    `SELECT c.id, c.disposition, c.direction, c.outcome, c.group_id, c.recorded_at,
       s.disposition AS s_disposition, s.direction AS s_direction, s.outcome AS s_outcome, s.group_id AS s_group_id,
       s.corrections AS s_corrections, s.updated_at AS s_updated_at
     FROM crossings c LEFT JOIN crossing_state s ON s.crossing_id = c.id ${where} ORDER BY c.sequence`,
  );
  for (const row of rows.iterate(params)) {
    const list = corrections.get(row.id) ?? [];
    let expected = { disposition: row.disposition, direction: row.direction, outcome: row.outcome, groupId: row.group_id, corrections: list.length, updatedAt: row.recorded_at };
    for (const c of list) {
      expected = {
        disposition: c.disposition ?? expected.disposition,
        direction: c.direction ?? expected.direction,
        outcome: c.outcome ?? expected.outcome,
        groupId: c.kind === 'group' ? c.groupId : expected.groupId,
        corrections: expected.corrections,
        updatedAt: c.at,
      };
    }
    const actual = { disposition: row.s_disposition, direction: row.s_direction, outcome: row.s_outcome, groupId: row.s_group_id, corrections: row.s_corrections, updatedAt: row.s_updated_at };
    const differs = (Object.keys(expected) as (keyof typeof expected)[]).filter((key) => expected[key] !== actual[key]);
    if (differs.length > 0) {
      report({ kind: 'state', entity: 'crossing', id: row.id, detail: row.s_disposition === null ? 'the crossing has no current state' : `current ${differs.join(', ')} differ from the record with its corrections` });
    }
  }
  if (where !== '') return;
  const orphans = db.prepare<[], { id: string }>('SELECT crossing_id AS id FROM crossing_state s WHERE NOT EXISTS (SELECT 1 FROM crossings c WHERE c.id = s.crossing_id)');
  for (const orphan of orphans.iterate()) report({ kind: 'state', entity: 'crossing', id: orphan.id, detail: 'a current state without its crossing' });
}
