import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { guardMethods } from '../../../shared/app/auth/guard-methods';
import type { CoreContext } from '../../../shared/app/core-context';
import { CORE_METHOD_NAMES, type Core, type CoreMethodName } from '../../../shared/contract';
import { METHOD_ACCESS, ROLES, type Access, type Role } from '../../../shared/domain/auth';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const access = (method: CoreMethodName): Access | undefined => (METHOD_ACCESS as Record<string, Access>)[method];
// logout ends the session it is called in: call it last.
const METHODS = [...CORE_METHOD_NAMES.filter((m) => m !== 'logout'), 'logout' as const];

async function call(core: Core, method: CoreMethodName): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  if (typeof core[method] !== 'function') throw new Error(`createCore does not provide ${method}`);
  return (core[method] as (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>)({});
}

describe('permissions are checked in the core, for every method', () => {
  it('has an entry for every CoreApi method', () => {
    expect(CORE_METHOD_NAMES.filter((m) => access(m) === undefined)).toEqual([]);
  });

  it('lets each role call exactly the methods the table gives it, and nobody signed out anything but sign-in', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap(null, { roles: ROLES }) });
    for (const role of ROLES) {
      unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));
      for (const method of METHODS) {
        const result = await call(core, method);
        const rule = access(method);
        const allowed = rule === 'anyone' || (Array.isArray(rule) && (rule as readonly Role[]).includes(role));
        if (allowed) {
          expect(result.error?.code ?? 'ok', `${role} → ${method}: ${result.error?.message}`).not.toMatch(/^(forbidden|unauthenticated)$/);
        } else {
          expect(result, `${role} → ${method}`).toMatchObject({ ok: false, error: { code: rule === 'first-run' ? 'conflict' : 'forbidden' } });
        }
      }
    }
    unwrap(await core.logout({}));
    for (const method of METHODS) {
      const result = await call(core, method);
      const rule = access(method);
      if (rule === 'anyone') expect(result.error?.code ?? 'ok', method).not.toMatch(/^(forbidden|unauthenticated)$/);
      else expect(result, method).toMatchObject({ ok: false, error: { code: rule === 'first-run' ? 'conflict' : 'unauthenticated' } });
    }
    core.close();
  }, 120_000);

  it('keeps the issue’s rules: only consular staff override, only shift leads export, only admins edit corridors and rules', () => {
    expect(access('overrideCrossing')).toEqual(['consular']);
    expect(access('exportGroupFile')).toEqual(['shift-lead']);
    for (const method of ['saveCorridor', 'saveCheckpoint', 'createUser', 'trustStation', 'saveRuleProfile'] as const) expect(access(method)).toEqual(['admin']);
  });

  it('opens only the first-run wizard on a station without users', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger });
    expect(unwrap(await core.whoAmI({}))).toMatchObject({ user: null, needsSetup: true });
    for (const method of METHODS) {
      const rule = access(method);
      if (rule === 'anyone' || rule === 'first-run') continue;
      expect(await call(core, method), method).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/not set up yet/) } });
    }
    core.close();
  });

  it('denies a method that is missing from the table', async () => {
    const ctx = { isClosed: () => false, repos: { operators: { count: () => 1 } }, session: { current: { id: 'u', username: 'a', displayName: 'A', role: 'admin' } } } as unknown as CoreContext;
    const guarded = guardMethods({ notInTheTable: async () => ({ ok: true, value: 1 }) } as never, ctx) as unknown as Record<string, () => Promise<unknown>>;
    expect(await guarded.notInTheTable?.()).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/not in the permission table/) } });
  });
});

describe('sign-in', () => {
  it('locks an account after five wrong PINs, says until when, and an admin can unlock it', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger, bootstrap: testBootstrap(null, { roles: ['operator'] }) });
    const wrong = () => core.login({ username: TEST_USERNAME.operator, pin: '111000' });
    for (let left = 4; left >= 1; left -= 1) {
      expect(await wrong()).toMatchObject({ ok: false, error: { code: 'unauthenticated', key: 'auth.wrongPinTriesLeft', params: { left }, message: expect.stringContaining(`Tries left before the account locks: ${left}.`) } });
    }
    expect(await wrong()).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'auth.lockedNow', params: { until: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d/) } } });
    // Even the right PIN is refused while locked.
    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    const operator = unwrap(await core.listUsers({})).items.find((u) => u.username === TEST_USERNAME.operator);
    expect(operator).toMatchObject({ failedAttempts: 5, lockedUntil: expect.any(String) });
    unwrap(await core.unlockUser({ userId: operator?.id ?? '' }));
    expect(unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }))).toMatchObject({ role: 'operator' });
    // An unknown name is answered like a known one (test/integration/app/sign-in-lockout.test.ts).
    expect(await core.login({ username: 'nobody', pin: '482916' })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', key: 'auth.wrongPinTriesLeft', params: { left: 4 }, message: 'Unknown user name or wrong PIN. Tries left before the account locks: 4.' },
    });
    core.close();
  }, 60_000);

  it('refuses guessable PINs and a second first-run setup', async () => {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), logger: silentLogger });
    const setup = (pin: string) =>
      core.bootstrapStation({ checkpoint: { id: 'OYBEK', name: 'Oybek', country: 'TJK' }, admin: { username: 'admin', displayName: 'Admin', pin } });
    expect(await setup('123456')).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/too easy/) } });
    expect(await setup('12ab')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(unwrap(await setup('739251'))).toMatchObject({ role: 'admin', username: 'admin' });
    expect(unwrap(await core.whoAmI({}))).toMatchObject({ needsSetup: false, user: { role: 'admin' }, station: { checkpointId: 'OYBEK', checkpointName: 'Oybek' } });
    expect(await setup('739251')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    core.close();
  }, 60_000);
});
