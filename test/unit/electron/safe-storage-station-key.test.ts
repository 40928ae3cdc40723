import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageStationKeyStore } from '../../../electron/main/safe-storage-station-key';
import { PROTECTED_STATION_KEY_FILE, STATION_KEY_FILE, StationKeyError, loadOrCreateStationKey, verifySignature } from '../../../shared/node/keys';
import { fakeSafeStorage } from '../../support/fake-safe-storage';
import { tempDir } from '../../support/temp-dir';

describe('Electron custody of the station signing key (safeStorage)', () => {
  it('makes the key at first start, keeps it only keychain-sealed (0600), and loads the same key again', () => {
    const dir = tempDir();
    const safeStorage = fakeSafeStorage();
    const first = loadOrCreateStationKey(dir, safeStorageStationKeyStore(dir, safeStorage));
    const sealedFile = path.join(dir, PROTECTED_STATION_KEY_FILE);
    expect(fs.readFileSync(sealedFile, 'latin1')).not.toMatch(/PRIVATE KEY/);
    expect(fs.statSync(sealedFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, STATION_KEY_FILE))).toBe(false);

    const again = loadOrCreateStationKey(dir, safeStorageStationKeyStore(dir, safeStorage));
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(verifySignature(first.publicKey, 'manifest', again.sign('manifest'))).toBe(true);
    expect(safeStorage.calls).toEqual(['encrypt', 'decrypt', 'decrypt']);
    // The Node host (browser host, CLI) cannot sign with it and says who can.
    expect(() => loadOrCreateStationKey(dir)).toThrow(/kept by the desktop app's system keychain \(station-key\.pem\.enc\): sign exports from the desktop app/);
  });

  it('seals a key the browser host made (0600 PEM) and removes the plain file: same key, same fingerprint', () => {
    const dir = tempDir();
    const before = loadOrCreateStationKey(dir);
    expect(fs.statSync(path.join(dir, STATION_KEY_FILE)).mode & 0o777).toBe(0o600);
    const after = loadOrCreateStationKey(dir, safeStorageStationKeyStore(dir, fakeSafeStorage()));
    expect(after.fingerprint).toBe(before.fingerprint);
    expect(fs.existsSync(path.join(dir, STATION_KEY_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, PROTECTED_STATION_KEY_FILE))).toBe(true);
  });

  it("refuses Linux's plaintext fallback (basic_text) and a missing keychain, writing nothing", () => {
    for (const safeStorage of [fakeSafeStorage({ backend: 'basic_text' }), fakeSafeStorage({ available: false })]) {
      const dir = tempDir();
      expect(() => loadOrCreateStationKey(dir, safeStorageStationKeyStore(dir, safeStorage))).toThrow(StationKeyError);
      expect(fs.readdirSync(dir)).toEqual([]);
    }
  });

  it('says so when another user’s keychain sealed the key (a copied data folder), and changes nothing', () => {
    const dir = tempDir();
    loadOrCreateStationKey(dir, safeStorageStationKeyStore(dir, fakeSafeStorage({ user: 1 })));
    const sealed = fs.readFileSync(path.join(dir, PROTECTED_STATION_KEY_FILE));
    expect(() => loadOrCreateStationKey(dir, safeStorageStationKeyStore(dir, fakeSafeStorage({ user: 2 })))).toThrow(
      /The system keychain cannot unlock the keychain-protected station key .* \(was the data folder copied from another user or PC\?\)\. Nothing was changed\./,
    );
    expect(fs.readFileSync(path.join(dir, PROTECTED_STATION_KEY_FILE))).toEqual(sealed);
  });
});
