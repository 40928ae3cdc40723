import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME, DatabaseDamagedError, LATEST_SCHEMA_VERSION, StationStore, openStationDatabase } from '../../node/db';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, type CliIo } from '../io';
import { checkAnchor, readableStationPublicKey } from '../../node/audit-anchor';
import { checkFindings } from './check-findings';

/** `checkpoint db check`: SQLite integrity, audit chain and migration version of a station's data folder. */
export function dbCheckCommand(io: CliIo, dataDir: string): number {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (!fs.existsSync(file)) throw new CliError(`no station database at ${file} (use --data-dir to point at the station's data folder)`);
  let store: StationStore;
  try {
    store = new StationStore(openStationDatabase(dataDir));
  } catch (error) {
    // The start-up page check found pages that fail their HMAC: that is the check's answer.
    if (error instanceof DatabaseDamagedError) {
      io.stdout(JSON.stringify({ ok: false, file, damage: `pages failing their HMAC: ${error.pages.join(', ')}` }));
      io.stderr(`database check failed: ${error.message}`);
      return EXIT_FAILED_CHECK;
    }
    throw new CliError(`cannot open ${file}: ${(error as Error).message}`, EXIT_FAILED_CHECK);
  }
  try {
    let report: ReturnType<StationStore['checkIntegrity']>;
    try {
      report = store.checkIntegrity();
    } catch (error) {
      // A page that fails its HMAC (or any damage SQLite refuses to read) is the answer of the check, not a crash.
      const code = String((error as { code?: unknown }).code ?? 'error');
      const damage = `${code}: ${(error as Error).message}`;
      io.stdout(JSON.stringify({ ok: false, file, damage }));
      io.stderr(`database check failed: ${file} is damaged (${damage}). Stop the station and restore the data folder from the last backup.`);
      return EXIT_FAILED_CHECK;
    }
    const anchor = checkAnchor(store.database, dataDir, readableStationPublicKey(dataDir));
    const ok = report.ok && anchor.ok;
    io.stdout(
      JSON.stringify({
        ok,
        file,
        schemaVersion: report.schemaVersion,
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        integrity: report.integrity,
        audit: report.audit,
        content: report.content,
        schema: report.schema,
        anchor,
        crossings: store.countCrossings(),
      }),
    );
    if (!ok) io.stderr(`database check failed: ${checkFindings({ ...report, anchor }).join('; ')}`);
    return ok ? EXIT_OK : EXIT_FAILED_CHECK;
  } finally {
    store.close();
  }
}
