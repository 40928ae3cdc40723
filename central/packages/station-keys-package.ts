import { STATION_KEYS_FORMAT, type StationKeysFile } from '../../shared/domain/central';
import type { CentralStore } from '../store/open-store';

/**
 * The registry of station keys as the hub knows them now: every station registered with a public key, revoked
 * ones marked so, for `package publish --kind station-keys` (stations trust each other's group files by it).
 */
export async function stationKeysContent(store: CentralStore): Promise<string> {
  const stations = await store.stations.list();
  const file: StationKeysFile = {
    format: STATION_KEYS_FORMAT,
    version: 1,
    stations: stations
      .filter((station) => station.publicKey !== null)
      .map((station) => ({
        stationId: station.stationId,
        publicKey: station.publicKey as string,
        fingerprint: station.fingerprint,
        corridorId: station.corridorId,
        revoked: station.revokedAt !== null,
      })),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}
