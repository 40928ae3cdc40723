/**
 * Everything the station writes in its data folder is the owner's only: the encrypted database, its WAL and
 * shared-memory files, the keys, the host lock, the outbox folder. Checked under the usual umask (022), which
 * left the database and outbox copies 0644 and the folders 0755 before; a station an earlier version left
 * open to other users is closed at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import type { BundleTransport } from '../../../shared/node/outbox';
import { acquireDataDirLock } from '../../../shared/node/paths/data-dir-lock';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

let umask: number;
beforeEach(() => {
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
});

/** The central link is down: bundles stay queued (and must stay protected). */
const unreachable: BundleTransport = async () => ({ kind: 'retry', code: 'unreachable', message: 'the central system cannot be reached' });

/** Every entry under `dir` (itself included) with its permission bits, as `relative path: mode`. */
function modes(dir: string): Record<string, string> {
  const entries: Record<string, string> = { '.': (fs.statSync(dir).mode & 0o777).toString(8) };
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) entries[name] = (fs.statSync(path.join(dir, name)).mode & 0o777).toString(8);
  return entries;
}

const loose = (entries: Record<string, string>) => Object.entries(entries).filter(([, mode]) => !['600', '700'].includes(mode));

async function busyStation(dataDir: string): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock: new ManualClock(new Date('2021-03-01T08:00:00Z')),
    logger: silentLogger,
    bootstrap: testBootstrap('admin', { roles: ['shift-lead'] }),
    outbox: { transport: unreachable },
  });
  unwrap(await core.saveExportSettings({ centralUrl: 'https://central.example.org/bundles', credential: 'station-credential-1' }));
  unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
  const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
  unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
  unwrap(await core.exportBundle({ folder: null, format: 'zip' }));
  unwrap(await core.exportBundle({ folder: tempDir('checkpoint-usb-'), format: 'folder' }));
  return core;
}

describe('the data folder', () => {
  it('holds only 0600 files in 0700 folders, while the station runs and after', async () => {
    const dataDir = path.join(tempDir(), 'station', 'data');
    const lock = acquireDataDirLock(dataDir);
    const core = await busyStation(dataDir);
    const running = modes(dataDir);
    // The database with its WAL, the key, the station key and the lock; the outbox's bundles are made in memory and
    // kept in the database, so no outbox folder is made at all.
    expect(Object.keys(running)).toEqual(expect.arrayContaining(['station.sqlite', 'station.sqlite-wal', 'db.key', 'host.lock']));
    expect(loose(running)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'outbox'))).toBe(false);
    core.close();
    lock.release();
    expect(loose(modes(dataDir))).toEqual([]);
    // The parent the station made for its folder is the owner's too.
    expect((fs.statSync(path.dirname(dataDir)).mode & 0o777).toString(8)).toBe('700');
  });

  it('closes a folder an earlier version left open to other users at the next start', async () => {
    const dataDir = path.join(tempDir(), 'data');
    (await busyStation(dataDir)).close();
    // The key files keep 0600: one other users can read stops start-up (with the chmod to run), as it should.
    for (const name of ['', ...(fs.readdirSync(dataDir, { recursive: true }) as string[])].filter((n) => n !== 'db.key' && n !== 'station-key.pem')) {
      const entry = path.join(dataDir, name);
      fs.chmodSync(entry, fs.statSync(entry).isDirectory() ? 0o755 : 0o644);
    }
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock: new ManualClock(new Date('2021-03-01T09:00:00Z')), logger: silentLogger, outbox: { transport: unreachable } });
    expect(loose(modes(dataDir))).toEqual([]);
    core.close();
  });
});
