import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../central/store/migrate';
import { pgSql } from '../../central/store/pg-sql';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';

describe.skipIf(!centralAdminUrl())('migration 0007: corridor packages and the stations’ package reports', () => {
  it('keeps the packages published before, takes the corridor kind, and records one report per station and package', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      expect(await migrateCentral(sql, undefined, 6)).toBe(6);
      await sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash) VALUES ('ST-1', repeat('a', 64), repeat('b', 64))`);
      const publish = (kind: string) =>
        sql.query<{ seq: string }>(`INSERT INTO packages (kind, name, content_sha256, package_text, signature) VALUES ($1, 'p.json', repeat('c', 64), '{}', 's') RETURNING seq`, [kind]);
      await publish('trust-list');
      await expect(publish('corridor')).rejects.toThrow(/check constraint/);
      const before = await sql.query(`SELECT seq, kind FROM packages`);

      expect(await migrateCentral(sql, undefined, 7)).toBe(7);
      expect(await sql.query(`SELECT seq, kind FROM packages`)).toEqual(before);
      const [corridor] = await publish('corridor');
      await expect(publish('alert-list')).rejects.toThrow(/check constraint/);
      const report = (seq: string | number, outcome: string) =>
        sql.query(`INSERT INTO package_reports (station_id, seq, outcome, acted_at) VALUES ('ST-1', $1, $2, now())`, [seq, outcome]);
      await report(corridor!.seq, 'applied');
      await expect(report(corridor!.seq, 'skipped')).rejects.toThrow(/duplicate key/);
      await expect(report(999, 'applied')).rejects.toThrow(/foreign key/);
      await expect(report(String(before[0]!.seq), 'lost')).rejects.toThrow(/check constraint/);
    } finally {
      await sql.close();
    }
  });
});
