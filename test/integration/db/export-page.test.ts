import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ExportsRepo, openStationDatabase } from '../../../shared/node/db';
import { statementRecorder } from '../../support/statement-recorder';
import { tempDir } from '../../support/temp-dir';

const DAY = 86_400_000;
const START = Date.parse('2021-03-01T00:00:00Z');

function insertCrossing(db: Database.Database, n: number, ms: number): void {
  db.prepare(
    `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number, nationality, scan_source)
     VALUES (?, ?, ?, 'S', 'entry', 'OK', '[]', '{}', ?, 'TJK', 'wedge')`,
  ).run(`c-${n}`, new Date(ms).toISOString(), ms, `N${n}`);
  db.prepare(`INSERT INTO crossing_state (crossing_id, disposition, direction, outcome, group_id, corrections, updated_at) VALUES (?, 'crossed', 'entry', 'OK', NULL, 0, 'now')`).run(`c-${n}`);
}

describe('the export reads its day page by page', () => {
  it('starts at the day’s first crossing instead of walking every crossing numbered before it', async () => {
    const db = openStationDatabase(tempDir());
    // Ten days of 300 crossings each.
    db.transaction(() => {
      for (let n = 1; n <= 3000; n += 1) insertCrossing(db, n, START + Math.floor((n - 1) / 300) * DAY + ((n - 1) % 300) * 1000);
    })();
    const repo = new ExportsRepo(db);
    const from = START + 7 * DAY;
    const recorder = statementRecorder();
    const sequences: number[] = [];
    await recorder.during(async () => {
      for (let after = 0; ; ) {
        const page = repo.exportColumnsPage(from, from + DAY, 3000, after, 128);
        if (page.length === 0) break;
        for (const row of page) sequences.push(row[0]);
        after = page[page.length - 1]?.[0] ?? after;
      }
    });
    expect(sequences).toEqual(Array.from({ length: 300 }, (_, i) => 2101 + i));
    // Every page is asked from the day's first sequence on (a range of row numbers that starts there).
    const asked = recorder.executions.filter((e) => e.sql.includes('ORDER BY c.sequence LIMIT')).map((e) => e.args[3] as number);
    expect(asked.length).toBeGreaterThan(2);
    expect(Math.min(...asked)).toBe(2100);
    // Empty periods, and a period that gets its first crossing later, are answered as they are now.
    expect(repo.exportColumnsPage(START + 20 * DAY, START + 21 * DAY, 5000, 0, 10)).toEqual([]);
    insertCrossing(db, 3001, START + 20 * DAY + 5);
    expect(repo.exportColumnsPage(START + 20 * DAY, START + 21 * DAY, 5000, 0, 10).map((row) => row[0])).toEqual([3001]);
    db.close();
  });
});
