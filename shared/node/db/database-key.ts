import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeNewFileDurably } from '../files';

/** The Node host's key file: 64 hex characters, readable by the owner only. */
export const DATABASE_KEY_FILE = 'db.key';
/** The Electron app's key file: the same key, encrypted by the OS keychain (safeStorage). */
export const PROTECTED_DATABASE_KEY_FILE = 'db.key.enc';
/** SQLCipher raw keys are 256 bits. */
export const DATABASE_KEY_BYTES = 32;

/** The database key cannot be read, made or trusted. Says what to do in one sentence; nothing was changed. */
export class DatabaseKeyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DatabaseKeyError';
  }
}

/**
 * Where the key that encrypts the station database is kept (a port: the Node host keeps a 0600 file, Electron
 * main a safeStorage-encrypted file). `load` returns undefined only when no key was ever made here.
 */
export interface DatabaseKeyStore {
  /** In words, for messages: "the key file /data/db.key". */
  readonly description: string;
  load(): Buffer | undefined;
  /** Makes and durably saves a new random key; refuses when one exists (a key is never overwritten). */
  create(): Buffer;
}

export function newDatabaseKey(): Buffer {
  return randomBytes(DATABASE_KEY_BYTES);
}

/** Parses a key file's text: exactly 64 hex characters (a trailing newline is allowed). */
export function parseHexKey(text: string, description: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new DatabaseKeyError(`${description} is damaged (it must hold 64 hex characters). Restore it from the backup; the database was not touched.`);
  return Buffer.from(hex, 'hex');
}

/**
 * The Node host's key custody: `<dataDir>/db.key`, created 0600. A key file other users can read is refused,
 * because anyone who can read it can read every traveller's record.
 */
export function fileDatabaseKeyStore(dataDir: string): DatabaseKeyStore {
  const file = path.join(dataDir, DATABASE_KEY_FILE);
  const description = `the database key file ${file}`;
  return {
    description,
    load() {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) {
        if (fs.existsSync(path.join(dataDir, PROTECTED_DATABASE_KEY_FILE))) {
          throw new DatabaseKeyError(
            `This station's database key is kept by the desktop app's system keychain (${PROTECTED_DATABASE_KEY_FILE}), so only the desktop app can open ${dataDir}.`,
          );
        }
        return undefined;
      }
      // POSIX permission bits: Windows does not have them (the user profile folder is private there).
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
        throw new DatabaseKeyError(`Refusing to start: ${description} can be read by other users (mode ${mode}). Run "chmod 600 ${file}" and start again.`);
      }
      return parseHexKey(fs.readFileSync(file, 'utf8'), description);
    },
    create() {
      const key = newDatabaseKey();
      try {
        writeNewFileDurably(file, `${key.toString('hex')}\n`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DatabaseKeyError(`${file} already exists: an existing database key is never overwritten.`);
        throw error;
      }
      return key;
    },
  };
}
