import type Database from 'better-sqlite3';
import type { Disposition, Outcome } from '../../contract';

export interface OverrideRow {
  readonly id: string;
  readonly crossingId: string;
  readonly previousOutcome: Outcome;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly operatorId: string;
  readonly at: string;
  /** The second, authorised person who let the traveller cross (consular officer or shift lead); null for older rows. */
  readonly authorisedBy: string | null;
  readonly authoriserRole: 'consular' | 'shift-lead' | null;
  readonly previousDisposition: Disposition | null;
  readonly disposition: Disposition | null;
}

export interface OverrideDbRow {
  id: string;
  crossing_id: string;
  previous_outcome: Outcome;
  outcome: Outcome;
  reason: string;
  operator_id: string;
  at: string;
  authorised_by: string | null;
  authoriser_role: 'consular' | 'shift-lead' | null;
  previous_disposition: Disposition | null;
  disposition: Disposition | null;
}

export const toOverrideRow = (r: OverrideDbRow): OverrideRow => ({
  id: r.id,
  crossingId: r.crossing_id,
  previousOutcome: r.previous_outcome,
  outcome: r.outcome,
  reason: r.reason,
  operatorId: r.operator_id,
  at: r.at,
  authorisedBy: r.authorised_by,
  authoriserRole: r.authoriser_role,
  previousDisposition: r.previous_disposition,
  disposition: r.disposition,
});

/** Consular overrides of a recorded decision; the crossing row itself never changes. */
export class OverridesRepo {
  constructor(private readonly db: Database.Database) {}

  insert(row: OverrideRow): void {
    this.db
      .prepare(
        `INSERT INTO overrides (id, crossing_id, previous_outcome, outcome, reason, operator_id, at, authorised_by, authoriser_role,
           previous_disposition, disposition)
         VALUES (@id, @crossingId, @previousOutcome, @outcome, @reason, @operatorId, @at, @authorisedBy, @authoriserRole,
           @previousDisposition, @disposition)`,
      )
      .run(row);
  }

  /** The latest override of each crossing given. */
  latestFor(crossingIds: readonly string[]): Map<string, OverrideRow> {
    const latest = new Map<string, OverrideRow>();
    if (crossingIds.length === 0) return latest;
    const rows = this.db
      .prepare<[string], OverrideDbRow>('SELECT * FROM overrides WHERE crossing_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid')
      .all(JSON.stringify(crossingIds));
    for (const row of rows) latest.set(row.crossing_id, toOverrideRow(row));
    return latest;
  }

  /** Every override of each crossing given, oldest first. */
  allFor(crossingIds: readonly string[]): Map<string, OverrideRow[]> {
    const all = new Map<string, OverrideRow[]>();
    if (crossingIds.length === 0) return all;
    const rows = this.db
      .prepare<[string], OverrideDbRow>('SELECT * FROM overrides WHERE crossing_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid')
      .all(JSON.stringify(crossingIds));
    for (const row of rows) all.set(row.crossing_id, [...(all.get(row.crossing_id) ?? []), toOverrideRow(row)]);
    return all;
  }
}
