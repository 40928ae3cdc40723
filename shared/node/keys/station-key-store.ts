import fs from 'node:fs';
import path from 'node:path';
import { writeNewFileDurably } from '../files';

/** The Node host's station key: a PKCS#8 PEM file readable by the owner only. */
export const STATION_KEY_FILE = 'station-key.pem';
/** The Electron app's station key: the same PEM, encrypted by the OS keychain (safeStorage). */
export const PROTECTED_STATION_KEY_FILE = 'station-key.pem.enc';

/** The station key cannot be read or trusted; says what to do in one sentence. */
export class StationKeyError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StationKeyError';
  }
}

/**
 * Where the station's Ed25519 private key (PKCS#8 PEM) is kept, out of the renderer's reach: a 0600 file in
 * the Node host, a safeStorage-sealed file in Electron main. `load` returns undefined only when no key was made.
 */
export interface StationKeyStore {
  /** In words, for messages: "the station key file /data/station-key.pem". */
  readonly description: string;
  load(): string | undefined;
  /** Saves a new key durably; refuses when one exists (a station key is never overwritten). */
  create(pem: string): void;
}

/** The Node host's custody: `<dataDir>/station-key.pem`, created 0600; a key others can read is refused. */
export function fileStationKeyStore(dataDir: string): StationKeyStore {
  const file = path.join(dataDir, STATION_KEY_FILE);
  const description = `the station key file ${file}`;
  return {
    description,
    load() {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) {
        if (fs.existsSync(path.join(dataDir, PROTECTED_STATION_KEY_FILE))) {
          throw new StationKeyError(
            `This station's signing key is kept by the desktop app's system keychain (${PROTECTED_STATION_KEY_FILE}): sign exports from the desktop app.`,
          );
        }
        return undefined;
      }
      // POSIX permission bits only: Windows has none (the user profile folder is private there).
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
        throw new StationKeyError(`Refusing to sign with ${description}: other users can read it (mode ${mode}). Run "chmod 600 ${file}" and start again.`);
      }
      return fs.readFileSync(file, 'utf8');
    },
    create(pem) {
      try {
        writeNewFileDurably(file, pem);
      } catch (error) {
        // Two processes starting at once: the other one's key wins, and is loaded next.
        if (!fs.existsSync(file)) throw error;
      }
    },
  };
}
