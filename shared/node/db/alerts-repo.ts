import type Database from 'better-sqlite3';
import type { AlertSeverity, AlertType } from '../../domain/corridor';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export interface AlertRow {
  readonly id: string;
  readonly type: AlertType;
  readonly severity: AlertSeverity;
  readonly status: AlertStatus;
  readonly dedupeKey: string;
  readonly raisedAt: string;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly crossingId: string | null;
  /** Ids of crossings or manifest entries the alert is about; names are looked up when shown. */
  readonly subjectIds: string[];
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly note: string | null;
  readonly resolvedAt: string | null;
}

interface DbRow {
  id: string;
  type: AlertType;
  severity: AlertSeverity;
  status: AlertStatus;
  dedupe_key: string;
  raised_at: string;
  corridor_id: string | null;
  group_id: string | null;
  crossing_id: string | null;
  subject_ids_json: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  note: string | null;
  resolved_at: string | null;
}

const toRow = (r: DbRow): AlertRow => ({
  id: r.id,
  type: r.type,
  severity: r.severity,
  status: r.status,
  dedupeKey: r.dedupe_key,
  raisedAt: r.raised_at,
  corridorId: r.corridor_id,
  groupId: r.group_id,
  crossingId: r.crossing_id,
  subjectIds: JSON.parse(r.subject_ids_json) as string[],
  acknowledgedAt: r.acknowledged_at,
  acknowledgedBy: r.acknowledged_by,
  note: r.note,
  resolvedAt: r.resolved_at,
});

export type NewAlert = Omit<AlertRow, 'status' | 'acknowledgedAt' | 'acknowledgedBy' | 'note' | 'resolvedAt'>;

/** Alert rows: raised once per dedupe key, acknowledged with a note, resolved when the cause goes away. */
export class AlertsRepo {
  constructor(private readonly db: Database.Database) {}

  /** Inserts the alert unless one with the same dedupe key exists; returns the new row or undefined. */
  raise(alert: NewAlert): AlertRow | undefined {
    const result = this.db
      .prepare(
        `INSERT INTO alerts (id, type, severity, dedupe_key, raised_at, raised_at_ms, corridor_id, group_id, crossing_id, subject_ids_json)
         VALUES (@id, @type, @severity, @dedupeKey, @raisedAt, @raisedAtMs, @corridorId, @groupId, @crossingId, @subjectIdsJson)
         ON CONFLICT (dedupe_key) DO NOTHING`,
      )
      .run({ ...alert, raisedAtMs: Date.parse(alert.raisedAt), subjectIdsJson: JSON.stringify(alert.subjectIds) });
    return result.changes === 1 ? this.get(alert.id) : undefined;
  }

  get(id: string): AlertRow | undefined {
    const row = this.db.prepare<[string], DbRow>('SELECT * FROM alerts WHERE id = ?').get(id);
    return row ? toRow(row) : undefined;
  }

  byDedupeKey(key: string): AlertRow | undefined {
    const row = this.db.prepare<[string], DbRow>('SELECT * FROM alerts WHERE dedupe_key = ?').get(key);
    return row ? toRow(row) : undefined;
  }

  list(filter: { status: AlertStatus | 'all'; groupId?: string; /** crossing or manifest-entry ids */ crossingIds?: readonly string[]; limit: number }): { items: AlertRow[]; total: number } {
    const conditions: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit };
    if (filter.status !== 'all') {
      conditions.push('status = @status');
      params.status = filter.status;
    }
    if (filter.groupId) {
      conditions.push('group_id = @groupId');
      params.groupId = filter.groupId;
    }
    if (filter.crossingIds) {
      // About these crossings or manifest lines: as the alert's crossing or among its subjects (group incomplete).
      conditions.push(
        '(crossing_id IN (SELECT value FROM json_each(@crossingIds)) OR EXISTS (SELECT 1 FROM json_each(subject_ids_json) s WHERE s.value IN (SELECT value FROM json_each(@crossingIds))))',
      );
      params.crossingIds = JSON.stringify(filter.crossingIds);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const items = this.db.prepare<Record<string, unknown>, DbRow>(`SELECT * FROM alerts ${where} ORDER BY raised_at_ms DESC, rowid DESC LIMIT @limit`).all(params).map(toRow);
    const { limit: _limit, ...countParams } = params;
    // By status alone the total is a counter kept by triggers (migration 0017); a group's or crossings' alerts are few.
    const total =
      filter.groupId || filter.crossingIds
        ? (this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM alerts ${where}`).get(countParams)?.n ?? 0)
        : (this.db
            .prepare<[string], { n: number | null }>("SELECT sum(value) AS n FROM counters WHERE name IN (SELECT 'alerts:' || value FROM json_each(?))")
            .get(JSON.stringify(filter.status === 'all' ? ['open', 'acknowledged', 'resolved'] : [filter.status]))?.n ?? 0);
    return { items, total };
  }

  acknowledge(id: string, by: string, at: string, note: string | null): boolean {
    return (
      this.db
        .prepare("UPDATE alerts SET status = 'acknowledged', acknowledged_at = @at, acknowledged_by = @by, note = @note WHERE id = @id AND status = 'open'")
        .run({ id, by, at, note }).changes === 1
    );
  }

  /** Closes an alert whose cause went away (an unexpected exit paired once the group file arrived). */
  resolve(id: string, at: string): boolean {
    return this.db.prepare("UPDATE alerts SET status = 'resolved', resolved_at = @at WHERE id = @id AND status <> 'resolved'").run({ id, at }).changes === 1;
  }

  /** Open alerts of a type about one crossing. */
  openForCrossing(type: AlertType, crossingId: string): AlertRow[] {
    return this.db
      .prepare<[string, string], DbRow>("SELECT * FROM alerts WHERE type = ? AND crossing_id = ? AND status <> 'resolved'")
      .all(type, crossingId)
      .map(toRow);
  }
}
