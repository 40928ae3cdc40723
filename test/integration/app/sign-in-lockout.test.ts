/**
 * PIN guessing against the core, as a holder of the browser host's token can do it: concurrent wrong
 * PINs, user names that do or do not exist, many names in a row, and repeated lock-outs of the admin.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { openStationDatabase } from '../../../shared/node/db';
import { ManualClock } from '../../support/manual-clock';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

const MINUTE = 60_000;

async function station(clock = new ManualClock(new Date('2026-03-01T08:00:00Z'))): Promise<{ core: Core; dataDir: string; clock: ManualClock }> {
  const dataDir = tempDir();
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap(null, { roles: ['operator'] }) });
  return { core, dataDir, clock };
}

function auditActions(dataDir: string, prefix: string): { action: string; payload: Record<string, unknown> }[] {
  const db = openStationDatabase(dataDir, { readonly: true });
  const rows = db.prepare('SELECT action, payload_json FROM audit_log WHERE action LIKE ? ORDER BY seq').all(`${prefix}%`) as { action: string; payload_json: string }[];
  db.close();
  return rows.map((row) => ({ action: row.action, payload: JSON.parse(row.payload_json) as Record<string, unknown> }));
}

const errorOf = (result: { ok: boolean; error?: { code: string; message: string } }) => (result.ok ? undefined : result.error);

describe('PIN lock-out', () => {
  it('locks the account under 40 concurrent wrong PINs, checks no more than five of them, and then refuses the right PIN', async () => {
    const { core, dataDir } = await station();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => core.login({ username: TEST_USERNAME.operator, pin: String(300000 + i * 7) })));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/locked until/) } });
    core.close();
    // Only the attempts counted before the lock reached a PIN comparison.
    const checked = auditActions(dataDir, 'auth.').filter((row) => row.action === 'auth.failed' || row.action === 'auth.locked');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(checked.some((row) => row.action === 'auth.locked')).toBe(true);
  }, 60_000);

  it('answers an unknown user name exactly as a known one with a wrong PIN, up to the lock', async () => {
    const answers = async (username: string): Promise<string[]> => {
      const { core } = await station();
      const seen: string[] = [];
      for (let i = 0; i < 6; i += 1) seen.push(JSON.stringify(errorOf(await core.login({ username, pin: '305827' }))).replaceAll(username, 'NAME'));
      core.close();
      return seen;
    };
    const known = await answers(TEST_USERNAME.operator);
    expect(await answers('nosuchuser')).toEqual(known);
    expect(known[3]).toMatch(/Tries left before the account locks: 1\./);
    expect(known[5]).toMatch(/locked until/);
  }, 60_000);

  it('slows the whole station down after many wrong sign-ins across user names, and lets people in again after the wait', async () => {
    const { core, clock } = await station();
    const names = Array.from({ length: 12 }, (_, i) => `guess${i}`);
    const answers = [];
    for (const username of names) answers.push(errorOf(await core.login({ username, pin: '305827' })));
    const slowed = answers.filter((e) => /wrong sign-ins at this station/.test(e?.message ?? ''));
    expect(slowed.length).toBeGreaterThan(0);
    // While the station waits, even the right PIN is not checked.
    expect(errorOf(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }))?.message).toMatch(/wrong sign-ins at this station/);
    clock.advance(MINUTE);
    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: true });
    core.close();
  }, 60_000);

  it('audits each lock-out of the admin with how many there were in the last day', async () => {
    const { core, dataDir, clock } = await station();
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 5; i += 1) await core.login({ username: TEST_USERNAME.admin, pin: '305827' });
      clock.advance(16 * MINUTE);
    }
    core.close();
    const locks = auditActions(dataDir, 'auth.locked');
    expect(locks.map((row) => row.payload.lockoutsInDay)).toEqual([1, 2, 3]);
  }, 60_000);
});
