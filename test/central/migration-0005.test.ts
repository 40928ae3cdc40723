import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../central/store/migrate';
import { pgSql } from '../../central/store/pg-sql';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';

describe.skipIf(!centralAdminUrl())('migration 0005: central users and sessions', () => {
  it('adds users and sessions beside the stations already registered, and checks role, name and session owner', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      expect(await migrateCentral(sql, undefined, 4)).toBe(4);
      await sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash) VALUES ('ST-1', repeat('a', 64), repeat('b', 64))`);
      expect(await migrateCentral(sql, undefined, 5)).toBe(5);
      expect(await sql.query('SELECT station_id FROM stations')).toEqual([{ station_id: 'ST-1' }]);
      await sql.query(`INSERT INTO central_users (name, role, secret_hash) VALUES ('dilnoza', 'coordinator', 'scrypt$x')`);
      await expect(sql.query(`INSERT INTO central_users (name, role, secret_hash) VALUES ('bek', 'operator', 'x')`)).rejects.toThrow(/check constraint/);
      await expect(sql.query(`INSERT INTO central_users (name, role, secret_hash) VALUES ('bad name', 'consular', 'x')`)).rejects.toThrow(/check constraint/);
      await sql.query(`INSERT INTO central_sessions (token_sha256, user_name, expires_at) VALUES (repeat('c', 64), 'dilnoza', now() + interval '1 hour')`);
      await expect(sql.query(`INSERT INTO central_sessions (token_sha256, user_name, expires_at) VALUES (repeat('d', 64), 'ghost', now())`)).rejects.toThrow(/foreign key/);
      expect(await sql.query(`SELECT failed_attempts, locked_until FROM central_users`)).toEqual([{ failed_attempts: 0, locked_until: null }]);
    } finally {
      await sql.close();
    }
  });
});
