import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_FILE_NAME,
  DATABASE_KEY_FILE,
  DatabaseKeyError,
  PROTECTED_DATABASE_KEY_FILE,
  StationStore,
  databaseFileState,
  fileDatabaseKeyStore,
  migrate,
  openDatabase,
  openStationDatabase,
  type NewCrossing,
} from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

// A surname no schema, index or setting contains: if these bytes are on disk, a record leaked.
const SURNAME = 'QZXWYBORODINOVA';

const crossing = (n: number): NewCrossing => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  recordedAt: `2021-03-01T0${n}:00:00.000Z`,
  stationId: 'STN-TEST',
  operatorId: null,
  direction: 'entry',
  outcome: 'OK',
  reasons: [{ code: 'mrz.valid', severity: 'info', message: 'ok' }],
  document: {
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'TJK',
    documentNumber: `40000000${n}`,
    nationality: 'TJK',
    surname: SURNAME,
    givenNames: 'MADINA',
    birthDate: '1990-01-15',
    sex: 'F',
    expiryDate: '2030-06-20',
  },
  scanSource: 'wedge',
  note: null,
});

const dbFile = (dir: string) => path.join(dir, DATABASE_FILE_NAME);
const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Every file SQLite keeps for the database (main, WAL, shared memory, journal). */
const databaseBytes = (dir: string) =>
  Buffer.concat(
    fs
      .readdirSync(dir)
      .filter((name) => name.startsWith(DATABASE_FILE_NAME))
      .map((name) => fs.readFileSync(path.join(dir, name))),
  );

describe('encryption at rest (SQLCipher 4 format via sqlite3mc)', () => {
  it('writes no SQLite header and no traveller name to disk, even while the WAL holds the row', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    store.recordCrossing(crossing(1), 'station');
    // Still open: the row sits in the WAL file, which is encrypted too.
    expect(fs.existsSync(`${dbFile(dir)}-wal`)).toBe(true);
    expect(databaseBytes(dir).includes(SURNAME)).toBe(false);
    store.close();

    expect(fs.readFileSync(dbFile(dir)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(databaseFileState(dbFile(dir))).toBe('encrypted');
    expect(databaseBytes(dir).includes(SURNAME)).toBe(false);
    // The key is 32 random bytes as hex, in a file only the owner can read.
    const keyFile = path.join(dir, DATABASE_KEY_FILE);
    expect(fs.readFileSync(keyFile, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const reopened = StationStore.open(dir);
    expect(reopened.getCrossing(crossing(1).id)?.document.surname).toBe(SURNAME);
    reopened.close();
  });

  it('cannot be read without the key, by plain SQLite or by the station', () => {
    const dir = tempDir();
    StationStore.open(dir).close();
    const plain = new PlainDatabase(dbFile(dir), { readonly: true });
    expect(() => plain.prepare('SELECT * FROM crossings').all()).toThrow(/file is not a database/);
    plain.close();

    const before = sha256(dbFile(dir));
    fs.rmSync(path.join(dir, DATABASE_KEY_FILE));
    expect(() => StationStore.open(dir)).toThrow(DatabaseKeyError);
    expect(() => StationStore.open(dir)).toThrow(/is encrypted but the database key file .*db\.key is missing\. Restore the key from the backup; nothing was changed/);
    // No new key was made in its place, and the database file is byte for byte the same.
    expect(fs.existsSync(path.join(dir, DATABASE_KEY_FILE))).toBe(false);
    expect(sha256(dbFile(dir))).toBe(before);
  });

  it('refuses a wrong key with a sentence and changes nothing', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    store.recordCrossing(crossing(1), 'station');
    store.close();
    const before = sha256(dbFile(dir));
    fs.writeFileSync(path.join(dir, DATABASE_KEY_FILE), `${'ab'.repeat(32)}\n`, { mode: 0o600 });
    expect(() => StationStore.open(dir)).toThrow(/cannot be opened with the database key file .*: the key is wrong or the file is damaged\. Nothing was changed/);
    expect(sha256(dbFile(dir))).toBe(before);
  });

  it('refuses to start when other users can read the key file, and names the fix', () => {
    const dir = tempDir();
    StationStore.open(dir).close();
    const keyFile = path.join(dir, DATABASE_KEY_FILE);
    fs.chmodSync(keyFile, 0o640);
    expect(() => StationStore.open(dir)).toThrow(`Refusing to start: the database key file ${keyFile} can be read by other users (mode 640). Run "chmod 600 ${keyFile}" and start again.`);
    fs.chmodSync(keyFile, 0o600);
    StationStore.open(dir).close();
  });

  it('refuses a damaged key file instead of guessing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DATABASE_KEY_FILE), 'not a key', { mode: 0o600 });
    expect(() => StationStore.open(dir)).toThrow(/db\.key is damaged \(it must hold 64 hex characters\)/);
    expect(fs.existsSync(dbFile(dir))).toBe(false);
  });

  it('points the Node host and the CLI at the desktop app when the key is in its keychain', () => {
    const dir = tempDir();
    fs.writeFileSync(dbFile(dir), Buffer.alloc(4096, 7)); // an encrypted-looking file
    fs.writeFileSync(path.join(dir, PROTECTED_DATABASE_KEY_FILE), 'sealed');
    expect(() => openStationDatabase(dir)).toThrow(/kept by the desktop app's system keychain \(db\.key\.enc\), so only the desktop app can open/);
  });

  it('encrypts a plaintext database from an earlier version in place, keeping every row', () => {
    const dir = tempDir();
    const legacy = new PlainDatabase(dbFile(dir));
    legacy.pragma('journal_mode = WAL');
    migrate(legacy);
    const old = new StationStore(legacy);
    old.recordCrossing(crossing(1), 'station');
    old.recordCrossing(crossing(2), 'station');
    old.close();
    expect(databaseFileState(dbFile(dir))).toBe('plaintext');
    expect(databaseBytes(dir).includes(SURNAME)).toBe(true);

    const store = StationStore.open(dir);
    expect(store.countCrossings()).toBe(2);
    expect(store.verifyAudit()).toMatchObject({ ok: true, rows: 2 });
    store.close();
    expect(databaseFileState(dbFile(dir))).toBe('encrypted');
    expect(databaseBytes(dir).includes(SURNAME)).toBe(false);
    // Opening again uses the same key and does not encrypt twice.
    const again = StationStore.open(dir);
    expect(again.getCrossing(crossing(2).id)?.document.surname).toBe(SURNAME);
    again.close();
  });

  it('opens read-only with the key (CLI checks) and never makes a key for a look', () => {
    const dir = tempDir();
    StationStore.open(dir).close();
    const db = openDatabase(dbFile(dir), { readonly: true, key: fileDatabaseKeyStore(dir) });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
