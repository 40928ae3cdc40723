import type Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every pending migration, each in its own transaction together with the bump of
 * `user_version`, so a crash leaves the database at a whole version, never half-migrated.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, upTo?: number): number {
  const target = upTo ?? migrations.length;
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new MigrationError(
      `the database is at schema version ${current}, newer than this app knows (${migrations.length}); update the app instead of opening this data with an older one`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (cause) {
      throw new MigrationError(`migration ${migration.name} failed: ${(cause as Error).message}`, { cause });
    }
  }
  return schemaVersion(db);
}
