import fs from 'node:fs';
import path from 'node:path';
import type PlainDatabase from 'better-sqlite3';
import Database from 'better-sqlite3-multiple-ciphers';
import { DatabaseKeyError, fileDatabaseKeyStore, type DatabaseKeyStore } from './database-key';
import { fsyncPath, makePrivateDir, renameDurable, restrictToOwner } from '../files';
import { migrate } from './migrate';
import { DatabaseDamagedError, RECENT_PAGES, damagedRecentPages } from './page-check';

/** The connection type the repositories use (better-sqlite3's API; sqlite3mc underneath). */
export type SqliteDatabase = PlainDatabase.Database;

export const DATABASE_FILE_NAME = 'station.sqlite';

export interface OpenDatabaseOptions {
  /** Keeps the key that encrypts the file (SQLCipher 4 format). */
  readonly key: DatabaseKeyStore;
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

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The copy being encrypted next to the station database; never opened as the station's database. */
export const ENCRYPTING_SUFFIX = '.encrypting';

/** What is on disk: nothing yet, a plaintext database from an earlier version, or an encrypted one. */
export function databaseFileState(file: string): 'new' | 'plaintext' | 'encrypted' {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'new';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'new';
    return read === head.length && head.equals(SQLITE_HEADER) ? 'plaintext' : 'encrypted';
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLCipher 4 compatible (sqlite3mc's `sqlcipher` cipher, legacy=4), with a raw 256-bit key (no KDF). */
function cipherPragmas(db: Database.Database, key: Buffer, verb: 'key' | 'rekey'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${verb} = "x'${key.toString('hex')}'"`);
}

/** Reading the schema is the first thing that needs the key: a wrong key shows as SQLITE_NOTADB here. */
function checkKey(db: Database.Database, file: string, keys: DatabaseKeyStore): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new DatabaseKeyError(`The station database ${file} cannot be opened with ${keys.description}: the key is wrong or the file is damaged. Nothing was changed.`, { cause: error });
    }
    throw error;
  }
}

/**
 * A database written by an earlier, unencrypted version is encrypted on first start. The encryption runs
 * on a copy that replaces the file only once it is complete (fsync, then rename): a kill at any moment
 * leaves either the untouched plaintext file, to be encrypted again at the next start, or the finished
 * encrypted one. Encrypting the file itself (sqlite3mc's rekey through a rollback journal) could, when
 * killed at the wrong moment, leave plaintext names in the file it finished later
 * (test/reliability/encrypt-crash.test.ts).
 */
function encryptInPlace(file: string, key: Buffer): void {
  const staging = `${file}${ENCRYPTING_SUFFIX}`;
  for (const leftover of [staging, `${staging}-journal`]) fs.rmSync(leftover, { force: true });
  const source = new Database(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    source.pragma('journal_mode = DELETE'); // folds a leftover WAL into the file, so the copy is whole
  } finally {
    source.close();
  }
  fs.copyFileSync(file, staging);
  const db = new Database(staging, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    cipherPragmas(db, key, 'rekey');
  } finally {
    db.close();
  }
  fsyncPath(staging);
  renameDurable(staging, file);
}

/**
 * The station runs in WAL mode, so a rollback journal next to the file means the first encryption was cut
 * short (found by test/reliability/encrypt-crash.test.ts): page 1 may already be encrypted while the journal
 * holds the plaintext originals. Opening without a key lets SQLite play the journal back byte for byte,
 * which restores the old file; the encryption then starts again from the beginning.
 */
function rollBackInterruptedEncryption(file: string): void {
  if (!fs.existsSync(`${file}-journal`)) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    // An encrypted file cannot be read without its key; the journal was played back before that read.
  } finally {
    db.close();
  }
}

function keyFor(file: string, keys: DatabaseKeyStore, state: 'new' | 'plaintext' | 'encrypted', readonly: boolean): Buffer | undefined {
  const existing = keys.load();
  if (existing) return existing;
  if (state === 'encrypted') {
    throw new DatabaseKeyError(`The station database ${file} is encrypted but ${keys.description} is missing. Restore the key from the backup; nothing was changed.`);
  }
  // A read-only look (CLI checks) never makes a key.
  return readonly ? undefined : keys.create();
}

/**
 * Opens (creating if needed) the station database with the durability settings every write relies on:
 * WAL so readers never block the lane, synchronous=FULL so a commit survives a power cut. The file is
 * encrypted (SQLCipher 4 format); a plaintext file from an earlier version is encrypted first.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions): SqliteDatabase {
  const readonly = options.readonly ?? false;
  let db: Database.Database;
  try {
    if (!readonly) makePrivateDir(path.dirname(file));
    if (!readonly) rollBackInterruptedEncryption(file);
    const state = databaseFileState(file);
    const key = keyFor(file, options.key, state, readonly);
    if (state === 'plaintext' && key && !readonly) encryptInPlace(file, key);
    // Before the station writes anything: its newest pages must be the ones it wrote (their HMAC holds).
    // Not after a crash that left a WAL: a checkpoint cut short by a power loss leaves torn pages in the main
    // file whose good copies are still in the WAL, and SQLite's recovery writes them back.
    const walPending = fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0;
    if (state === 'encrypted' && key && !readonly && !walPending) {
      const damaged = damagedRecentPages(file, key);
      // Every page failing, the first among them, is what a wrong key looks like: the key check below says so.
      const pages = Math.floor(fs.statSync(file).size / 4096);
      const wrongKeyLikely = damaged.includes(1) && damaged.length === Math.min(pages, 1 + RECENT_PAGES);
      if (damaged.length > 0 && !wrongKeyLikely) throw new DatabaseDamagedError(file, damaged);
    }
    db = new Database(file, { readonly, fileMustExist: readonly });
    // Owner only, before the WAL and shared-memory files exist (SQLite gives them the database file's mode);
    // an earlier version left all three to the umask.
    if (!readonly) for (const part of ['', '-wal', '-shm']) restrictToOwner(`${file}${part}`);
    try {
      // A read-only look at a not yet encrypted file reads it as it is.
      if (key && !(readonly && state === 'plaintext')) cipherPragmas(db, key, 'key');
      checkKey(db, file, options.key);
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (error) {
    if (error instanceof DatabaseKeyError || error instanceof DatabaseDamagedError) throw error;
    const reason = unwritableReason(error, file);
    throw reason ? new StorageUnavailableError(file, reason, { cause: error }) : error;
  }
  try {
    db.pragma('busy_timeout = 5000');
    // SQLite's temporary files (VACUUM's copy, large sorts) are not encrypted by the cipher: keep them in memory, so no
    // plaintext copy of personal data ever reaches the temp folder.
    db.pragma('temp_store = MEMORY');
    if (!readonly) {
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

/** Opens `<dataDir>/station.sqlite` with its key (by default the Node host's 0600 key file in the same folder). */
export function openStationDatabase(dataDir: string, options: Partial<OpenDatabaseOptions> = {}): SqliteDatabase {
  return openDatabase(path.join(dataDir, DATABASE_FILE_NAME), { ...options, key: options.key ?? fileDatabaseKeyStore(dataDir) });
}
