import fs from 'node:fs';
import path from 'node:path';
import { AuditLog, DATABASE_FILE_NAME, checkAuditContent, checkSchema, openStationDatabase, type SqliteDatabase } from '../../node/db';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, type CliIo } from '../io';
import { checkAnchor, readableStationPublicKey } from '../../node/audit-anchor';
import { checkFindings } from './check-findings';

/**
 * `checkpoint audit verify`: walks the audit chain (SHA-256 over the previous hash + canonical JSON of each
 * row) and names the first row that was changed, removed or re-linked; then compares every record with the content
 * hash its audit row holds, and the schema with the migrations' (append-only triggers in place). Opens the database read-only, so
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
    const content = checkAuditContent(db);
    const schema = checkSchema(db);
    const anchor = checkAnchor(db, dataDir, readableStationPublicKey(dataDir));
    io.stdout(JSON.stringify({ file, ...result, content, schema, anchor }));
    if (result.ok && content.ok && schema.ok && anchor.ok) return EXIT_OK;
    io.stderr(result.ok ? `audit check failed: ${checkFindings({ audit: result, content, schema, anchor }).join('; ')}` : `audit chain broken at row ${result.firstBrokenSeq}: ${result.reason}`);
    return EXIT_FAILED_CHECK;
  } finally {
    db.close();
  }
}
