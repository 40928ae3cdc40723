import { describe, expect, it } from 'vitest';
import { openAlerts, refreshStationAlerts } from '../../../central/board/alerts-repo';
import { centralAdminUrl } from '../../support/central-db';
import { openTestHub } from '../../support/central-store';

const HOUR = 3_600_000;

describe.skipIf(!centralAdminUrl())('station alerts from what the hub received', () => {
  it('raises a silent station and a recorded gap, and resolves each when it ends', async () => {
    const { sql } = await openTestHub();
    const now = Date.parse('2026-12-07T12:00:00Z');
    await sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash, created_at) VALUES ('st-uz-oybek', repeat('a', 64), repeat('b', 64), $1)`, [
      new Date(now - 30 * HOUR).toISOString(),
    ]);
    await sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash, created_at) VALUES ('st-tj-oybek', repeat('c', 64), repeat('d', 64), $1)`, [new Date(now - HOUR).toISOString()]);
    await sql.query(`INSERT INTO station_alerts (station_id, kind, manifest_sha256, message, raised_at) VALUES ('st-tj-oybek', 'gap', repeat('e', 64), 'gap', $1)`, [new Date(now).toISOString()]);
    expect(await refreshStationAlerts(sql, now)).toEqual({ raised: 2, updated: 0, resolved: 0 });
    const tajik = await openAlerts(sql, { stationId: 'st-tj-oybek', checkpointIds: [] });
    expect(tajik).toMatchObject([{ code: 'station.continuity-gap', severity: 'critical', stationId: 'st-tj-oybek', params: { manifestSha256: 'e'.repeat(64) } }]);
    expect(await openAlerts(sql, { stationId: 'st-uz-oybek', checkpointIds: [] })).toMatchObject([{ code: 'station.silent', params: { minutes: 30 * 60 } }]);
    // An hour later: the silence has grown (the alert's numbers change, it stays one alert); the gap closes.
    await sql.query(`UPDATE station_alerts SET resolved_at = now()`);
    expect(await refreshStationAlerts(sql, now + HOUR)).toEqual({ raised: 0, updated: 1, resolved: 1 });
    await sql.query(`UPDATE stations SET revoked_at = now() WHERE station_id = 'st-uz-oybek'`);
    expect(await refreshStationAlerts(sql, now + HOUR)).toEqual({ raised: 0, updated: 0, resolved: 1 });
  });
});
