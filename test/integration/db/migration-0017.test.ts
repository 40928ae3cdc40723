import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExportsRepo } from '../../../shared/node/db';
import { AlertsRepo } from '../../../shared/node/db/alerts-repo';
import { beforeMigration } from '../../support/migration';

const HOUR = 3_600_000;

function insertCrossing(db: Database.Database, id: string, ms: number): void {
  db.prepare(
    `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number, nationality, scan_source)
     VALUES (?, ?, ?, 'S', 'entry', 'OK', '[]', '{}', ?, 'TJK', 'wedge')`,
  ).run(id, new Date(ms).toISOString(), ms, `N-${id}`);
}

function insertAlert(db: Database.Database, id: string, status: 'open' | 'acknowledged' | 'resolved', ms: number): void {
  db.prepare(`INSERT INTO alerts (id, type, severity, status, dedupe_key, raised_at, raised_at_ms) VALUES (?, 'duplicate-scan', 'warning', ?, ?, ?, ?)`).run(
    id,
    status,
    `k-${id}`,
    new Date(ms).toISOString(),
    ms,
  );
}

const hours = (db: Database.Database) => db.prepare('SELECT hour, n FROM crossing_hours WHERE n > 0 ORDER BY hour').all();
const recountHours = (db: Database.Database) => db.prepare('SELECT recorded_at_ms / 3600000 AS hour, count(*) AS n FROM crossings GROUP BY 1 ORDER BY 1').all();
const alertCounters = (db: Database.Database) => db.prepare("SELECT name, value FROM counters WHERE name LIKE 'alerts:%' ORDER BY name").all();

describe('bounded_counts migration: crossings per hour and alerts per status', () => {
  it('counts the rows already there, keeps the counts equal to a recount, and answers ranges from them', () => {
    const { db, migrate } = beforeMigration('_bounded_counts');
    const base = 450_000 * HOUR;
    insertCrossing(db, 'a', base + 10);
    insertCrossing(db, 'b', base + HOUR - 1);
    insertCrossing(db, 'c', base + 2 * HOUR + 5);
    insertAlert(db, 'x', 'open', 1000);
    insertAlert(db, 'y', 'open', 2000);
    insertAlert(db, 'z', 'resolved', 3000);

    migrate();
    expect(hours(db)).toEqual([
      { hour: 450_000, n: 2 },
      { hour: 450_002, n: 1 },
    ]);
    expect(alertCounters(db)).toEqual([
      { name: 'alerts:acknowledged', value: 0 },
      { name: 'alerts:open', value: 2 },
      { name: 'alerts:resolved', value: 1 },
    ]);

    // Kept by triggers: a new crossing, a crossing moved to another hour, a deleted one.
    insertCrossing(db, 'd', base + 2 * HOUR + 6);
    insertCrossing(db, 'e', base + 5 * HOUR);
    db.prepare('UPDATE crossings SET recorded_at_ms = ? WHERE id = ?').run(base + 3 * HOUR, 'a');
    db.prepare("DELETE FROM crossings WHERE id = 'b'").run();
    expect(hours(db)).toEqual(recountHours(db));

    // Ranges: whole hours from the counters, the edges from the index; every cut agrees with a plain count.
    const repo = new ExportsRepo(db);
    const plain = db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM crossings WHERE recorded_at_ms >= ? AND recorded_at_ms < ?');
    const cuts = [Number.MIN_SAFE_INTEGER, base - 1, base, base + 10, base + 11, base + HOUR, base + 2 * HOUR + 6, base + 3 * HOUR, base + 3 * HOUR + 1, base + 5 * HOUR, Number.MAX_SAFE_INTEGER];
    for (const from of cuts) for (const to of cuts) expect([from, to, repo.countBetween(from, to)]).toEqual([from, to, from < to ? plain.get(from, to)?.n : 0]);

    // Alerts change status (acknowledged, resolved) or go (a purge); the list's total reads the counters.
    db.prepare("UPDATE alerts SET status = 'acknowledged' WHERE id = 'x'").run();
    insertAlert(db, 'w', 'open', 4000);
    db.prepare("DELETE FROM alerts WHERE id = 'z'").run();
    const recount = db.prepare("SELECT 'alerts:' || status AS name, count(*) AS value FROM alerts GROUP BY status ORDER BY name").all();
    expect(alertCounters(db).filter((c) => (c as { value: number }).value > 0)).toEqual(recount);
    const alerts = new AlertsRepo(db);
    expect(alerts.list({ status: 'open', limit: 1 }).total).toBe(2);
    expect(alerts.list({ status: 'all', limit: 10 }).total).toBe(3);
    expect(alerts.list({ status: 'all', limit: 10 }).items.map((a) => a.id)).toEqual(['w', 'y', 'x']);
    db.close();
  });
});
