import type Database from 'better-sqlite3';
import type { Outcome } from '../../contract';

export interface OverrideRow {
  readonly id: string;
  readonly crossingId: string;
  readonly previousOutcome: Outcome;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly operatorId: string;
  readonly at: string;
}

interface DbRow {
  id: string;
  crossing_id: string;
  previous_outcome: Outcome;
  outcome: Outcome;
  reason: string;
  operator_id: string;
  at: string;
}

const toRow = (r: DbRow): OverrideRow => ({
  id: r.id,
  crossingId: r.crossing_id,
  previousOutcome: r.previous_outcome,
  outcome: r.outcome,
  reason: r.reason,
  operatorId: r.operator_id,
  at: r.at,
});

/** Consular overrides of a recorded decision; the crossing row itself never changes. */
export class OverridesRepo {
  constructor(private readonly db: Database.Database) {}

  insert(row: OverrideRow): void {
    this.db
      .prepare(
        `INSERT INTO overrides (id, crossing_id, previous_outcome, outcome, reason, operator_id, at)
         VALUES (@id, @crossingId, @previousOutcome, @outcome, @reason, @operatorId, @at)`,
      )
      .run(row);
  }

  /** The latest override of each crossing given. */
  latestFor(crossingIds: readonly string[]): Map<string, OverrideRow> {
    const latest = new Map<string, OverrideRow>();
    if (crossingIds.length === 0) return latest;
    const rows = this.db
      .prepare<[string], DbRow>('SELECT * FROM overrides WHERE crossing_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid')
      .all(JSON.stringify(crossingIds));
    for (const row of rows) latest.set(row.crossing_id, toRow(row));
    return latest;
  }
}
