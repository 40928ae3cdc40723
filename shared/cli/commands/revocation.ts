import path from 'node:path';
import { RevocationService } from '../../app/revocation/revocation-service';
import { StationStore } from '../../node/db';
import { readUserFile } from '../../node/files';
import { MAX_REVOCATION_BYTES } from '../../node/revocation';
import { CliError, EXIT_OK, type CliIo } from '../io';
import { serviceCall } from '../service-call';

/** `checkpoint revocation import [--data-dir D] <file>`: replaces the station's revocation entries with the file's. */
export async function revocationImportCommand(io: CliIo, dataDir: string, file: string): Promise<number> {
  const read = await readUserFile(file, MAX_REVOCATION_BYTES);
  if (!read.ok) throw new CliError(`cannot read the revocation list ${file}: ${read.error.code === 'not-found' ? 'it does not exist' : read.error.message}`);
  const bytes: Uint8Array = read.value;
  const store = StationStore.open(dataDir);
  try {
    const service = new RevocationService({ store, dataDir, now: () => new Date() });
    io.stdout(JSON.stringify(await serviceCall(() => service.import(bytes, path.basename(file), 'cli'))));
    return EXIT_OK;
  } finally {
    store.close();
  }
}
