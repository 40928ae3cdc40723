/**
 * A full disk and a read-only data folder: a real size-limited tmpfs, then remounted read-only.
 * The core must answer with a clear storage-failure, acknowledge nothing it did not write, and keep
 * everything it acknowledged before. Needs root (mount); skips with one line elsewhere.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import type { Core } from '../../shared/contract';
import { StationStore } from '../../shared/node/db';
import { TAJIK_PASSPORT, mrzText } from '../fixtures/mrz/passports';
import { TEST_PIN_HASH_COST, testBootstrap } from '../support/core-session';
import { ManualClock } from '../support/manual-clock';

function tryMount(sizeKiB: number): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-disk-'));
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    fs.rmdirSync(dir);
    return undefined;
  }
  return dir;
}

const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) {
    spawnSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const probe = tryMount(64);
if (probe) {
  spawnSync('umount', [probe]);
  fs.rmdirSync(probe);
} else {
  console.warn('Disk-full / read-only tests skipped: cannot mount a tmpfs here (needs root).');
}

/** An operator signed in; the clock moves an hour per crossing so the same passport is never a repeated scan. */
function openCore(dataDir: string): { core: Promise<Core>; clock: ManualClock } {
  const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
  return { core: createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator') }), clock };
}

async function recordOne(core: Core): Promise<{ ok: boolean; code?: string; message?: string; id?: string }> {
  const scan = await core.scan({ payload: mrzText(TAJIK_PASSPORT) });
  if (!scan.ok) return { ok: false, code: scan.error.code, message: scan.error.message };
  const recorded = await core.recordCrossing({ scanId: scan.value.scanId, direction: 'entry', note: 'n'.repeat(400) });
  return recorded.ok ? { ok: true, id: recorded.value.id } : { ok: false, code: recorded.error.code, message: recorded.error.message };
}

describe.skipIf(!probe)('storage failures on a real small disk', () => {
  it('a full disk refuses the next crossing clearly and keeps every acknowledged one', async () => {
    const dir = tryMount(2048)!;
    mounted.push(dir);
    const opened = openCore(dir);
    const core = await opened.core;
    const acknowledged: string[] = [];
    let failure: Awaited<ReturnType<typeof recordOne>> | undefined;
    for (let i = 0; i < 5000 && !failure; i += 1) {
      opened.clock.advance(3_600_000);
      const result = await recordOne(core);
      if (result.ok) acknowledged.push(result.id!);
      else failure = result;
    }
    expect(failure, 'the disk never filled up').toBeDefined();
    expect(failure?.code).toBe('storage-failure');
    expect(failure?.message).toMatch(/disk is full|could not complete/i);
    expect(failure?.message).toMatch(/nothing was saved/);
    core.close();

    const store = StationStore.open(dir);
    const ids = new Set(store.listCrossings({ limit: 500 }).items.map((c) => c.id));
    expect(store.countCrossings()).toBe(acknowledged.length);
    expect(acknowledged.slice(-500).every((id) => ids.has(id))).toBe(true);
    // Sign-in and set-up write audit rows too: every crossing has its row, and the chain is whole.
    const audit = store.verifyAudit();
    expect(audit.ok).toBe(true);
    expect(audit.rows).toBeGreaterThanOrEqual(acknowledged.length);
    store.close();
  });

  it('a read-only data folder stops the station with a sentence, and the saved data stays readable', async () => {
    const dir = tryMount(4096)!;
    mounted.push(dir);
    const core = await openCore(dir).core;
    const first = await recordOne(core);
    expect(first.ok).toBe(true);
    core.close();
    // (A mount cannot turn read-only while SQLite holds the file open for writing, so it happens between runs.)
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);

    await expect(createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: dir, logger: silentLogger })).rejects.toThrow(/cannot be opened for writing \(the disk is read-only\)\. Nothing was changed/);
    // The saved data is intact: a copy taken off the read-only disk (WAL needs a writable -shm to open in place).
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-ro-copy-')), 'station.sqlite');
    fs.copyFileSync(path.join(dir, 'station.sqlite'), copy);
    const { openDatabase, fileDatabaseKeyStore } = await import('../../shared/node/db');
    const raw = openDatabase(copy, { readonly: true, key: fileDatabaseKeyStore(dir) });
    expect((raw.prepare('SELECT id FROM crossings').all() as { id: string }[]).map((r) => r.id)).toEqual([first.id]);
    raw.close();
    fs.rmSync(path.dirname(copy), { recursive: true, force: true });
  });
});
