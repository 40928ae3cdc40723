import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../../app/logger';
import { TrustListService } from '../../app/trust-list/trust-list-service';
import { DATABASE_FILE_NAME, StationStore } from '../../node/db';
import { SettingsRepo } from '../../node/db/settings-repo';
import { buildStationTrustList } from '../../node/trust-list';
import { CliError, EXIT_OK, type CliIo } from '../io';
import { serviceCall } from '../service-call';

/** Audit actor of changes made from the command line (someone with the station's data folder). */
const CLI_ACTOR = 'cli';

function openStore(dataDir: string, mustExist: boolean): StationStore {
  if (mustExist && !fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))) {
    throw new CliError(`no station database in ${dataDir} (use --data-dir to point at the station's data folder)`);
  }
  return StationStore.open(dataDir);
}

/** `checkpoint trust-list import --data-dir D <file>`: replaces the station's trust list, as the admin screen does. */
export async function trustListImportCommand(io: CliIo, dataDir: string, file: string): Promise<number> {
  const store = openStore(dataDir, false);
  try {
    const service = new TrustListService({ store, dataDir, now: () => new Date(), newId: () => crypto.randomUUID(), logger: silentLogger });
    io.stdout(JSON.stringify(await serviceCall(() => service.import(path.resolve(file), CLI_ACTOR))));
    return EXIT_OK;
  } finally {
    store.close();
  }
}

/** `checkpoint trust-list export --data-dir D <file>`: writes the station's trust list as a station file. */
export function trustListExportCommand(io: CliIo, dataDir: string, file: string): number {
  const store = openStore(dataDir, true);
  try {
    const service = new TrustListService({ store, dataDir, now: () => new Date(), newId: () => crypto.randomUUID(), logger: silentLogger });
    const entries = service.entries();
    if (entries.length === 0) throw new CliError('the station has no trust list to export yet');
    const stationId = new SettingsRepo(store.database).get('station.id');
    const content = buildStationTrustList(entries, { exportedAt: new Date(), ...(stationId ? { stationId } : {}) });
    fs.writeFileSync(path.resolve(file), `${JSON.stringify(content, null, 2)}\n`);
    io.stdout(JSON.stringify({ file: path.resolve(file), entries: entries.length }));
    return EXIT_OK;
  } finally {
    store.close();
  }
}
