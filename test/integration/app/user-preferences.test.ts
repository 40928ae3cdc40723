import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-01T03:00:00.000Z');

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const signInAs = async (core: Core, role: 'operator' | 'consular' | 'shift-lead' | 'admin') => {
  unwrap(await core.logout({}));
  unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));
};

describe('user preferences: each operator keeps their own language and lane settings', () => {
  it('stores per user, merges partial saves, survives a restart and needs a signed-in user', async () => {
    const dataDir = tempDir();
    const bootstrap = testBootstrap('operator', { roles: ['operator', 'consular', 'shift-lead'] });
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock: new ManualClock(START), logger: silentLogger, bootstrap });

    // Nothing chosen yet: an empty object, the screen keeps its defaults.
    expect(unwrap(await core.getUserPreferences({}))).toEqual({});
    expect(unwrap(await core.saveUserPreferences({ language: 'uz' }))).toEqual({ language: 'uz' });
    // A later partial save (lane ergonomics) keeps the language.
    expect(unwrap(await core.saveUserPreferences({ largeText: true, volume: 0.4 }))).toEqual({ language: 'uz', largeText: true, volume: 0.4 });

    // Every signed-in role may keep its own; one person's choice is not another's.
    for (const role of ['consular', 'shift-lead', 'admin'] as const) {
      await signInAs(core, role);
      expect(unwrap(await core.getUserPreferences({}))).toEqual({});
    }
    unwrap(await core.saveUserPreferences({ language: 'kk', highContrast: true }));

    // Signed out: nothing to read or write.
    unwrap(await core.logout({}));
    const anonymous = await core.getUserPreferences({});
    expect(anonymous.ok).toBe(false);
    if (!anonymous.ok) expect(anonymous.error.code).toBe('unauthenticated');
    expect((await core.saveUserPreferences({ language: 'ru' })).ok).toBe(false);
    core.close();

    // The choice follows the operator: a new core on the same data folder (another start, or the lane's PC
    // after a restart) reads it back from SQLite.
    const again = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock: new ManualClock(START), logger: silentLogger, bootstrap: testBootstrap(null) });
    await signInAs(again, 'operator');
    expect(unwrap(await again.getUserPreferences({}))).toEqual({ language: 'uz', largeText: true, volume: 0.4 });
    await signInAs(again, 'admin');
    expect(unwrap(await again.getUserPreferences({}))).toEqual({ language: 'kk', highContrast: true });
    again.close();
  });

  it('refuses an unknown language, a volume outside 0–1 and fields outside the schema', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock: new ManualClock(START), logger: silentLogger, bootstrap: testBootstrap('operator') });
    for (const input of [{ language: 'de' }, { volume: 1.5 }, { volume: -0.1 }, { language: 'ru', userId: 'someone-else' }]) {
      const result = await core.saveUserPreferences(input as never);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-input');
    }
    expect(unwrap(await core.getUserPreferences({}))).toEqual({});
    core.close();
  });
});
