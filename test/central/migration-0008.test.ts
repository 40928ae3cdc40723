import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../central/store/migrate';
import { pgSql } from '../../central/store/pg-sql';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';

describe.skipIf(!centralAdminUrl())('migration 0008: revocation-list packages', () => {
  it('keeps the packages published and lets the hub publish revocation lists, still refusing unknown kinds', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      expect(await migrateCentral(sql, undefined, 7)).toBe(7);
      const publish = (kind: string) =>
        sql.query(`INSERT INTO packages (kind, station_id, corridor_id, name, content_sha256, package_text, signature) VALUES ($1, NULL, NULL, 'f.json', repeat('a', 64), '{}', 's')`, [kind]);
      await publish('trust-list');
      await expect(publish('revocation-list')).rejects.toThrow(/check constraint/);

      expect(await migrateCentral(sql, undefined, 8)).toBe(8);
      expect(await sql.query(`SELECT kind FROM packages`)).toEqual([{ kind: 'trust-list' }]);
      await publish('revocation-list');
      await expect(publish('lab-secrets')).rejects.toThrow(/check constraint/);
    } finally {
      await sql.close();
    }
  });
});
