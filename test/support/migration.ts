import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../shared/node/db';
import { tempDir } from './temp-dir';

export interface MigrationUnderTest {
  /** A fresh station database (foreign keys on, as the station opens it) at the version before the migration. */
  readonly db: Database.Database;
  readonly migration: Migration;
  /** Runs the migration on `db` and checks the schema version it leaves. */
  readonly migrate: () => void;
}

/**
 * A migration's before/after test: the database is built up to the migration before the one whose name ends with
 * `nameEnding`; the test inserts rows of that older schema, calls `migrate()`, then checks the rows.
 */
export function beforeMigration(nameEnding: string): MigrationUnderTest {
  const migration = MIGRATIONS.find((m) => m.name.endsWith(nameEnding));
  if (!migration) throw new Error(`no migration whose name ends with ${nameEnding} is listed`);
  const db = new Database(path.join(tempDir(), 'station.sqlite'));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS, migration.version - 1);
  expect(schemaVersion(db)).toBe(migration.version - 1);
  return {
    db,
    migration,
    migrate: () => {
      migrate(db, MIGRATIONS, migration.version);
      expect(schemaVersion(db)).toBe(migration.version);
    },
  };
}

/** A crossing with the first schema's columns (every later schema still takes it): OK entry 'N1' at station S. */
export function insertFirstSchemaCrossing(db: Database.Database, id = 'c-old'): void {
  db.prepare(
    `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json,
       document_json, document_number, nationality, scan_source)
     VALUES (?, '2021-03-01T00:00:00Z', 0, 'S', 'entry', 'OK', '[]', '{}', 'N1', 'TJK', 'wedge')`,
  ).run(id);
}
