import type { StoredDsc } from '../db/trust-list-repo';
import { STATION_TRUST_LIST_FORMAT, type StationTrustListFile } from './trust-list-format';

/** The station's own trust-list file: the EU gateway entries wrapped with where and when they came from. */
export function buildStationTrustList(entries: readonly StoredDsc[], meta: { exportedAt: Date; stationId?: string }): StationTrustListFile {
  return {
    format: STATION_TRUST_LIST_FORMAT,
    version: 1,
    exportedAt: meta.exportedAt.toISOString(),
    ...(meta.stationId ? { stationId: meta.stationId } : {}),
    entries: entries.map((e) => ({ kid: e.kid, country: e.country, certificateType: 'DSC', rawData: Buffer.from(e.der).toString('base64') })),
  };
}
