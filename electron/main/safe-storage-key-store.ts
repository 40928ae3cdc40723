import path from 'node:path';
import {
  DATABASE_KEY_FILE,
  DatabaseKeyError,
  PROTECTED_DATABASE_KEY_FILE,
  fileDatabaseKeyStore,
  newDatabaseKey,
  parseHexKey,
  type DatabaseKeyStore,
} from '../../shared/node/db';
import { sealedSecretFile, type SafeStorageLike } from './sealed-secret-file';

/**
 * Electron main's key custody: the database key encrypted by the OS keychain in `<dataDir>/db.key.enc`. A
 * station first run by the browser host has a plain 0600 `db.key`: it is sealed into the keychain file and
 * then removed.
 */
export function safeStorageKeyStore(dataDir: string, safeStorage: SafeStorageLike): DatabaseKeyStore {
  const file = path.join(dataDir, PROTECTED_DATABASE_KEY_FILE);
  const description = `the keychain-protected database key ${file}`;
  const sealed = sealedSecretFile({
    file,
    description,
    safeStorage,
    plainFile: path.join(dataDir, DATABASE_KEY_FILE),
    loadPlain: () => fileDatabaseKeyStore(dataDir).load()?.toString('hex'),
    fail: (message, options) => new DatabaseKeyError(message, options),
  });
  return {
    description,
    load() {
      const text = sealed.load();
      return text === undefined ? undefined : parseHexKey(text, description);
    },
    create() {
      const key = newDatabaseKey();
      sealed.seal(key.toString('hex'));
      return key;
    },
  };
}
