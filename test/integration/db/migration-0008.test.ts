import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { beforeMigration } from '../../support/migration';

function insertCrossing(db: Database.Database, id: string, direction: 'entry' | 'exit', corridorId: string | null, ms: number, disposition = 'crossed'): void {
  db.prepare(
    `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number,
       nationality, scan_source, corridor_id, disposition)
     VALUES (?, ?, ?, 'S', ?, 'OK', '[]', '{}', ?, 'TJK', 'wedge', ?, ?)`,
  ).run(id, new Date(ms).toISOString(), ms, direction, `N-${id}`, corridorId, disposition);
  db.prepare(`INSERT INTO crossing_state (crossing_id, disposition, direction, outcome, group_id, corrections, updated_at) VALUES (?, ?, ?, 'OK', NULL, 0, 'now')`).run(
    id,
    disposition,
    direction,
  );
}

describe('bounded_reads migration: counters and open entries', () => {
  it('counts the crossings already there and lists the unpaired entries, then keeps both current', () => {
    const { db, migrate } = beforeMigration('_bounded_reads');
    insertCrossing(db, 'in-1', 'entry', 'C', 1000);
    insertCrossing(db, 'in-2', 'entry', 'C', 2000);
    insertCrossing(db, 'out-1', 'exit', 'C', 3000);
    insertCrossing(db, 'alone', 'entry', null, 4000);
    insertCrossing(db, 'turned-back', 'entry', 'C', 4500, 'refused');
    db.prepare(`INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at) VALUES ('out-1', 'in-1', 'C', 'document', 1, 'now')`).run();
    db.prepare(
      `INSERT INTO alerts (id, type, severity, dedupe_key, raised_at, raised_at_ms, corridor_id, crossing_id) VALUES ('a1', 'overdue', 'critical', 'overdue:in-2', 'now', 5000, 'C', 'in-2')`,
    ).run();

    migrate();
    const counter = () => (db.prepare("SELECT value FROM counters WHERE name = 'crossings'").get() as { value: number }).value;
    const open = () => db.prepare('SELECT entry_id, alerted FROM open_entries ORDER BY entry_id').all();
    const dispositions = () => db.prepare("SELECT name, value FROM counters WHERE name LIKE 'disposition:%' ORDER BY name").all();
    expect(counter()).toBe(5);
    expect(dispositions()).toEqual([
      { name: 'disposition:cancelled', value: 0 },
      { name: 'disposition:crossed', value: 4 },
      { name: 'disposition:held', value: 0 },
      { name: 'disposition:refused', value: 1 },
    ]);
    // A refused traveller never entered the corridor: not open, however long ago.
    expect(open()).toEqual([{ entry_id: 'in-2', alerted: 1 }]);

    // Kept by triggers from here on: an entry opens, its exit closes it, an overdue alert marks it.
    insertCrossing(db, 'in-3', 'entry', 'C', 6000);
    expect(counter()).toBe(6);
    expect(open()).toEqual([
      { entry_id: 'in-2', alerted: 1 },
      { entry_id: 'in-3', alerted: 0 },
    ]);
    insertCrossing(db, 'out-3', 'exit', 'C', 7000);
    db.prepare(`INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at) VALUES ('out-3', 'in-3', 'C', 'document', 1, 'now')`).run();
    expect(open()).toEqual([{ entry_id: 'in-2', alerted: 1 }]);
    expect(counter()).toBe(7);
    // A correction: the refused traveller was let through after all, and the pairing of in-3 is taken back.
    db.prepare("UPDATE crossing_state SET disposition = 'crossed' WHERE crossing_id = 'turned-back'").run();
    db.prepare("DELETE FROM pairings WHERE exit_id = 'out-3'").run();
    expect(open()).toEqual([
      { entry_id: 'in-2', alerted: 1 },
      { entry_id: 'in-3', alerted: 0 },
      { entry_id: 'turned-back', alerted: 0 },
    ]);
    expect(dispositions()).toContainEqual({ name: 'disposition:refused', value: 0 });
    db.close();
  });
});
