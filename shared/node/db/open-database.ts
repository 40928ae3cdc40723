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

/**
 * Opens (creating if needed) the station database with the durability settings every write relies on:
 * WAL so readers never block the lane, synchronous=FULL so a commit survives a power cut.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  if (!options.readonly) fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
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
    throw error;
  }
}
