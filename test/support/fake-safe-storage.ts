import type { SafeStorageLike } from '../../electron/main/sealed-secret-file';

/**
 * A stand-in for Electron's safeStorage (the binary cannot be downloaded here): "encrypts" by XOR with a
 * per-user secret and a marker, so the bytes on disk are not the secret and a file sealed for another user
 * fails to open, as with DPAPI/libsecret.
 */
export function fakeSafeStorage(options: { backend?: string; available?: boolean; user?: number } = {}): SafeStorageLike & { calls: string[] } {
  const secret = options.user ?? 0x5a;
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(plain) {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from([0xe1, secret]), Buffer.from(plain, 'utf8').map((b) => b ^ secret)]);
    },
    decryptString(sealed) {
      calls.push('decrypt');
      if (sealed[0] !== 0xe1 || sealed[1] !== secret) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(sealed.subarray(2).map((b) => b ^ secret)).toString('utf8');
    },
  };
}

