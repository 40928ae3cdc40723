import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../../central/store/migrate';
import { pgSql } from '../../../central/store/pg-sql';
import { centralAdminUrl, createTestDatabase } from '../../support/central-db';

describe.skipIf(!centralAdminUrl())('migration 0002: the corridor board', () => {
  it('adds the board tables next to the rows already stored, partitioned like crossings, with their rules', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      expect(await migrateCentral(sql, undefined, 1)).toBe(1);
      await sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash) VALUES ('ST-1', repeat('a', 64), repeat('b', 64))`);
      const before = await sql.query(`SELECT station_id, fingerprint FROM stations`);
      expect(await migrateCentral(sql)).toBeGreaterThanOrEqual(2);
      expect(await sql.query(`SELECT station_id, fingerprint FROM stations`)).toEqual(before);
      const kinds = await sql.query<{ relname: string; relkind: string }>(
        `SELECT relname, relkind FROM pg_class WHERE relname IN ('corridors', 'corridor_steps', 'journey_events', 'journeys', 'central_alerts', 'central_audit') ORDER BY relname`,
      );
      expect(kinds).toEqual([
        { relname: 'central_alerts', relkind: 'r' },
        { relname: 'central_audit', relkind: 'r' },
        { relname: 'corridor_steps', relkind: 'r' },
        { relname: 'corridors', relkind: 'r' },
        { relname: 'journey_events', relkind: 'p' },
        { relname: 'journeys', relkind: 'p' },
      ]);
      await sql.query(`INSERT INTO corridors (corridor_id, name, created_by) VALUES ('KZ-UZ-TJ', 'Zhibek Zholy → Oybek', 'admin')`);
      await expect(
        sql.query(`INSERT INTO corridor_steps (corridor_id, position, checkpoint_id, country, direction, expected_minutes, max_minutes) VALUES ('KZ-UZ-TJ', 0, 'A', 'KAZ', 'exit', 60, 30)`),
      ).rejects.toThrow(/check constraint/);
      await sql.query(`INSERT INTO central_alerts (alert_key, code, severity, params, since) VALUES ('k', 'station.silent', 'warning', '{}', now())`);
      await expect(sql.query(`INSERT INTO central_alerts (alert_key, code, severity, params, since) VALUES ('k', 'station.silent', 'warning', '{}', now())`)).rejects.toThrow(/duplicate key/);
      await sql.query(`UPDATE central_alerts SET resolved_at = now()`);
      await sql.query(`INSERT INTO central_alerts (alert_key, code, severity, params, since) VALUES ('k', 'station.silent', 'warning', '{}', now())`);
      await sql.query(`INSERT INTO central_audit (actor, action, subject) VALUES ('admin', 'corridor.saved', 'corridor:KZ-UZ-TJ')`);
      await expect(sql.query(`UPDATE central_audit SET actor = 'someone else'`)).rejects.toThrow(/append-only/);
    } finally {
      await sql.close();
    }
  });
});
