import path from 'node:path';
import { PROTECTED_STATION_KEY_FILE, STATION_KEY_FILE, StationKeyError, fileStationKeyStore, type StationKeyStore } from '../../shared/node/keys';
import { sealedSecretFile, type SafeStorageLike } from './sealed-secret-file';

/**
 * Electron main's custody of the station's signing key: the PKCS#8 PEM encrypted by the OS keychain
 * (safeStorage) in `<dataDir>/station-key.pem.enc`. A station first run by the browser host has a plain 0600
 * `station-key.pem`: it is sealed into the keychain file, then removed — the same key, so the fingerprint
 * the central system registered stays valid.
 */
export function safeStorageStationKeyStore(dataDir: string, safeStorage: SafeStorageLike): StationKeyStore {
  const file = path.join(dataDir, PROTECTED_STATION_KEY_FILE);
  const description = `the keychain-protected station key ${file}`;
  const sealed = sealedSecretFile({
    file,
    description,
    safeStorage,
    plainFile: path.join(dataDir, STATION_KEY_FILE),
    loadPlain: () => fileStationKeyStore(dataDir).load(),
    fail: (message, options) => new StationKeyError(message, options),
  });
  return {
    description,
    load: () => sealed.load(),
    create: (pem) => sealed.seal(pem),
  };
}
