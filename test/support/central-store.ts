import { afterEach } from 'vitest';
import { openCentralStore, type CentralStore } from '../../central/store/open-store';
import type { StationRecord } from '../../central/store/stations-repo';
import { readZipBundle } from '../../shared/node/export';
import type { TestStation } from './export-station';
import type { TestBundle } from './hub-bundles';
import { createTestDatabase } from './central-db';
import { tempDir } from './temp-dir';

const open: CentralStore[] = [];

/** A hub store on a new database of the run's PostgreSQL server (raw bundles in a temp folder). */
export async function openTestHub(): Promise<CentralStore> {
  const store = await openCentralStore({ databaseUrl: await createTestDatabase(), dataDir: tempDir('hub-data-') });
  open.push(store);
  return store;
}

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});

/** The station's public key as the hub registers it. */
export const registrationOf = (station: TestStation): { publicKey: string; fingerprint: string } => ({ publicKey: station.key.publicKey, fingerprint: station.key.fingerprint });

export async function register(store: CentralStore, station: TestStation): Promise<{ record: StationRecord; credential: string }> {
  const { station: record, credential } = await store.stations.add(station.stationId, registrationOf(station));
  return { record, credential };
}

export function filesOf(bundle: TestBundle): Map<string, Uint8Array> {
  const read = readZipBundle(bundle.zip, 'bundle');
  if (!read.ok) throw new Error(read.message);
  return read.files;
}
