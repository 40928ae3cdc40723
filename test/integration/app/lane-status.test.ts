import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-01T08:00:00.000Z');

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const laneOf = async (core: Core) => {
  const lane = unwrap(await core.getStatus({})).lane;
  if (!lane) throw new Error('getStatus returned no lane block');
  return lane;
};

const signIn = async (core: Core, role: 'admin' | 'operator') => {
  unwrap(await core.logout({}));
  unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));
};

describe('getStatus: what the lane status bar shows', () => {
  it('names the corridor, the rule profile in effect per direction and the crossings not yet sent', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock: new ManualClock(START), logger: silentLogger, bootstrap: testBootstrap('operator') });
    // No corridor table yet: the corridor of the shipped default profile, which applies both ways.
    expect(await laneOf(core)).toEqual({
      corridor: { id: 'KZ-UZ-TJ', name: null },
      ruleProfiles: { entry: expect.objectContaining({ id: 'uz-transit-pcr', version: 1 }), exit: expect.objectContaining({ id: 'uz-transit-pcr', version: 1 }) },
      unsentCrossings: 0,
      queuedBundles: 0,
      retentionPaused: null,
    });

    const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), source: 'wedge' }));
    unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
    expect((await laneOf(core)).unsentCrossings).toBe(1);

    // An admin adds the corridor (with its name) and a new version of the profile: both show at once.
    await signIn(core, 'admin');
    unwrap(await core.saveCheckpoint({ id: 'UZ-YALLAMA', name: 'Yallama', country: 'UZB' }));
    unwrap(
      await core.saveCorridor({
        id: 'KZ-UZ-TJ',
        name: 'Zhibek Zholy → Yallama',
        entryCheckpointId: 'KZ-ZHIBEK-ZHOLY',
        exitCheckpointId: 'UZ-YALLAMA',
        expectedTransitMinutes: 600,
        maxTransitMinutes: 900,
      }),
    );
    const current = unwrap(await core.getRuleProfile({ id: 'uz-transit-pcr' })).profile;
    unwrap(await core.saveRuleProfile({ profile: { ...current, version: 2, effectiveFrom: START.toISOString() } }));
    const lane = await laneOf(core);
    expect(lane.corridor).toEqual({ id: 'KZ-UZ-TJ', name: 'Zhibek Zholy → Yallama' });
    expect(lane.ruleProfiles.entry).toMatchObject({ id: 'uz-transit-pcr', version: 2 });
    core.close();
  });

  it('is readable before anyone signs in (the status bar shows on the sign-in screen)', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock: new ManualClock(START), logger: silentLogger, bootstrap: testBootstrap(null) });
    expect((await laneOf(core)).unsentCrossings).toBe(0);
    core.close();
  });
});
