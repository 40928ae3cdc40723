import { describe, expect, it } from 'vitest';
import { migrateCentral, schemaVersion } from '../../central/store/migrate';
import { CENTRAL_MIGRATIONS } from '../../central/store/migrations';
import { pgSql } from '../../central/store/pg-sql';
import { pgliteSql } from '../../central/store/pglite-sql';
import type { Sql } from '../../central/store/sql';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';

const tables = async (sql: Sql): Promise<string[]> =>
  (await sql.query<{ name: string }>(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`)).map((r) => r.name);

async function checkMigrations(sql: Sql): Promise<void> {
  expect(await schemaVersion(sql)).toBe(0);
  expect(await migrateCentral(sql)).toBe(CENTRAL_MIGRATIONS.length);
  expect(await tables(sql)).toEqual(
    expect.arrayContaining(['alerts', 'bundles', 'central_schema_migrations', 'crossings', 'hub_key', 'packages', 'rejections', 'request_log', 'station_alerts', 'station_keys', 'stations']),
  );
  // Again: nothing to do, same version.
  expect(await migrateCentral(sql)).toBe(CENTRAL_MIGRATIONS.length);
  const [kind] = await sql.query<{ relkind: string }>(`SELECT relkind FROM pg_class WHERE relname = 'crossings'`);
  expect(kind?.relkind).toBe('p');
}

describe.skipIf(!centralAdminUrl())('central migrations on PostgreSQL', () => {
  it('apply in order, once, to an empty database, and crossings are partitioned', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      await checkMigrations(sql);
    } finally {
      await sql.close();
    }
  });

  it('two hub processes migrating at once end at the same version without an error', async () => {
    const url = await createTestDatabase();
    const a = pgSql(url);
    const b = pgSql(url);
    try {
      const versions = await Promise.all([migrateCentral(a), migrateCentral(b)]);
      expect(versions).toEqual([CENTRAL_MIGRATIONS.length, CENTRAL_MIGRATIONS.length]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('refuses a database newer than this program', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      await migrateCentral(sql);
      await sql.query(`INSERT INTO central_schema_migrations (version, name) VALUES (999, 'from the future')`);
      await expect(migrateCentral(sql)).rejects.toThrow(/schema version 999, newer than this program/);
    } finally {
      await sql.close();
    }
  });
});

describe('central migrations on PGlite', () => {
  it('the same SQL applies to the embedded database', async () => {
    const sql = await pgliteSql(null);
    try {
      await checkMigrations(sql);
    } finally {
      await sql.close();
    }
  });
});
