import { describe, expect, it } from 'vitest';
import { AuditLog, ExportsRepo, GENESIS_HASH, openStationDatabase } from '../../../shared/node/db';
import { seededRandom } from '../../../bench/harness/prng';
import { statementRecorder } from '../../support/statement-recorder';
import { tempDir } from '../../support/temp-dir';

const DAY = 86_400_000;
const START = Date.parse('2021-03-01T00:00:00Z');

describe('export snapshot of the audit log', () => {
  it('finds the period and the row before it through the time index, as the one pass over the whole log did, with the clock set back now and then', async () => {
    const dataDir = tempDir();
    const db = openStationDatabase(dataDir);
    const log = new AuditLog(db);
    const random = seededRandom(16);
    // 40 days of rows, mostly in time order; one in twenty written by a clock set back by up to three days.
    let t = START;
    for (let i = 0; i < 4000; i += 1) {
      t += Math.floor(random() * 1_700_000);
      const at = random() < 0.05 ? t - Math.floor(random() * 3 * DAY) : t;
      log.append({ at: new Date(at).toISOString(), actor: 'station', action: 'test.row', entity: 'test', entityId: String(i), payload: {} });
    }
    const repo = new ExportsRepo(db);
    // The one-pass definition the snapshot had (every row read): the reference.
    const reference = (from: string, to: string) => {
      const head = db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
      const r = db
        .prepare(
          `SELECT count(*) FILTER (WHERE at >= @from AND at < @to) AS rows, min(seq) FILTER (WHERE at >= @from AND at < @to) AS first,
             max(seq) FILTER (WHERE at >= @from AND at < @to) AS last, max(seq) FILTER (WHERE at < @from) AS before FROM audit_log WHERE seq <= @head`,
        )
        .get({ from, to, head }) as { rows: number; first: number | null; last: number | null; before: number | null };
      const hashOf = (seq: number | null) => (seq === null ? null : (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string));
      const before = hashOf(r.before) ?? GENESIS_HASH;
      return { rows: r.rows, before, first: hashOf(r.first), last: hashOf(r.last) ?? before };
    };
    const days = [-30, -1, 0, 1, 2, 7, 13, 20, 21, 38, 39, 40, 45, 60, 200];
    for (const d of days) {
      const from = new Date(START + d * DAY).toISOString();
      const to = new Date(START + (d + 1) * DAY).toISOString();
      expect([d, repo.snapshot(from, to).audit]).toEqual([d, reference(from, to)]);
    }
    // No statement of the snapshot walks the log: each reads through the time index or a range of row numbers that
    // starts at a row it found (never "every row up to the head", as the one pass did).
    const recorder = statementRecorder();
    await recorder.during(async () => {
      repo.snapshot(new Date(START + 20 * DAY).toISOString(), new Date(START + 21 * DAY).toISOString());
    });
    const plans = [...recorder.seen].flatMap((sql) => {
      const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1] as string, null]));
      const positional = (sql.match(/\?/g) ?? []).map(() => null);
      const args = Object.keys(params).length > 0 ? [params] : positional;
      return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => `${row.detail}  ←  ${sql}`);
    });
    expect(plans.length).toBeGreaterThan(3);
    expect(plans.filter((line) => /^SCAN audit_log|INTEGER PRIMARY KEY \(rowid<\?\)/.test(line))).toEqual([]);
    db.close();
  });
});
