import type Database from 'better-sqlite3';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { migrate, schemaVersion } from './migrate';

export interface SchemaCheck {
  readonly ok: boolean;
  /** One sentence per table, index, view or trigger that is missing, changed or not part of the schema. */
  readonly problems: readonly string[];
}

interface SchemaObject {
  type: string;
  name: string;
  sql: string | null;
}

// Statistics tables that ANALYZE / PRAGMA optimize create on their own.
const objects = (db: Database.Database): Map<string, SchemaObject> =>
  new Map(
    (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name").all() as SchemaObject[]).map((o) => [`${o.type} ${o.name}`, o]),
  );

/**
 * Compares the database's tables, indexes, views and triggers with those its migrations make, built afresh in memory
 * at the same schema version: a dropped append-only trigger, or a trigger added to rewrite rows as they are written,
 * is named.
 */
export function checkSchema(db: Database.Database): SchemaCheck {
  const version = schemaVersion(db);
  const reference = new SqliteDatabase(':memory:');
  try {
    migrate(reference, undefined, version);
    const expected = objects(reference);
    const actual = objects(db);
    const problems: string[] = [];
    for (const [key, object] of expected) {
      const found = actual.get(key);
      if (!found) problems.push(`${object.type} ${object.name} is missing`);
      else if (found.sql !== object.sql) problems.push(`${object.type} ${object.name} differs from schema version ${version}`);
    }
    for (const [key, object] of actual) if (!expected.has(key)) problems.push(`${object.type} ${object.name} is not part of schema version ${version}`);
    return { ok: problems.length === 0, problems };
  } finally {
    reference.close();
  }
}
