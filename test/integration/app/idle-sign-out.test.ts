import { describe, expect, it } from 'vitest';
import { createCore, DEFAULT_IDLE_SIGN_OUT_MS, idleSignOutMsFrom, silentLogger } from '../../../shared/app';
import { openStationDatabase } from '../../../shared/node/db';
import { ManualClock } from '../../support/manual-clock';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

const MINUTE = 60_000;

describe('idle sign-out', () => {
  it('signs the person at the lane out after the hosts\' default 10 idle minutes, audited; status polling is not activity', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2026-03-01T08:00:00Z'));
    expect(idleSignOutMsFrom(undefined)).toBe(10 * MINUTE);
    const core = await createCore({ dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator'), idleSignOutMs: DEFAULT_IDLE_SIGN_OUT_MS });
    clock.advance(9 * MINUTE);
    expect(await core.listCrossings({})).toMatchObject({ ok: true });
    // Activity restarts the count; the status bar's polling does not.
    clock.advance(9 * MINUTE);
    expect(await core.getStatus({})).toMatchObject({ ok: true });
    expect(await core.whoAmI({})).toMatchObject({ ok: true, value: { user: { username: 'aziza' } } });
    clock.advance(1 * MINUTE);
    expect(await core.listCrossings({})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await core.whoAmI({})).toMatchObject({ ok: true, value: { user: null } });
    core.close();
    const db = openStationDatabase(dataDir, { readonly: true });
    const rows = db.prepare("SELECT payload_json FROM audit_log WHERE action = 'auth.signed-out'").all() as { payload_json: string }[];
    db.close();
    expect(rows.map((r) => JSON.parse(r.payload_json) as unknown)).toContainEqual({ reason: 'idle', idleMs: 10 * MINUTE });
  });

  it('takes another idle time from the host, or none, and refuses a setting that is not minutes', async () => {
    expect(idleSignOutMsFrom('2')).toBe(2 * MINUTE);
    expect(idleSignOutMsFrom('0')).toBe(0);
    expect(() => idleSignOutMsFrom('ten')).toThrow(/number of minutes/);
    expect(() => idleSignOutMsFrom('-1')).toThrow(/number of minutes/);
    const clock = new ManualClock(new Date('2026-03-01T08:00:00Z'));
    const short = await createCore({ dataDir: tempDir(), clock, logger: silentLogger, bootstrap: testBootstrap('operator'), idleSignOutMs: 2 * MINUTE });
    clock.advance(2 * MINUTE);
    expect(await short.listCrossings({})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    short.close();
    const never = await createCore({ dataDir: tempDir(), clock, logger: silentLogger, bootstrap: testBootstrap('operator'), idleSignOutMs: 0 });
    clock.advance(24 * 60 * MINUTE);
    expect(await never.listCrossings({})).toMatchObject({ ok: true });
    never.close();
  });

  it('an administrator sets it on the Settings screen: audited, in force at once over the host\'s time, kept over a restart; an operator may not', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2026-03-01T08:00:00Z'));
    const options = { dataDir, clock, logger: silentLogger, idleSignOutMs: DEFAULT_IDLE_SIGN_OUT_MS, pinHashCost: { N: 2 ** 10, r: 8, p: 1 } };
    const core = await createCore({ ...options, bootstrap: testBootstrap('admin', { roles: ['operator'] }) });
    expect(await core.getIdleSignOut({})).toEqual({ ok: true, value: { minutes: 10 } });
    expect(await core.setIdleSignOut({ minutes: 3 })).toEqual({ ok: true, value: { minutes: 3 } });
    expect(await core.setIdleSignOut({ minutes: 2000 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The operator signs in; three idle minutes now sign him out, not ten.
    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: true });
    expect(await core.setIdleSignOut({ minutes: 30 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    clock.advance(3 * MINUTE);
    expect(await core.listCrossings({})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    core.close();
    // After a restart the station's setting still wins over the host's ten minutes.
    const again = await createCore(options);
    expect(await again.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: true });
    clock.advance(2 * MINUTE);
    expect(await again.listCrossings({})).toMatchObject({ ok: true });
    clock.advance(3 * MINUTE);
    expect(await again.listCrossings({})).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    again.close();
    const db = openStationDatabase(dataDir, { readonly: true });
    const rows = db.prepare("SELECT payload_json FROM audit_log WHERE action = 'settings.idle-sign-out-set'").all() as { payload_json: string }[];
    db.close();
    expect(rows.map((r) => JSON.parse(r.payload_json) as unknown)).toEqual([{ minutes: 3 }]);
  });
});
