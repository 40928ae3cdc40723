import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../shared/domain/mrz';
import { MIGRATIONS, migrate, schemaVersion } from '../../../shared/node/db';
import { nameMatch } from '../../../shared/node/db/name-match';
import { tempDir } from '../../support/temp-dir';

const migration = MIGRATIONS.find((m) => m.name.endsWith('_name_search'));

function insertCrossing(db: Database.Database, id: string, name: string | null): void {
  db.prepare(
    `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number,
       nationality, scan_source, name_key, disposition)
     VALUES (?, 'now', 1000, 'S', 'entry', 'OK', '[]', '{}', ?, 'TJK', 'wedge', ?, 'crossed')`,
  ).run(id, `N-${id}`, name === null ? null : nameKey(name));
}

describe('name_search migration', () => {
  it('indexes the names already there and keeps the index with every insert, purge and delete; Cyrillic finds Latin', () => {
    if (!migration) throw new Error('the name_search migration is not listed');
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    db.pragma('foreign_keys = OFF');
    migrate(db, MIGRATIONS, migration.version - 1);
    insertCrossing(db, 'c1', 'KARIMOV ALISHER');
    insertCrossing(db, 'c2', 'RAHIMOV UMED');
    insertCrossing(db, 'c3', null);
    db.prepare(
      `INSERT INTO travel_groups (id, corridor_id, label, origin_station_id, created_at, updated_at) VALUES ('G', 'C', 'Bus', 'S', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO manifest_entries (id, group_id, line_no, document_number, nationality, surname, given_names, name_key, source, added_at)
       VALUES ('m1', 'G', 1, 'X1', 'TJK', 'KARIMOVA', 'NIGORA', ?, 'import', 'now')`,
    ).run(nameKey('KARIMOVA NIGORA'));

    migrate(db, MIGRATIONS, migration.version);
    expect(schemaVersion(db)).toBe(migration.version);
    const crossings = (query: string) =>
      db.prepare('SELECT id FROM crossings WHERE sequence IN (SELECT rowid FROM crossings_names WHERE crossings_names MATCH ?) ORDER BY id').pluck().all(nameMatch(nameKey(query)));
    const manifest = (query: string) =>
      db.prepare('SELECT id FROM manifest_entries WHERE rowid IN (SELECT rowid FROM manifest_names WHERE manifest_names MATCH ?)').pluck().all(nameMatch(nameKey(query)));
    expect(crossings('IMOV')).toEqual(['c1', 'c2']);
    expect(crossings('Каримов')).toEqual(['c1']);
    expect(crossings('alisher karimov')).toEqual(['c1']);
    expect(manifest('Каримова')).toEqual(['m1']);

    insertCrossing(db, 'c4', 'KARIMOV BEHRUZ');
    expect(crossings('KARIMOV')).toEqual(['c1', 'c4']);
    // The retention purge blanks the key: the name is no longer findable.
    db.prepare("UPDATE crossings SET name_key = NULL WHERE id = 'c1'").run();
    db.prepare("UPDATE manifest_entries SET name_key = '' WHERE id = 'm1'").run();
    expect(crossings('KARIMOV')).toEqual(['c4']);
    expect(manifest('KARIMOVA')).toEqual([]);
    db.prepare("DELETE FROM crossings WHERE id = 'c4'").run();
    expect(crossings('KARIMOV')).toEqual([]);
    // Too short for a trigram: no name query at all.
    expect(nameMatch('AB')).toBeNull();
    db.close();
  });
});
