import type Database from 'better-sqlite3';
import type { Crossing } from '../../contract';
import { GENESIS_HASH } from './audit-log';
import { ExportDetails, type CrossingDetails, type ExportUserRow } from './export-details';
import { toCrossing, type CrossingDbRow } from './crossings-repo';

/** The width of a `crossing_hours` row. */
const HOUR_MS = 3_600_000;

export type ExportStatus = 'written' | 'queued' | 'sent' | 'acknowledged';

export interface ExportRow {
  readonly id: string;
  readonly manifestSha256: string;
  readonly stationId: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly periodFromMs: number;
  readonly periodToMs: number;
  readonly timeZone: string;
  readonly snapshotSequence: number;
  readonly crossings: number;
  readonly alerts: number;
  readonly auditLast: string;
  readonly destination: string | null;
  readonly format: 'folder' | 'zip';
  readonly status: ExportStatus;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly acknowledgedAt: string | null;
  /** The bundle (manifest SHA-256) this one replaced: a later export of the same period. */
  readonly supersedes?: string | null;
}

interface ExportDbRow {
  id: string;
  manifest_sha256: string;
  station_id: string;
  period_from: string;
  period_to: string;
  period_from_ms: number;
  period_to_ms: number;
  time_zone: string;
  snapshot_sequence: number;
  crossings: number;
  alerts: number;
  audit_last: string;
  destination: string | null;
  format: 'folder' | 'zip';
  status: ExportStatus;
  created_at: string;
  created_by: string | null;
  acknowledged_at: string | null;
  supersedes: string | null;
}

const toExportRow = (r: ExportDbRow): ExportRow => ({
  id: r.id,
  manifestSha256: r.manifest_sha256,
  stationId: r.station_id,
  periodFrom: r.period_from,
  periodTo: r.period_to,
  periodFromMs: r.period_from_ms,
  periodToMs: r.period_to_ms,
  timeZone: r.time_zone,
  snapshotSequence: r.snapshot_sequence,
  crossings: r.crossings,
  alerts: r.alerts,
  auditLast: r.audit_last,
  destination: r.destination,
  format: r.format,
  status: r.status,
  createdAt: r.created_at,
  createdBy: r.created_by,
  acknowledgedAt: r.acknowledged_at,
  supersedes: r.supersedes,
});

/** What a bundle reads at its start, in one transaction, so its parts agree with each other. */
export interface ExportSnapshot {
  /** Highest crossing sequence now: later rows are not in this bundle even if their time is in the period. */
  readonly snapshotSequence: number;
  readonly audit: { readonly rows: number; readonly before: string; readonly first: string | null; readonly last: string };
}

/**
 * The crossing columns a bundle exports, in the order exportColumnsPage returns them: the recorded row (c), then
 * its state now (s, crossing_state: the row with its corrections applied).
 */
export const EXPORT_CROSSING_COLUMNS = [
  'c.sequence',
  'c.id',
  'c.recorded_at',
  'c.station_id',
  'c.checkpoint_id',
  'c.corridor_id',
  'c.group_id',
  'c.operator_id',
  'c.direction',
  'c.outcome',
  'c.reasons_json',
  'c.document_json',
  'c.scan_source',
  'c.note',
  'c.rule_profile_id',
  'c.rule_profile_version',
  'c.disposition',
  's.disposition',
  's.direction',
  's.outcome',
  's.group_id',
] as const;

export type CrossingExportColumns = [
  sequence: number,
  id: string,
  recordedAt: string,
  stationId: string,
  checkpointId: string | null,
  corridorId: string | null,
  groupId: string | null,
  operatorId: string | null,
  direction: Crossing['direction'],
  outcome: Crossing['outcome'],
  reasonsJson: string,
  documentJson: string,
  scanSource: string,
  note: string | null,
  ruleProfileId: string | null,
  ruleProfileVersion: number | null,
  disposition: Crossing['disposition'],
  currentDisposition: Crossing['disposition'],
  currentDirection: Crossing['direction'],
  currentOutcome: Crossing['outcome'],
  currentGroupId: string | null,
];

/** SQL of a crossing counted as delivered: an acknowledged export covers it (see 0005_exports_outbox.sql). */
const ACKNOWLEDGED = `EXISTS (SELECT 1 FROM exports e WHERE e.status = 'acknowledged'
  AND c.recorded_at_ms >= e.period_from_ms AND c.recorded_at_ms < e.period_to_ms AND c.sequence <= e.snapshot_sequence)`;
const SENT = `EXISTS (SELECT 1 FROM exports e WHERE e.status IN ('sent', 'acknowledged')
  AND c.recorded_at_ms >= e.period_from_ms AND c.recorded_at_ms < e.period_to_ms AND c.sequence <= e.snapshot_sequence)`;

/** Export bundles: what a bundle reads (crossings, alerts, groups, the audit chain) and the export history. */
export class ExportsRepo {
  private exportPage: Database.Statement<[number, number, number, number, number], CrossingExportColumns> | undefined;
  /** The first sequence recorded in the period last paged (a later crossing always takes a higher number). */
  private periodStart: { fromMs: number; toMs: number; first: number } | undefined;
  private details: ExportDetails | undefined;

  constructor(private readonly db: Database.Database) {}

  private hasTable(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
  }

  /**
   * Audit `at` values are UTC ISO strings (toISOString), so text comparison orders them; the period's audit rows are
   * those with from <= at < to, up to the last row written now, read through the time index (one day of entries).
   * The chain head before the period is the last row with at < from: see `lastBefore`.
   */
  snapshot(fromIso: string, toIso: string): ExportSnapshot {
    return this.db
      .transaction(() => {
        const snapshotSequence = this.db.prepare<[], { n: number | null }>('SELECT max(sequence) AS n FROM crossings').get()?.n ?? 0;
        const head = this.db.prepare<[], { n: number | null }>('SELECT max(seq) AS n FROM audit_log').get()?.n ?? 0;
        const span = this.db
          .prepare<{ from: string; to: string; head: number }, { rows: number; first: number | null; last: number | null }>(
            'SELECT count(*) AS rows, min(seq) AS first, max(seq) AS last FROM audit_log WHERE at >= @from AND at < @to AND seq <= @head',
          )
          .get({ from: fromIso, to: toIso, head }) ?? { rows: 0, first: null, last: null };
        const hashOf = (seq: number | null) =>
          seq === null ? null : (this.db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?').get(seq)?.hash ?? null);
        const before = hashOf(this.lastBefore(fromIso, head)) ?? GENESIS_HASH;
        return { snapshotSequence, audit: { rows: span.rows, before, first: hashOf(span.first), last: hashOf(span.last) ?? before } };
      })
      .deferred();
  }

  /**
   * The highest row number up to `head` whose time is before `fromIso`, without reading the history: the newest row
   * of a window before `from` (time index), then any row numbered after it whose time is older still (a clock set
   * back; row-number range: the rows since). The window widens (1, 4, 16 … days) only when it holds no row.
   */
  private lastBefore(fromIso: string, head: number): number | null {
    const fromMs = Date.parse(fromIso);
    const inWindow = this.db.prepare<[string, string, number], { n: number | null }>('SELECT max(seq) AS n FROM audit_log WHERE at >= ? AND at < ? AND seq <= ?');
    const olderAfter = this.db.prepare<[number, number, string], { n: number | null }>('SELECT max(seq) AS n FROM audit_log WHERE seq > ? AND seq <= ? AND at < ?');
    const oldest = this.db.prepare<[], { at: string | null }>('SELECT min(at) AS at FROM audit_log').get()?.at ?? null;
    if (oldest === null || oldest >= fromIso) return null;
    for (let days = 1; ; days *= 4) {
      const lo = new Date(Math.max(fromMs - days * 86_400_000, -8_640_000_000_000_000)).toISOString();
      const found = inWindow.get(lo, fromIso, head)?.n ?? null;
      if (found !== null) return Math.max(found, olderAfter.get(found, head, lo)?.n ?? found);
      // Every row is inside the window by now, and none is before `from` there: none is.
      if (lo <= oldest) return null;
    }
  }

  /** Crossings of the period up to the snapshot, in sequence order, one page at a time (keyset paging). */
  crossingsPage(fromMs: number, toMs: number, snapshotSequence: number, afterSequence: number, limit: number): Crossing[] {
    return this.db
      .prepare<[number, number, number, number, number], CrossingDbRow>(
        `SELECT * FROM crossings WHERE recorded_at_ms >= ? AND recorded_at_ms < ? AND sequence <= ? AND sequence > ?
         ORDER BY sequence LIMIT ?`,
      )
      .all(fromMs, toMs, snapshotSequence, afterSequence, limit)
      .map(toCrossing);
  }

  /**
   * crossingsPage for the bundle writer: only the exported columns, as arrays (EXPORT_CROSSING_COLUMNS order).
   * Half the cost of row objects on 100k rows; the statement is prepared once.
   */
  exportColumnsPage(fromMs: number, toMs: number, snapshotSequence: number, afterSequence: number, limit: number): CrossingExportColumns[] {
    this.exportPage ??= this.db
      .prepare<[number, number, number, number, number], CrossingExportColumns>(
        `SELECT ${EXPORT_CROSSING_COLUMNS.join(', ')} FROM crossings c JOIN crossing_state s ON s.crossing_id = c.id
         WHERE c.recorded_at_ms >= ? AND c.recorded_at_ms < ? AND c.sequence <= ? AND c.sequence > ? ORDER BY c.sequence LIMIT ?`,
      )
      .raw(true);
    // Paged by sequence, the first page would walk every crossing numbered before the period (the whole history before
    // the day): start at the period's first sequence, found through the time index.
    if (!this.periodStart || this.periodStart.fromMs !== fromMs || this.periodStart.toMs !== toMs) {
      const first = this.db.prepare<[number, number], { n: number | null }>('SELECT min(sequence) AS n FROM crossings WHERE recorded_at_ms >= ? AND recorded_at_ms < ?').get(fromMs, toMs)?.n ?? null;
      // An empty period is asked again next time: crossings may still be recorded into it (today).
      if (first === null) return [];
      this.periodStart = { fromMs, toMs, first };
    }
    return this.exportPage.all(fromMs, toMs, snapshotSequence, Math.max(afterSequence, this.periodStart.first - 1), limit);
  }

  /** The overrides, corrections, evidence and pairings of a page of crossings (bundle format v2). */
  crossingDetails(ids: readonly string[]): CrossingDetails {
    this.details ??= new ExportDetails(this.db);
    return this.details.forCrossings(ids);
  }

  /** The station's users, by id: bundles name the people who decided and corrected. */
  users(): ExportUserRow[] {
    this.details ??= new ExportDetails(this.db);
    return this.details.users();
  }

  /** How many crossings the period holds (the bundle writer's progress total). */
  crossingCount(fromMs: number, toMs: number): number {
    return this.db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM crossings WHERE recorded_at_ms >= ? AND recorded_at_ms < ?').get(fromMs, toMs)?.n ?? 0;
  }

  countCrossings(fromMs: number, toMs: number): { total: number; entry: number; exit: number; OK: number; NOT_OK: number; NEEDS_CROSS_CHECK: number; delivered: number } {
    const row = this.db
      .prepare<[number, number], { total: number; entry: number | null; exit: number | null; ok: number | null; notOk: number | null; check: number | null; delivered: number | null }>(
        `SELECT count(*) AS total,
           sum(direction = 'entry') AS entry, sum(direction = 'exit') AS exit,
           sum(outcome = 'OK') AS ok, sum(outcome = 'NOT_OK') AS notOk, sum(outcome = 'NEEDS_CROSS_CHECK') AS "check",
           sum(${ACKNOWLEDGED}) AS delivered
         FROM crossings c WHERE recorded_at_ms >= ? AND recorded_at_ms < ?`,
      )
      .get(fromMs, toMs);
    return {
      total: row?.total ?? 0,
      entry: row?.entry ?? 0,
      exit: row?.exit ?? 0,
      OK: row?.ok ?? 0,
      NOT_OK: row?.notOk ?? 0,
      NEEDS_CROSS_CHECK: row?.check ?? 0,
      delivered: row?.delivered ?? 0,
    };
  }

  /** The alerts raised in the period, oldest first; none while the alerts table does not exist. */
  alerts(fromMs: number, toMs: number): {
    id: string;
    type: string;
    severity: string;
    status: string;
    raisedAt: string;
    corridorId: string | null;
    groupId: string | null;
    crossingId: string | null;
    subjectIds: string[];
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
    note: string | null;
    resolvedAt: string | null;
  }[] {
    if (!this.hasTable('alerts')) return [];
    const rows = this.db
      .prepare<[number, number], Record<string, string | null>>('SELECT * FROM alerts WHERE raised_at_ms >= ? AND raised_at_ms < ? ORDER BY raised_at_ms, id')
      .all(fromMs, toMs);
    return rows.map((r) => ({
      id: r.id as string,
      type: r.type as string,
      severity: r.severity as string,
      status: r.status as string,
      raisedAt: r.raised_at as string,
      corridorId: r.corridor_id ?? null,
      groupId: r.group_id ?? null,
      crossingId: r.crossing_id ?? null,
      subjectIds: JSON.parse(r.subject_ids_json ?? '[]') as string[],
      acknowledgedAt: r.acknowledged_at ?? null,
      acknowledgedBy: r.acknowledged_by ?? null,
      note: r.note ?? null,
      resolvedAt: r.resolved_at ?? null,
    }));
  }

  /** Label, corridor and expected head count (stated, else the manifest's size) of bus groups. */
  groups(ids: readonly string[]): { groupId: string; label: string; corridorId: string | null; expected: number | null }[] {
    if (ids.length === 0 || !this.hasTable('travel_groups')) return [];
    return this.db
      .prepare<[string], { id: string; label: string; corridor_id: string | null; expected: number | null }>(
        `SELECT g.id, g.label, g.corridor_id,
           coalesce(g.expected_count, nullif((SELECT count(*) FROM manifest_entries m WHERE m.group_id = g.id), 0)) AS expected
         FROM travel_groups g WHERE g.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids))
      .map((r) => ({ groupId: r.id, label: r.label, corridorId: r.corridor_id, expected: r.expected }));
  }

  insert(row: ExportRow): void {
    this.db
      .prepare(
        `INSERT INTO exports (id, manifest_sha256, station_id, period_from, period_to, period_from_ms, period_to_ms, time_zone,
           snapshot_sequence, crossings, alerts, audit_last, destination, format, status, created_at, created_by, acknowledged_at, supersedes)
         VALUES (@id, @manifestSha256, @stationId, @periodFrom, @periodTo, @periodFromMs, @periodToMs, @timeZone,
           @snapshotSequence, @crossings, @alerts, @auditLast, @destination, @format, @status, @createdAt, @createdBy, @acknowledgedAt, @supersedes)`,
      )
      .run({ ...row, supersedes: row.supersedes ?? null });
  }

  /** The latest export of exactly this period: the bundle a new export of it replaces. */
  latestOfPeriod(fromMs: number, toMs: number): ExportRow | undefined {
    const row = this.db
      .prepare<[number, number], ExportDbRow>('SELECT * FROM exports WHERE period_from_ms = ? AND period_to_ms = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(fromMs, toMs);
    return row ? toExportRow(row) : undefined;
  }

  /** The row digests of a bundle written (see 0015_export_digests.sql); null for bundles written before they were kept. */
  digestsOf(exportId: string): Uint8Array | null {
    const row = this.db.prepare<[string], { digests: Buffer }>('SELECT digests FROM export_digests WHERE export_id = ?').get(exportId);
    return row ? new Uint8Array(row.digests.buffer, row.digests.byteOffset, row.digests.byteLength) : null;
  }

  /** Call in the transaction that inserts the export. */
  insertDigests(exportId: string, digests: Uint8Array): void {
    this.db.prepare('INSERT INTO export_digests (export_id, digests) VALUES (?, ?)').run(exportId, Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength));
  }

  get(id: string): ExportRow | undefined {
    const row = this.db.prepare<[string], ExportDbRow>('SELECT * FROM exports WHERE id = ?').get(id);
    return row ? toExportRow(row) : undefined;
  }

  list(limit: number): ExportRow[] {
    return this.db.prepare<[number], ExportDbRow>('SELECT * FROM exports ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit).map(toExportRow);
  }

  /** The latest export whose period ends where `fromMs` begins (the bundle a new one chains to). */
  previousOf(fromMs: number): ExportRow | undefined {
    const row = this.db.prepare<[number], ExportDbRow>('SELECT * FROM exports WHERE period_to_ms = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(fromMs);
    return row ? toExportRow(row) : undefined;
  }

  setStatus(id: string, status: ExportStatus, acknowledgedAt: string | null = null): void {
    this.db.prepare('UPDATE exports SET status = ?, acknowledged_at = coalesce(?, acknowledged_at) WHERE id = ?').run(status, acknowledgedAt, id);
  }

  /** Crossings not yet covered by an acknowledged export ("saved, not yet sent"), and those sent but not acknowledged. */
  deliveryCounts(): { notAcknowledged: number; sentNotAcknowledged: number } {
    const notAcknowledged = this.uncovered(['acknowledged']);
    // Covered by a sent-or-acknowledged bundle ⊇ covered by an acknowledged one: the difference is "sent, not acknowledged".
    return { notAcknowledged, sentNotAcknowledged: notAcknowledged - this.uncovered(['sent', 'acknowledged']) };
  }

  /**
   * How many crossings no export of these statuses covers, read through the time index only where the answer lives:
   * the time outside every export's period (today, gaps) and, inside a period, the rows after the bundle's snapshot —
   * which exist only where the bundle was written before its period ended (a crossing's time is when it was recorded).
   * A station that exports daily reads the hourly counters of the days not yet acknowledged and at most two partial
   * hours of index entries, whatever its history.
   */
  private uncovered(statuses: readonly string[]): number {
    const exports = this.db
      .prepare<[string], { from: number; to: number; snapshot: number; created: string }>(
        `SELECT period_from_ms AS "from", period_to_ms AS "to", snapshot_sequence AS snapshot, created_at AS created
         FROM exports WHERE status IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(statuses));
    const total = this.db.prepare<[], { n: number }>("SELECT value AS n FROM counters WHERE name = 'crossings'").get()?.n ?? 0;
    if (exports.length === 0) return total;
    const lateIn = this.db.prepare<[number, number, number], { n: number }>(
      'SELECT count(*) AS n FROM crossings WHERE recorded_at_ms >= ? AND recorded_at_ms < ? AND sequence > ?',
    );
    const bounds = [...new Set(exports.flatMap((e) => [e.from, e.to]))].sort((a, b) => a - b);
    const first = bounds[0] as number;
    const last = bounds[bounds.length - 1] as number;
    let n = this.countBetween(Number.MIN_SAFE_INTEGER, first) + this.countBetween(last, Number.MAX_SAFE_INTEGER);
    for (let i = 0; i + 1 < bounds.length; i += 1) {
      const from = bounds[i] as number;
      const to = bounds[i + 1] as number;
      let best: (typeof exports)[number] | undefined;
      for (const e of exports) if (e.from <= from && e.to >= to && (!best || e.snapshot > best.snapshot)) best = e;
      if (!best) n += this.countBetween(from, to);
      else if (Date.parse(best.created) < to) n += lateIn.get(from, to, best.snapshot)?.n ?? 0;
    }
    return n;
  }

  /**
   * Crossings recorded in [fromMs, toMs): the whole hours inside from the hourly counters (migration 0017), the partial
   * hours at both edges through the time index. Days without a bundle cost a row an hour, not a row a crossing.
   */
  countBetween(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return 0;
    const firstHour = Math.ceil(fromMs / HOUR_MS);
    const endHour = Math.floor(toMs / HOUR_MS);
    const index = this.db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM crossings WHERE recorded_at_ms >= ? AND recorded_at_ms < ?');
    if (endHour <= firstHour) return index.get(fromMs, toMs)?.n ?? 0;
    const hours = this.db.prepare<[number, number], { n: number | null }>('SELECT sum(n) AS n FROM crossing_hours WHERE hour >= ? AND hour < ?').get(firstHour, endHour)?.n ?? 0;
    const head = firstHour * HOUR_MS > fromMs ? (index.get(fromMs, firstHour * HOUR_MS)?.n ?? 0) : 0;
    const tail = endHour * HOUR_MS < toMs ? (index.get(endHour * HOUR_MS, toMs)?.n ?? 0) : 0;
    return head + hours + tail;
  }

  /** Per crossing id: 'acknowledged', 'sent' or 'saved' (not yet sent). */
  deliveryOf(ids: readonly string[]): Map<string, 'saved' | 'sent' | 'acknowledged'> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare<[string], { id: string; ack: number; sent: number }>(
        `SELECT c.id, ${ACKNOWLEDGED} AS ack, ${SENT} AS sent FROM crossings c WHERE c.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    return new Map(rows.map((r) => [r.id, r.ack ? 'acknowledged' : r.sent ? 'sent' : 'saved']));
  }

  setting(key: string): string | undefined {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value;
  }

  /** Call inside a transaction; null deletes. */
  setSetting(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
