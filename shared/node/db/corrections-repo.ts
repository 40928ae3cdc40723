import type Database from 'better-sqlite3';
import type { Crossing, CrossingCurrent, Disposition, Outcome, Reason } from '../../contract';
import type { CorrectionKind } from '../../domain/corridor';
import { toCrossing, type CrossingDbRow } from './crossings-repo';
import { StatementCache } from './statement-cache';

/** One append-only correction of a local crossing, with the state it sets (null: unchanged). */
export interface CorrectionRow {
  readonly id: string;
  readonly crossingId: string;
  readonly kind: CorrectionKind;
  readonly disposition: Disposition | null;
  readonly direction: 'entry' | 'exit' | null;
  readonly outcome: Outcome | null;
  readonly reasons: readonly Reason[] | null;
  /** Set when the correction links the crossing to a bus group (manifest imported after it was recorded). */
  readonly groupId: string | null;
  readonly reason: string;
  readonly operatorId: string | null;
  readonly overrideId: string | null;
  readonly at: string;
}

export interface CorrectionDbRow {
  seq: number;
  id: string;
  crossing_id: string;
  kind: CorrectionKind;
  disposition: Disposition | null;
  direction: 'entry' | 'exit' | null;
  outcome: Outcome | null;
  reasons_json: string | null;
  group_id: string | null;
  reason: string;
  operator_id: string | null;
  override_id: string | null;
  at: string;
}

export const toCorrectionRow = (r: CorrectionDbRow): CorrectionRow => ({
  id: r.id,
  crossingId: r.crossing_id,
  kind: r.kind,
  disposition: r.disposition,
  direction: r.direction,
  outcome: r.outcome,
  reasons: r.reasons_json === null ? null : (JSON.parse(r.reasons_json) as Reason[]),
  groupId: r.group_id,
  reason: r.reason,
  operatorId: r.operator_id,
  overrideId: r.override_id,
  at: r.at,
});

interface StateDbRow {
  crossing_id: string;
  disposition: Disposition;
  direction: 'entry' | 'exit';
  outcome: Outcome;
  group_id: string | null;
  corrections: number;
}

/**
 * Corrections of local crossings and the current state they lead to. The crossing row is never edited:
 * a correction is a new row, and `crossing_state` (one row per crossing) is moved on in the same transaction.
 */
export class CorrectionsRepo {
  private readonly statements: StatementCache;

  constructor(db: Database.Database) {
    this.statements = new StatementCache(db);
  }

  /** Appends the correction and sets the crossing's current state; call inside a transaction with its audit row. */
  append(row: CorrectionRow, state: Omit<CrossingCurrent, 'corrections'>): void {
    this.statements.get(
      `INSERT INTO corrections (id, crossing_id, kind, disposition, direction, outcome, reasons_json, group_id, reason, operator_id, override_id, at, at_ms)
       VALUES (@id, @crossingId, @kind, @disposition, @direction, @outcome, @reasonsJson, @groupId, @reason, @operatorId, @overrideId, @at, @atMs)`,
    ).run({ ...row, reasonsJson: row.reasons === null ? null : JSON.stringify(row.reasons), atMs: Date.parse(row.at) });
    this.statements.get(
      `UPDATE crossing_state SET disposition = @disposition, direction = @direction, outcome = @outcome, group_id = @groupId,
         corrections = corrections + 1, updated_at = @at WHERE crossing_id = @crossingId`,
    ).run({ crossingId: row.crossingId, ...state, at: row.at });
  }

  forCrossings(ids: readonly string[]): Map<string, CorrectionRow[]> {
    const found = new Map<string, CorrectionRow[]>();
    if (ids.length === 0) return found;
    const rows = this.statements.get('SELECT * FROM corrections WHERE crossing_id IN (SELECT value FROM json_each(@ids)) ORDER BY seq').all({ ids: JSON.stringify(ids) }) as CorrectionDbRow[];
    for (const r of rows) {
      const list = found.get(r.crossing_id) ?? [];
      list.push(toCorrectionRow(r));
      found.set(r.crossing_id, list);
    }
    return found;
  }

  currentOf(ids: readonly string[]): Map<string, CrossingCurrent> {
    const found = new Map<string, CrossingCurrent>();
    if (ids.length === 0) return found;
    const rows = this.statements.get('SELECT * FROM crossing_state WHERE crossing_id IN (SELECT value FROM json_each(@ids))').all({ ids: JSON.stringify(ids) }) as StateDbRow[];
    for (const r of rows) found.set(r.crossing_id, { disposition: r.disposition, direction: r.direction, outcome: r.outcome, groupId: r.group_id, corrections: r.corrections });
    return found;
  }

  /** The newest crossing an operator recorded at this station: the one they may amend themselves. */
  lastRecordedBy(operatorId: string): string | null {
    const row = this.statements.get('SELECT id FROM crossings WHERE operator_id = @operatorId ORDER BY sequence DESC LIMIT 1').get({ operatorId }) as { id: string } | undefined;
    return row?.id ?? null;
  }

  /** Travellers held for consular staff, oldest first (the queue), with how many there are. */
  held(limit: number): { items: Crossing[]; total: number } {
    const items = (
      this.statements.get(
        `SELECT c.* FROM crossing_state s JOIN crossings c ON c.id = s.crossing_id WHERE s.disposition = 'held' ORDER BY c.sequence LIMIT @limit`,
      ).all({ limit }) as CrossingDbRow[]
    ).map(toCrossing);
    const total = (this.statements.get(`SELECT count(*) AS n FROM crossing_state WHERE disposition = 'held'`).get() as { n: number }).n;
    return { items, total };
  }

  /** Corrections made in a period, per crossing (the export's "changed since" and the shift report). */
  changedBetween(fromMs: number, toMs: number): string[] {
    return (this.statements.get('SELECT DISTINCT crossing_id AS id FROM corrections WHERE at_ms >= @fromMs AND at_ms < @toMs').all({ fromMs, toMs }) as { id: string }[]).map((r) => r.id);
  }
}
