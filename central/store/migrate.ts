import { CENTRAL_MIGRATIONS, type CentralMigration } from './migrations';
import type { Sql } from './sql';

/** Any fixed number: two hub processes starting together take turns at migrating. */
const MIGRATION_LOCK = 7_118_001;

export async function schemaVersion(sql: Sql): Promise<number> {
  const [row] = await sql.query<{ version: number | null }>(`SELECT max(version) AS version FROM central_schema_migrations`).catch(() => [{ version: 0 }]);
  return row?.version ?? 0;
}

/**
 * Applies every pending migration, each with its row in central_schema_migrations in one transaction,
 * so a crash leaves the database at a whole version. Refuses a database newer than this program.
 */
export async function migrateCentral(sql: Sql, migrations: readonly CentralMigration[] = CENTRAL_MIGRATIONS, upTo?: number): Promise<number> {
  const target = upTo ?? migrations.length;
  // IF NOT EXISTS alone races between two processes (both see no table); the lock makes them take turns.
  await sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS central_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  for (const migration of migrations) {
    if (migration.version > target) break;
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM central_schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO central_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    });
  }
  const version = await schemaVersion(sql);
  if (version > migrations.length) {
    throw new Error(`the hub database is at schema version ${version}, newer than this program knows (${migrations.length}); update the hub`);
  }
  return version;
}
