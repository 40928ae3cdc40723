import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

const migration = MIGRATIONS.find((m) => m.name.endsWith('_group_revisions'));

function insertCrossing(db: Database.Database, id: string, direction: 'entry' | 'exit', groupId: string | null): void {
  db.prepare(
    `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number,
       nationality, scan_source, corridor_id, group_id, disposition)
     VALUES (?, 'now', 1000, 'S', ?, 'OK', '[]', '{}', ?, 'TJK', 'wedge', 'C', ?, 'crossed')`,
  ).run(id, direction, `N-${id}`, groupId);
  db.prepare(`INSERT INTO crossing_state (crossing_id, disposition, direction, outcome, group_id, corrections, updated_at) VALUES (?, 'crossed', ?, 'OK', ?, 0, 'now')`).run(
    id,
    direction,
    groupId,
  );
}

describe('group_revisions migration', () => {
  it('starts every existing group at revision 0, then moves only the groups whose rows change', () => {
    if (!migration) throw new Error('the group_revisions migration is not listed');
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    db.pragma('foreign_keys = OFF');
    migrate(db, MIGRATIONS, migration.version - 1);
    for (const g of ['A', 'B', 'C']) {
      db.prepare(
        `INSERT INTO travel_groups (id, corridor_id, label, origin_station_id, created_at, updated_at) VALUES (?, 'C', ?, 'S', 'now', 'now')`,
      ).run(g, `Bus ${g}`);
    }
    insertCrossing(db, 'in-a', 'entry', 'A');

    migrate(db, MIGRATIONS, migration.version);
    expect(schemaVersion(db)).toBe(migration.version);
    const revisions = () => Object.fromEntries(db.prepare('SELECT group_id, revision FROM group_revisions').all().map((r) => { const row = r as { group_id: string; revision: number }; return [row.group_id, row.revision]; }));
    // No row yet: a group nothing touched is at revision 0 (GroupsRepo.revision), rows already there included.
    expect(revisions()).toEqual({});

    insertCrossing(db, 'in-b', 'entry', 'B');
    insertCrossing(db, 'loose', 'entry', null);
    expect(revisions()).toEqual({ B: 1 });
    db.prepare(
      `INSERT INTO manifest_entries (id, group_id, line_no, document_number, nationality, surname, given_names, name_key, source, added_at)
       VALUES ('m1', 'A', 1, 'X1', 'TJK', 'S', 'G', 's g', 'import', 'now')`,
    ).run();
    expect(revisions()).toEqual({ A: 1, B: 1 });
    // A correction moves the group away from B to C: both lists change.
    db.prepare("UPDATE crossing_state SET group_id = 'C' WHERE crossing_id = 'in-b'").run();
    expect(revisions()).toEqual({ A: 1, B: 2, C: 1 });
    // An exit recorded loose pairs with A's entry: A's roster shows it.
    insertCrossing(db, 'out-a', 'exit', null);
    db.prepare(`INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at) VALUES ('out-a', 'in-a', 'C', 'document', 1, 'now')`).run();
    expect(revisions()).toEqual({ A: 2, B: 2, C: 1 });
    // A correction of the loose exit reaches A through the pairing; the purge of A's entry, then its departure.
    db.prepare("UPDATE crossing_state SET direction = 'entry' WHERE crossing_id = 'out-a'").run();
    expect(revisions().A).toBe(3);
    db.prepare("UPDATE crossings SET document_number = '(purged)' WHERE id = 'in-a'").run();
    expect(revisions().A).toBe(4);
    db.prepare("UPDATE travel_groups SET departed_at = 'now' WHERE id = 'A'").run();
    expect(revisions().A).toBe(5);
    db.prepare("DELETE FROM pairings WHERE exit_id = 'out-a'").run();
    expect(revisions()).toEqual({ A: 6, B: 2, C: 1 });
    db.close();
  });
});
