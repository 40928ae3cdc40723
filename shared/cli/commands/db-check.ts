import fs from 'node:fs';
import path from 'node:path';
import { STATION_ID_KEY } from '../../app/auth/bootstrap-station';
import { DATABASE_FILE_NAME, DatabaseDamagedError, LATEST_SCHEMA_VERSION, StationStore, openStationDatabase } from '../../node/db';
import { SettingsRepo } from '../../node/db/settings-repo';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, type CliIo } from '../io';
import { checkAnchor, readHeadsFile, readVerifiedStart, readableStationPublicKey, writeVerifiedHead } from '../../node/audit-anchor';
import { readableStationKey } from '../../node/keys/station-key';
import { checkFindings } from './check-findings';

/**
 * `checkpoint db check`: SQLite integrity, audit chain and migration version of a station's data folder.
 * By default a quick check (quick_check, and the chain and records from the point the last check verified, signed
 * beside the database), so a check costs what was written since; `--full` reads every page, row and record again.
 * A clean check signs the new verified point where the station key can be read here.
 */
export function dbCheckCommand(io: CliIo, dataDir: string, options: { readonly full?: boolean } = {}): number {
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
    const stationId = new SettingsRepo(store.database).get(STATION_ID_KEY) ?? '';
    const signer = readableStationKey(dataDir);
    // The key the marks are checked with: the station key, or where it is sealed (Electron) the one the heads carry.
    const publicKey = signer?.publicKey ?? readableStationPublicKey(dataDir) ?? readHeadsFile(dataDir).heads.at(-1)?.publicKey;
    const start = options.full ? undefined : readVerifiedStart(dataDir, stationId, publicKey);
    let report: ReturnType<StationStore['checkIntegrity']>;
    try {
      report = store.checkIntegrity(start ? { mode: 'quick', from: start.from } : { mode: 'full' });
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
    // Rows 1 to the head are whole now (this walk, on top of the one that signed the start): the next check starts here.
    const verified =
      ok && report.audit.ok && signer && stationId
        ? { from: report.audit.from, through: report.audit.headSeq, signed: writeVerifiedHead(dataDir, signer, stationId, { seq: report.audit.headSeq, hash: report.audit.head }, new Date()).at }
        : { from: report.audit.from, through: report.audit.from, signed: null, ...(signer ? {} : { note: 'the station key is not readable here: the next check starts at the same row' }) };
    io.stdout(
      JSON.stringify({
        ok,
        file,
        mode: report.mode,
        schemaVersion: report.schemaVersion,
        latestSchemaVersion: LATEST_SCHEMA_VERSION,
        integrity: report.integrity,
        audit: report.audit,
        verified: { ...verified, ...(start?.problem ? { problem: start.problem } : {}) },
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
