import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

const migration = MIGRATIONS.find((m) => m.name.endsWith('_business_rules'));

describe('business_rules migration', () => {
  it('keeps crossings and adds the versioned business rule sets', () => {
    if (!migration) throw new Error('the business_rules migration is not listed');
    const version = migration.version;
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, version - 1);
    db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json,
         document_json, document_number, nationality, scan_source)
       VALUES ('c-old', '2021-03-01T00:00:00Z', 0, 'S', 'entry', 'OK', '[]', '{}', 'N1', 'TJK', 'wedge')`,
    ).run();
    expect(() => db.prepare('SELECT * FROM business_rule_sets').all()).toThrow(/no such table/);

    migrate(db, MIGRATIONS, version);
    expect(schemaVersion(db)).toBe(version);
    expect(db.prepare('SELECT id, outcome FROM crossings').all()).toEqual([{ id: 'c-old', outcome: 'OK' }]);
    const add = db.prepare(
      `INSERT INTO business_rule_sets (country, imported_at, actor, source, content_sha256, rules, rules_json) VALUES (?, 'now', 'a', 'f.json', 'h', ?, '[]')`,
    );
    expect(add.run('UZ', 2).lastInsertRowid).toBe(1);
    expect(add.run('UZ', 3).lastInsertRowid).toBe(2);
    expect(() => add.run('UZB', 1)).toThrow(/CHECK/);
    expect(() => add.run('UZ', 0)).toThrow(/CHECK/);
    expect(db.prepare('SELECT version, rules FROM business_rule_sets ORDER BY version').all()).toEqual([
      { version: 1, rules: 2 },
      { version: 2, rules: 3 },
    ]);
    db.close();
  });
});
