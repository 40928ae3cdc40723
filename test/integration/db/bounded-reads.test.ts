import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_USERS } from '../../../bench/scale/history-people';
import { CROSSINGS_PER_DAY, HISTORY_END, buildStationHistory, laneBusPerson, type HistorySummary } from '../../../bench/scale/station-history';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { buildMrz } from '../../../shared/domain/mrz';
import { ExportsRepo, StationStore } from '../../../shared/node/db';
import { statementRecorder } from '../../support/statement-recorder';

/** The tables that grow with history: no statement the lane runs may walk one of them whole. */
const HISTORY_TABLES = new Set(['crossings', 'imported_crossings', 'alerts', 'manifest_entries', 'audit_log', 'pairings', 'overrides', 'evidence', 'travel_groups', 'open_entries', 'group_files']);
const SIZE = Number(process.env.BOUNDED_READS_SIZE ?? 200_000);

// The old definition of "delivered" (a correlated subquery per crossing): the recount the faster answer must agree with.
const ACKNOWLEDGED = (statuses: string) => `EXISTS (SELECT 1 FROM exports e WHERE e.status IN (${statuses})
  AND c.recorded_at_ms >= e.period_from_ms AND c.recorded_at_ms < e.period_to_ms AND c.sequence <= e.snapshot_sequence)`;

function recount(store: StationStore) {
  const db = store.database;
  const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    crossings: one('SELECT count(*) AS n FROM crossings'),
    dispositions: db.prepare("SELECT 'disposition:' || disposition AS name, count(*) AS value FROM crossing_state GROUP BY disposition ORDER BY name").all(),
    dispositionCounters: db.prepare("SELECT name, value FROM counters WHERE name LIKE 'disposition:%' AND value > 0 ORDER BY name").all(),
    counter: one("SELECT value AS n FROM counters WHERE name = 'crossings'"),
    openEntries: db
      .prepare(
        `SELECT id FROM (SELECT id FROM local_passages c WHERE direction = 'entry' AND disposition = 'crossed' AND corridor_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id)
           UNION ALL SELECT id FROM imported_crossings c WHERE direction = 'entry' AND disposition = 'crossed' AND corridor_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id))
         ORDER BY id`,
      )
      .pluck()
      .all(),
    hours: db.prepare('SELECT recorded_at_ms / 3600000 AS hour, count(*) AS n FROM crossings GROUP BY 1 ORDER BY 1').all(),
    hourCounters: db.prepare('SELECT hour, n FROM crossing_hours WHERE n > 0 ORDER BY hour').all(),
    alerts: db.prepare("SELECT 'alerts:' || status AS name, count(*) AS value FROM alerts GROUP BY status ORDER BY name").all(),
    alertCounters: db.prepare("SELECT name, value FROM counters WHERE name LIKE 'alerts:%' AND value > 0 ORDER BY name").all(),
    kept: db.prepare('SELECT entry_id FROM open_entries ORDER BY entry_id').pluck().all(),
    alerted: db.prepare("SELECT entry_id FROM open_entries WHERE alerted = 1 ORDER BY entry_id").pluck().all(),
    overdueAlerts: db
      .prepare("SELECT crossing_id FROM alerts WHERE type = 'overdue' AND crossing_id IN (SELECT entry_id FROM open_entries) ORDER BY crossing_id")
      .pluck()
      .all(),
    notAcknowledged: one(`SELECT count(*) AS n FROM crossings c WHERE NOT ${ACKNOWLEDGED("'acknowledged'")}`),
    sentNotAcknowledged: one(`SELECT count(*) AS n FROM crossings c WHERE ${ACKNOWLEDGED("'sent', 'acknowledged'")} AND NOT ${ACKNOWLEDGED("'acknowledged'")}`),
  };
}

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** `SCAN <alias>` lines of a plan whose alias names a history table. */
function historyScans(db: StationStore['database'], sql: string): string[] {
  const aliases = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)(?:\s+(?:AS\s+)?([a-z_]+))?/gi)) {
    const table = (m[1] ?? '').toLowerCase();
    aliases.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !['where', 'on', 'order', 'group', 'limit', 'union', 'cross', 'join', 'left', 'inner', 'using', 'set'].includes(alias)) aliases.set(alias, table);
  }
  // Every parameter bound to NULL: the plan depends on the indexes, not on the values.
  const named = Object.fromEntries([...sql.matchAll(/[@:$]([a-z_]\w*)/gi)].map((m) => [m[1] as string, null]));
  const positional = (sql.match(/\?/g) ?? []).map(() => null);
  const args: unknown[] = Object.keys(named).length > 0 ? [...positional, named] : positional;
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[];
  // A scan with no condition that stops at a LIMIT, in index order (no sort), reads that many rows: the newest ten.
  const stopsEarly = /\bLIMIT\b/i.test(sql) && !/\bWHERE\b/i.test(sql) && !plan.some((row) => row.detail.includes('TEMP B-TREE'));
  if (stopsEarly) return [];
  return plan
    .map((row) => row.detail)
    .filter((detail) => {
      const subject = /^SCAN (\w+)/.exec(detail)?.[1]?.toLowerCase();
      return subject !== undefined && HISTORY_TABLES.has(aliases.get(subject) ?? subject);
    });
}

/**
 * Counts that walk a range of history without a SCAN: a count over crossings by time whose range is wider than an hour
 * (the hourly counters hold the rest), or a count of alerts by status (a counter holds it).
 */
function wideCounts(executions: readonly { sql: string; args: unknown[] }[]): string[] {
  return executions.flatMap(({ sql, args }) => {
    const text = sql.replace(/\s+/g, ' ');
    if (/count\(\*\).* FROM alerts/i.test(text) && !/group_id|crossing_id/i.test(text)) return [`alerts counted: ${text}`];
    if (!/count\(\*\).* FROM crossings WHERE recorded_at_ms >= \? AND recorded_at_ms < \?/i.test(text)) return [];
    const [from, to] = args as [number, number];
    return to - from > 3_600_000 ? [`${((to - from) / 3_600_000).toFixed(1)} h of crossings counted: ${text}`] : [];
  });
}

const mrzOf = (line: number) => {
  const p = laneBusPerson(line, SIZE);
  const built = buildMrz({ format: 'TD3', documentCode: 'P', issuingState: p.nationality, surname: p.surname, givenNames: p.givenNames, documentNumber: p.documentNumber, nationality: p.nationality, birthDate: p.birthDate, sex: 'M', expiryDate: p.expiryDate });
  if (!built.ok) throw new Error('mrz');
  return built.value.lines.join('\n');
};

describe(`a station with ${SIZE.toLocaleString('en')} crossings of history (built in the test by bulk insert)`, () => {
  let dataDir: string;
  let summary: HistorySummary;

  beforeAll(async () => {
    // Shared by both tests (tempDir() would remove it after the first).
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bounded-'));
    summary = await buildStationHistory({ dataDir, crossings: SIZE });
  }, 900_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its counters, open entries and delivery counts equal to a recount, before and after crossings at the lane', async () => {
    const store = StationStore.open(dataDir);
    const exportsRepo = new ExportsRepo(store.database);
    const check = () => {
      const r = recount(store);
      expect(r.counter).toBe(r.crossings);
      expect(r.dispositionCounters).toEqual(r.dispositions);
      expect(r.hourCounters).toEqual(r.hours);
      expect(r.alertCounters).toEqual(r.alerts);
      expect(r.kept).toEqual(r.openEntries);
      expect(r.alerted).toEqual(r.overdueAlerts);
      expect(exportsRepo.deliveryCounts()).toEqual({ notAcknowledged: r.notAcknowledged, sentNotAcknowledged: r.sentNotAcknowledged });
      expect(store.countCrossings()).toBe(r.crossings);
      return r;
    };
    const before = check();
    expect(before.crossings).toBe(summary.crossings);
    expect(before.kept.length).toBeGreaterThan(0);
    expect(before.notAcknowledged).toBeGreaterThan(0);
    if (summary.exports > 0) expect(before.notAcknowledged).toBeLessThan(before.crossings);
    store.close();

    let nowMs = HISTORY_END.getTime();
    const core = await createCore({ dataDir, clock: { now: () => new Date(nowMs) }, logger: silentLogger });
    unwrap(await core.login({ username: HISTORY_USERS.operator.username, pin: HISTORY_USERS.operator.pin }));
    for (let line = 0; line < 5; line += 1) {
      nowMs += 20_000;
      const scan = unwrap(await core.scan({ payload: mrzOf(line), source: 'wedge' }));
      unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
    }
    core.close();
    const again = StationStore.open(dataDir);
    try {
      const store2 = again;
      const r = recount(store2);
      expect(r.crossings).toBe(before.crossings + 5);
      expect(r.counter).toBe(r.crossings);
      expect(r.hourCounters).toEqual(r.hours);
      expect(r.alertCounters).toEqual(r.alerts);
      expect(new ExportsRepo(store2.database).deliveryCounts()).toEqual({ notAcknowledged: r.notAcknowledged, sentNotAcknowledged: r.sentNotAcknowledged });
      expect(r.notAcknowledged).toBe(before.notAcknowledged + 5);
    } finally {
      again.close();
    }
  }, 600_000);

  it('counts no more than an hour of crossings and no alerts for the status bar and the alert list (the rest are counters)', async () => {
    const recorder = statementRecorder();
    const nowMs = HISTORY_END.getTime() + 2 * 3_600_000;
    const core: Core = await createCore({ dataDir, clock: { now: () => new Date(nowMs) }, logger: silentLogger });
    unwrap(await core.login({ username: HISTORY_USERS.operator.username, pin: HISTORY_USERS.operator.pin }));
    let status: Awaited<ReturnType<Core['getStatus']>> | undefined;
    await recorder.during(async () => {
      status = await core.getStatus({});
      unwrap(await core.listAlerts({}));
      unwrap(await core.listAlerts({ status: 'all', limit: 5 }));
    });
    core.close();
    // The history has days not yet acknowledged: the status bar does count them, through the hours.
    expect(status && status.ok ? (status.value.lane?.unsentCrossings ?? 0) : 0).toBeGreaterThan(CROSSINGS_PER_DAY);
    expect(recorder.executions.length).toBeGreaterThan(5);
    expect(wideCounts(recorder.executions)).toEqual([]);
  }, 600_000);

  it('never walks crossings, alerts or manifest lines on the lane path or in a search (EXPLAIN QUERY PLAN of every statement they run)', async () => {
    const recorder = statementRecorder();
    let nowMs = HISTORY_END.getTime() + 3_600_000;
    const core: Core = await createCore({ dataDir, clock: { now: () => new Date(nowMs) }, logger: silentLogger });
    await recorder.during(async () => {
      unwrap(await core.login({ username: HISTORY_USERS.operator.username, pin: HISTORY_USERS.operator.pin }));
      for (let line = 10; line < 13; line += 1) {
        nowMs += 20_000;
        const scan = unwrap(await core.scan({ payload: mrzOf(line), source: 'wedge' }));
        unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
        unwrap(await core.getStatus({}));
        unwrap(await core.getLaneOverview({}));
        unwrap(await core.listGroups({ limit: 20 }));
      }
      unwrap(await core.getGroup({ groupId: summary.laneGroupId }));
      unwrap(await core.listAlerts({}));
      unwrap(await core.listCrossings({ limit: 10 }));
      unwrap(await core.login({ username: HISTORY_USERS.lead.username, pin: HISTORY_USERS.lead.pin }));
      const day = new Date(HISTORY_END.getTime() - 9 * 3_600_000);
      unwrap(await core.getDashboard({ from: day.toISOString(), to: new Date(day.getTime() + 86_400_000).toISOString() }));
      // Consular search: a document, a document prefix, letters that start documents, a surname in both scripts, a miss.
      unwrap(await core.login({ username: HISTORY_USERS.consular.username, pin: HISTORY_USERS.consular.pin }));
      const known = laneBusPerson(7, SIZE);
      for (const query of [known.documentNumber, known.documentNumber.slice(0, 5), 'TJ', known.surname, 'Каримов', 'WOJCIECHOWSKI']) {
        unwrap(await core.searchTravellers({ query }));
      }
    });
    core.close();
    expect(recorder.seen.size).toBeGreaterThan(20);
    const store = StationStore.open(dataDir);
    try {
      const offenders = [...recorder.seen].flatMap((sql) => historyScans(store.database, sql).map((scan) => `${scan}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 200)}`));
      expect(offenders).toEqual([]);
    } finally {
      store.close();
    }
  }, 600_000);
});
