import { describe, expect, it } from 'vitest';
import { migrateCentral } from '../../central/store/migrate';
import { pgSql } from '../../central/store/pg-sql';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';

describe.skipIf(!centralAdminUrl())('migration 0004: bundle format v2', () => {
  it('adds the v2 columns next to the rows already stored (theirs stay NULL: v1 did not say) and checks their values', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      expect(await migrateCentral(sql, undefined, 3)).toBe(3);
      await sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash) VALUES ('ST-1', repeat('a', 64), repeat('b', 64))`);
      await sql.query(`CREATE TABLE crossings_2021_03 PARTITION OF crossings FOR VALUES FROM ('2021-03-01') TO ('2021-04-01')`);
      const bundle = (hash: string) =>
        sql.query(
          `INSERT INTO bundles (manifest_sha256, station_id, schema_version, period_from, period_to, time_zone, audit_before, audit_last, crossings, alerts,
             manifest_text, manifest_sig, signer_fingerprint, raw_sha256, raw_bytes, received_at, via, receipt_text, receipt_sig)
           VALUES ($1, 'ST-1', 1, '2021-03-01', '2021-03-02', 'UTC', '', '', 1, 0, '{}', '', '', repeat('c', 64), 1, now(), 'usb', '', '')`,
          [hash],
        );
      await bundle('d'.repeat(64));
      const crossing = `INSERT INTO crossings (station_id, sequence, recorded_at, bundle_sha256, crossing_id, direction, outcome, reasons, document_format, document_code,
          issuing_state, document_number, nationality, surname, given_names, scan_source) VALUES ('ST-1', $1, '2021-03-01T08:00:00Z', $2, $3, 'entry', 'OK', '[]', 'TD3', 'P', 'UZB', 'A1', 'UZB', 'S', 'G', 'wedge')`;
      await sql.query(crossing, [1, 'd'.repeat(64), 'x-1']);
      const before = await sql.query(`SELECT crossing_id, outcome FROM crossings`);

      expect(await migrateCentral(sql, undefined, 4)).toBe(4);
      expect(await sql.query(`SELECT crossing_id, outcome FROM crossings`)).toEqual(before);
      expect(await sql.query(`SELECT disposition, current_disposition, paired_crossing_id, overrides FROM crossings`)).toEqual([
        { disposition: null, current_disposition: null, paired_crossing_id: null, overrides: null },
      ]);
      await expect(sql.query(`UPDATE crossings SET current_disposition = 'gone'`)).rejects.toThrow(/check constraint/);
      await sql.query(`UPDATE crossings SET disposition = 'held', current_disposition = 'crossed', paired_crossing_id = 'x-9', overrides = '[]'`);
      // A superseding bundle names the one it replaced.
      await bundle('e'.repeat(64));
      await sql.query(`UPDATE bundles SET supersedes = $1, changed_sequences = '{1}' WHERE manifest_sha256 = $2`, ['d'.repeat(64), 'e'.repeat(64)]);
      await expect(sql.query(`UPDATE bundles SET supersedes = $1 WHERE manifest_sha256 = $2`, ['f'.repeat(64), 'e'.repeat(64)])).rejects.toThrow(/foreign key/);
    } finally {
      await sql.close();
    }
  });
});
