import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeStorageKeyStore } from '../../../electron/main/safe-storage-key-store';
import { DATABASE_FILE_NAME, DATABASE_KEY_FILE, DatabaseKeyError, PROTECTED_DATABASE_KEY_FILE, StationStore, fileDatabaseKeyStore } from '../../../shared/node/db';
import { fakeSafeStorage } from '../../support/fake-safe-storage';
import { tempDir } from '../../support/temp-dir';

describe('Electron database key custody (safeStorage)', () => {
  it('makes a key at first start, keeps it only keychain-sealed, and opens the database with it again', () => {
    const dir = tempDir();
    const safeStorage = fakeSafeStorage();
    const store = StationStore.open(dir, safeStorageKeyStore(dir, safeStorage));
    store.close();
    const sealed = fs.readFileSync(path.join(dir, PROTECTED_DATABASE_KEY_FILE));
    expect(sealed.toString('latin1')).not.toMatch(/[0-9a-f]{64}/); // the hex key is not on disk in the clear
    expect(fs.existsSync(path.join(dir, DATABASE_KEY_FILE))).toBe(false);
    expect(fs.statSync(path.join(dir, PROTECTED_DATABASE_KEY_FILE)).mode & 0o777).toBe(0o600);

    const reopened = StationStore.open(dir, safeStorageKeyStore(dir, safeStorage));
    expect(reopened.checkIntegrity().ok).toBe(true);
    reopened.close();
    expect(safeStorage.calls).toEqual(['encrypt', 'decrypt']);
    // The Node host cannot open it and says who can.
    expect(() => StationStore.open(dir)).toThrow(/only the desktop app can open/);
  });

  it("refuses Linux's plaintext fallback (basic_text) with a clear message and writes nothing", () => {
    const dir = tempDir();
    const open = () => StationStore.open(dir, safeStorageKeyStore(dir, fakeSafeStorage({ backend: 'basic_text' })));
    expect(open).toThrow(DatabaseKeyError);
    expect(open).toThrow('No system keyring (GNOME Keyring or KWallet) is running, and Electron would keep the database key with a fixed, public password. Refusing to start: install or unlock a keyring and start again.');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses when no keychain is available at all', () => {
    const dir = tempDir();
    expect(() => StationStore.open(dir, safeStorageKeyStore(dir, fakeSafeStorage({ available: false })))).toThrow(/system keychain is not available/);
    expect(fs.existsSync(path.join(dir, DATABASE_FILE_NAME))).toBe(false);
  });

  it('says so when the sealed key belongs to another user or PC, and changes nothing', () => {
    const dir = tempDir();
    StationStore.open(dir, safeStorageKeyStore(dir, fakeSafeStorage({ user: 1 }))).close();
    const before = fs.readFileSync(path.join(dir, DATABASE_FILE_NAME));
    expect(() => StationStore.open(dir, safeStorageKeyStore(dir, fakeSafeStorage({ user: 2 })))).toThrow(/cannot unlock .*db\.key\.enc \(was the data folder copied from another user or PC\?\)/);
    expect(fs.readFileSync(path.join(dir, DATABASE_FILE_NAME)).equals(before)).toBe(true);
  });

  it('takes over a station first run by the browser host: seals its 0600 key file and removes it', () => {
    const dir = tempDir();
    StationStore.open(dir).close();
    const plainKey = fileDatabaseKeyStore(dir).load();
    const store = StationStore.open(dir, safeStorageKeyStore(dir, fakeSafeStorage()));
    expect(store.checkIntegrity().ok).toBe(true);
    store.close();
    expect(fs.existsSync(path.join(dir, DATABASE_KEY_FILE))).toBe(false);
    expect(safeStorageKeyStore(dir, fakeSafeStorage()).load()?.equals(plainKey!)).toBe(true);
  });
});
