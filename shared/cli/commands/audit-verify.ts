import fs from 'node:fs';
import path from 'node:path';
import { AuditLog, DATABASE_FILE_NAME, openStationDatabase, type SqliteDatabase } from '../../node/db';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, type CliIo } from '../io';

/**
 * `checkpoint audit verify`: walks the audit chain (SHA-256 over the previous hash + canonical JSON of each
 * row) and names the first row that was changed, removed or re-linked. Opens the database read-only, so
 * checking a station never changes it (nor migrates it).
 */
export function auditVerifyCommand(io: CliIo, dataDir: string): number {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  if (!fs.existsSync(file)) throw new CliError(`no station database at ${file} (use --data-dir to point at the station's data folder)`);
  let db: SqliteDatabase;
  try {
    db = openStationDatabase(dataDir, { readonly: true });
  } catch (error) {
    throw new CliError(`cannot open ${file}: ${(error as Error).message}`, EXIT_FAILED_CHECK);
  }
  try {
    const result = new AuditLog(db).verify();
    io.stdout(JSON.stringify({ file, ...result }));
    if (result.ok) return EXIT_OK;
    io.stderr(`audit chain broken at row ${result.firstBrokenSeq}: ${result.reason}`);
    return EXIT_FAILED_CHECK;
  } finally {
    db.close();
  }
}
