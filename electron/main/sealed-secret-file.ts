import fs from 'node:fs';
import { writeNewFileDurably } from '../../shared/node/files';

/** The slice of Electron's `safeStorage` the key stores use (the real object satisfies it; tests pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store encrypts; `basic_text` means a hard-coded password, i.e. none. */
  getSelectedStorageBackend?(): string;
}

/**
 * Why the OS cannot protect a key, in one sentence, or undefined when it can. On Linux without a keyring
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

export interface SealedSecretFileOptions {
  /** The keychain-sealed file (0600, written all-or-nothing). */
  readonly file: string;
  readonly description: string;
  readonly safeStorage: SafeStorageLike;
  /** The browser host's plain copy of the same secret: sealed and then removed on first load. */
  readonly plainFile: string;
  readonly loadPlain: () => string | undefined;
  /** The caller's own error type, so each key keeps its own words and class. */
  readonly fail: (message: string, options?: ErrorOptions) => Error;
}

/**
 * One secret (a key as text) kept sealed by the OS keychain (DPAPI on Windows, libsecret or KWallet on Linux):
 * the custody the database key and the station signing key share in Electron main.
 */
export function sealedSecretFile(options: SealedSecretFileOptions): { load(): string | undefined; seal(text: string): void } {
  const { file, description, safeStorage } = options;
  const seal = (text: string) => {
    const problem = safeStorageProblem(safeStorage);
    if (problem) throw options.fail(problem);
    writeNewFileDurably(file, safeStorage.encryptString(text));
  };
  return {
    seal,
    load() {
      const problem = safeStorageProblem(safeStorage);
      if (problem) throw options.fail(problem);
      if (!fs.existsSync(file)) {
        if (!fs.existsSync(options.plainFile)) return undefined;
        const text = options.loadPlain();
        if (text === undefined) return undefined;
        seal(text);
        fs.rmSync(options.plainFile);
        return text;
      }
      try {
        return safeStorage.decryptString(fs.readFileSync(file));
      } catch (error) {
        throw options.fail(`The system keychain cannot unlock ${description} (was the data folder copied from another user or PC?). Nothing was changed.`, { cause: error });
      }
    },
  };
}
