import fs from 'node:fs';
import path from 'node:path';
import {
  DATABASE_KEY_FILE,
  DatabaseKeyError,
  PROTECTED_DATABASE_KEY_FILE,
  fileDatabaseKeyStore,
  newDatabaseKey,
  parseHexKey,
  writeNewFileDurably,
  type DatabaseKeyStore,
} from '../../shared/node/db';

/** The slice of Electron's `safeStorage` the key store uses (the real object satisfies it; tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store encrypts; `basic_text` means a hard-coded password, i.e. none. */
  getSelectedStorageBackend?(): string;
}

/**
 * Why the OS cannot protect the key, in one sentence, or undefined when it can. On Linux without a keyring
 * (GNOME Keyring / KWallet) Electron falls back to `basic_text`: a fixed password anyone can look up, so the
 * "encrypted" key would be readable by whoever copies the disk. The station refuses to start then.
 */
export function safeStorageProblem(safeStorage: SafeStorageLike): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'The system keychain is not available, so the station database key cannot be protected. Sign in to the desktop session (with its keyring unlocked) and start again.';
  }
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return 'No system keyring (GNOME Keyring or KWallet) is running, and Electron would keep the database key with a fixed, public password. Refusing to start: install or unlock a keyring and start again.';
  }
  return undefined;
}

/**
 * Electron main's key custody: the database key encrypted by the OS keychain (DPAPI on Windows, libsecret or
 * KWallet on Linux) in `<dataDir>/db.key.enc`. A station first run by the browser host has a plain 0600
 * `db.key`: it is sealed into the keychain file and then removed.
 */
export function safeStorageKeyStore(dataDir: string, safeStorage: SafeStorageLike): DatabaseKeyStore {
  const file = path.join(dataDir, PROTECTED_DATABASE_KEY_FILE);
  const description = `the keychain-protected database key ${file}`;
  const usable = () => {
    const problem = safeStorageProblem(safeStorage);
    if (problem) throw new DatabaseKeyError(problem);
  };
  const seal = (key: Buffer) => writeNewFileDurably(file, safeStorage.encryptString(key.toString('hex')));
  return {
    description,
    load() {
      usable();
      if (!fs.existsSync(file)) {
        const plainFile = path.join(dataDir, DATABASE_KEY_FILE);
        if (!fs.existsSync(plainFile)) return undefined;
        const key = fileDatabaseKeyStore(dataDir).load();
        if (!key) return undefined;
        seal(key);
        fs.rmSync(plainFile);
        return key;
      }
      let text: string;
      try {
        text = safeStorage.decryptString(fs.readFileSync(file));
      } catch (error) {
        throw new DatabaseKeyError(`The system keychain cannot unlock ${description} (was the data folder copied from another user or PC?). Nothing was changed.`, {
          cause: error,
        });
      }
      return parseHexKey(text, description);
    },
    create() {
      usable();
      const key = newDatabaseKey();
      seal(key);
      return key;
    },
  };
}
