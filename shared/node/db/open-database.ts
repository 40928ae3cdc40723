import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export const DATABASE_FILE_NAME = 'station.sqlite';

export interface OpenDatabaseOptions {
  /** Stop at this schema version (migration tests); default: latest. */
  readonly migrateTo?: number;
  readonly readonly?: boolean;
}

/** The data folder cannot hold the database: read-only disk, no permission, no space. Says so in words. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`The station database ${file} cannot be opened for writing (${reason}). Nothing was changed. Check the disk, or start with a writable data folder (--data-dir).`, options);
    this.name = 'StorageUnavailableError';
  }
}

const UNWRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_PERM']);

/** SQLite often says only CANTOPEN or IOERR; asking the folder itself names the real cause. */
function folderReason(file: string): string | undefined {
  try {
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EROFS') return 'the disk is read-only';
    if (code === 'EACCES' || code === 'EPERM') return 'no permission to write there';
    return undefined;
  }
}

function unwritableReason(error: unknown, file: string): string | undefined {
  const code = String((error as { code?: unknown }).code ?? '');
  const base = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  if (!UNWRITABLE.has(base)) return undefined;
  const fromFolder = folderReason(file);
  if (fromFolder) return fromFolder;
  if (base === 'EROFS' || base === 'SQLITE_READONLY') return 'the disk is read-only';
  if (base === 'ENOSPC' || base === 'SQLITE_FULL') return 'the disk is full';
  if (base === 'EACCES' || base === 'EPERM' || base === 'SQLITE_PERM') return 'no permission to write there';
  return `the disk refused the file: ${code}`;
}

/**
 * Opens (creating if needed) the station database with the durability settings every write relies on:
 * WAL so readers never block the lane, synchronous=FULL so a commit survives a power cut.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    const reason = unwritableReason(error, file);
    throw reason ? new StorageUnavailableError(file, reason, { cause: error }) : error;
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      migrate(db, undefined, options.migrateTo);
    }
    return db;
  } catch (error) {
    db.close();
    const reason = unwritableReason(error, file);
    throw reason ? new StorageUnavailableError(file, reason, { cause: error }) : error;
  }
}
