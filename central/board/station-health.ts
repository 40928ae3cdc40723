import type { StationHealthView } from '../../shared/contract/hub-web';
import { type BoardSql, msOrNull } from './board-sql';

/** One station as the health table shows it: the contract's view, as the query fills it. */
export type StationHealth = StationHealthView;

/** Every registered station with its last bundle, last contact and open gaps (one index probe each). */
export async function stationHealth(sql: BoardSql): Promise<StationHealth[]> {
  const rows = await sql.query<{
    station_id: string;
    fingerprint: string;
    corridor_id: string | null;
    revoked_at: Date | string | null;
    last_bundle: Date | string | null;
    covered_until: Date | string | null;
    last_contact: Date | string | null;
    bundles: number;
    gaps: number;
  }>(
    `SELECT s.station_id, s.fingerprint, s.corridor_id, s.revoked_at,
            (SELECT b.received_at FROM bundles b WHERE b.station_id = s.station_id ORDER BY b.received_at DESC LIMIT 1) AS last_bundle,
            (SELECT b.period_to FROM bundles b WHERE b.station_id = s.station_id AND b.superseded_by IS NULL ORDER BY b.period_to DESC LIMIT 1) AS covered_until,
            (SELECT r.at FROM request_log r WHERE r.station_id = s.station_id ORDER BY r.at DESC LIMIT 1) AS last_contact,
            (SELECT count(*)::int FROM bundles b WHERE b.station_id = s.station_id AND b.superseded_by IS NULL) AS bundles,
            (SELECT count(*)::int FROM station_alerts a WHERE a.station_id = s.station_id AND a.kind = 'gap' AND a.resolved_at IS NULL) AS gaps
       FROM stations s ORDER BY s.station_id`,
  );
  return rows.map((r) => ({
    stationId: r.station_id,
    fingerprint: r.fingerprint,
    corridorId: r.corridor_id,
    revokedAtMs: msOrNull(r.revoked_at),
    lastBundleAtMs: msOrNull(r.last_bundle),
    coveredUntilMs: msOrNull(r.covered_until),
    lastContactAtMs: msOrNull(r.last_contact),
    bundles: r.bundles,
    openGaps: r.gaps,
  }));
}
