import fs from 'node:fs';
import path from 'node:path';
import { writeNewFileDurably } from '../../shared/node/db';
import { PROTECTED_STATION_KEY_FILE, STATION_KEY_FILE, StationKeyError, fileStationKeyStore, type StationKeyStore } from '../../shared/node/keys';
import { safeStorageProblem, type SafeStorageLike } from './safe-storage-key-store';

/**
 * Electron main's custody of the station's signing key: the PKCS#8 PEM encrypted by the OS keychain
 * (safeStorage) in `<dataDir>/station-key.pem.enc`. A station first run by the browser host has a plain 0600
 * `station-key.pem`: it is sealed into the keychain file, then removed — the same key, so the fingerprint
 * the central system registered stays valid.
 */
export function safeStorageStationKeyStore(dataDir: string, safeStorage: SafeStorageLike): StationKeyStore {
  const file = path.join(dataDir, PROTECTED_STATION_KEY_FILE);
  const description = `the keychain-protected station key ${file}`;
  const usable = () => {
    const problem = safeStorageProblem(safeStorage);
    if (problem) throw new StationKeyError(problem);
  };
  const seal = (pem: string) => writeNewFileDurably(file, safeStorage.encryptString(pem));
  return {
    description,
    load() {
      usable();
      if (!fs.existsSync(file)) {
        const plainFile = path.join(dataDir, STATION_KEY_FILE);
        if (!fs.existsSync(plainFile)) return undefined;
        const pem = fileStationKeyStore(dataDir).load();
        if (pem === undefined) return undefined;
        seal(pem);
        fs.rmSync(plainFile);
        return pem;
      }
      try {
        return safeStorage.decryptString(fs.readFileSync(file));
      } catch (error) {
        throw new StationKeyError(`The system keychain cannot unlock ${description} (was the data folder copied from another user or PC?). Nothing was changed.`, {
          cause: error,
        });
      }
    },
    create(pem) {
      usable();
      seal(pem);
    },
  };
}
