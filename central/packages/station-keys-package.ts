import { STATION_KEYS_FORMAT, type StationKeysFile } from '../../shared/domain/central';
import type { CentralStore } from '../store/open-store';
import { publishPackage } from './publish-package';

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

/**
 * Publishes the registry to every station: the CLI does it after each `station add`, `revoke` and `rotate-key`, so
 * a station learns a new neighbour's key (or stops trusting a revoked one) with its next poll.
 */
export async function publishStationKeys(store: CentralStore): Promise<number> {
  const signed = await publishPackage(store, { kind: 'station-keys', name: 'station-keys.json', content: await stationKeysContent(store), stationId: null, corridorId: null });
  return signed.package.seq;
}
