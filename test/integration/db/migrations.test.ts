import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, MigrationError, migrate, openStationDatabase, schemaVersion } from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (row) => row.name,
  );

describe('migrations', () => {
  it('are numbered 1..n without gaps, in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}_${m.name.slice(5)}`));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('open a real file in WAL mode with synchronous=FULL and the latest schema', () => {
    const db = openStationDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('re-opening an up-to-date database changes nothing', () => {
    const dir = tempDir();
    openStationDatabase(dir).close();
    const db = openStationDatabase(dir);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuse a database written by a newer app instead of guessing', () => {
    const dir = tempDir();
    // An unencrypted file, as earlier versions wrote: it is encrypted first, then refused by version.
    const raw = new Database(path.join(dir, 'station.sqlite'));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openStationDatabase(dir)).toThrow(/newer than this app knows/);
  });

  it('roll back a failing migration whole, leaving the previous version intact', () => {
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow(MigrationError);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  describe('0001_init', () => {
    it('creates settings, crossings and the append-only audit log', () => {
      const db = new Database(path.join(tempDir(), 'station.sqlite'));
      expect(schemaVersion(db)).toBe(0);
      migrate(db, MIGRATIONS, 1);
      expect(schemaVersion(db)).toBe(1);
      expect(tables(db)).toEqual(expect.arrayContaining(['audit_log', 'crossings', 'settings']));

      db.prepare(
        `INSERT INTO audit_log (at, actor, action, entity, entity_id, payload_json, prev_hash, hash)
         VALUES ('2021-03-01T00:00:00Z', 'a', 'b', 'c', 'd', '{}', 'p', 'h')`,
      ).run();
      expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);

      const insertCrossing = (direction: string, outcome: string) =>
        db
          .prepare(
            `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json,
               document_json, document_number, nationality, scan_source)
             VALUES (?, '2021-03-01T00:00:00Z', 0, 'S', ?, ?, '[]', '{}', 'N1', 'TJK', 'wedge')`,
          )
          .run(`id-${direction}-${outcome}`, direction, outcome);
      insertCrossing('entry', 'OK');
      expect(() => insertCrossing('sideways', 'OK')).toThrow(/CHECK constraint/);
      expect(() => insertCrossing('exit', 'MAYBE')).toThrow(/CHECK constraint/);
      db.close();
    });
  });
});
