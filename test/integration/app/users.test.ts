/**
 * Managing the people who sign in, through the core as the Administration screen does: disable and
 * enable, change a role, reset a PIN (the person chooses their own at the next sign-in), change one's own
 * PIN, and shift leads unlocking; every change audited, and the station never left without an admin.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, User } from '../../../shared/contract';
import { openStationDatabase } from '../../../shared/node/db';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap, testUser } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

const NEW_PIN = '861359';
const TEMPORARY_PIN = '205817';

async function adminStation(): Promise<{ core: Core; dataDir: string }> {
  const dataDir = tempDir();
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('admin', { roles: ['operator', 'shift-lead'] }) });
  return { core, dataDir };
}

const keyOf = (result: { ok: boolean; error?: { key?: string } }) => (result.ok ? 'ok' : result.error?.key);

async function userNamed(core: Core, username: string): Promise<User> {
  const list = await core.listUsers({});
  if (!list.ok) throw new Error(list.error.message);
  const user = list.value.items.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

function audited(dataDir: string): { action: string; subject: string; payload: Record<string, unknown> }[] {
  const db = openStationDatabase(dataDir, { readonly: true });
  const rows = db.prepare("SELECT action, entity_id AS subject, payload_json FROM audit_log WHERE action LIKE 'user.%' ORDER BY seq").all() as {
    action: string;
    subject: string;
    payload_json: string;
  }[];
  db.close();
  return rows.map((row) => ({ action: row.action, subject: row.subject, payload: JSON.parse(row.payload_json) as Record<string, unknown> }));
}

describe('users', () => {
  it('a reset PIN signs in only with a new PIN of the person’s own, which then replaces it', async () => {
    const { core, dataDir } = await adminStation();
    const operator = await userNamed(core, TEST_USERNAME.operator);
    const reset = await core.resetUserPin({ userId: operator.id, temporaryPin: TEMPORARY_PIN });
    expect(reset).toMatchObject({ ok: true, value: { pinMustChange: true } });

    expect(keyOf(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }))).toBe('auth.wrongPinTriesLeft');
    expect(keyOf(await core.login({ username: TEST_USERNAME.operator, pin: TEMPORARY_PIN }))).toBe('auth.newPinRequired');
    expect(keyOf(await core.login({ username: TEST_USERNAME.operator, pin: TEMPORARY_PIN, newPin: TEMPORARY_PIN }))).toBe('auth.newPinSame');
    expect(keyOf(await core.login({ username: TEST_USERNAME.operator, pin: TEMPORARY_PIN, newPin: '111111' }))).toBe('auth.pinTooEasy');
    // Still the admin at the lane: nobody was signed in by the refused attempts.
    expect(await core.whoAmI({})).toMatchObject({ ok: true, value: { user: { username: TEST_USERNAME.admin } } });

    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEMPORARY_PIN, newPin: NEW_PIN })).toMatchObject({ ok: true, value: { role: 'operator' } });
    expect(keyOf(await core.login({ username: TEST_USERNAME.operator, pin: TEMPORARY_PIN }))).toBe('auth.wrongPinTriesLeft');
    expect(await core.login({ username: TEST_USERNAME.operator, pin: NEW_PIN })).toMatchObject({ ok: true });
    core.close();
    expect(audited(dataDir).filter((row) => row.subject === operator.id).map((row) => [row.action, row.payload])).toEqual([
      ['user.created', { role: 'operator' }],
      ['user.pin-reset', {}],
      ['user.pin-changed', { afterReset: true }],
    ]);
  });

  it('a disabled user cannot sign in and gets the answer an unknown name gets; enabled again, they can', async () => {
    const { core } = await adminStation();
    const operator = await userNamed(core, TEST_USERNAME.operator);
    expect(await core.setUserActive({ userId: operator.id, active: false })).toMatchObject({ ok: true, value: { active: false } });
    const disabled = await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator });
    expect(keyOf(disabled)).toBe('auth.wrongPinTriesLeft');
    await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin });
    expect(await core.setUserActive({ userId: operator.id, active: true })).toMatchObject({ ok: true, value: { active: true } });
    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: true });
    core.close();
  });

  it('never leaves the station without an active administrator, and nobody disables themselves', async () => {
    const { core, dataDir } = await adminStation();
    const admin = await userNamed(core, TEST_USERNAME.admin);
    expect(keyOf(await core.setUserActive({ userId: admin.id, active: false }))).toBe('auth.notYourself');
    expect(keyOf(await core.setUserRole({ userId: admin.id, role: 'shift-lead' }))).toBe('auth.lastAdmin');

    const second = await core.createUser({ ...testUser('admin'), username: 'second-admin' });
    if (!second.ok) throw new Error(second.error.message);
    expect(await core.setUserActive({ userId: second.value.id, active: false })).toMatchObject({ ok: true });
    // The second admin is disabled, so the first is still the last active one.
    expect(keyOf(await core.setUserRole({ userId: admin.id, role: 'shift-lead' }))).toBe('auth.lastAdmin');
    await core.setUserActive({ userId: second.value.id, active: true });
    // With an active second admin the first may step down; still signed in, they now work as a shift lead.
    expect(await core.setUserRole({ userId: admin.id, role: 'shift-lead' })).toMatchObject({ ok: true, value: { role: 'shift-lead' } });
    expect(await core.whoAmI({})).toMatchObject({ ok: true, value: { user: { role: 'shift-lead' } } });
    expect(keyOf(await core.setUserRole({ userId: admin.id, role: 'admin' }))).toBe('access.forbidden');
    core.close();
    expect(audited(dataDir).filter((row) => row.action === 'user.role-changed').map((row) => row.payload)).toEqual([{ from: 'admin', to: 'shift-lead' }]);
  });

  it('everyone changes their own PIN with their current one; a wrong current PIN counts towards the lock', async () => {
    const { core } = await adminStation();
    await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator });
    expect(keyOf(await core.changeMyPin({ currentPin: '305827', newPin: NEW_PIN }))).toBe('auth.wrongPinTriesLeft');
    const changed = await core.changeMyPin({ currentPin: TEST_PIN.operator, newPin: NEW_PIN });
    expect(changed).toEqual({ ok: true, value: { changed: true } });
    await core.logout({});
    expect(keyOf(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }))).toBe('auth.wrongPinTriesLeft');
    expect(await core.login({ username: TEST_USERNAME.operator, pin: NEW_PIN })).toMatchObject({ ok: true });
    core.close();
  });

  it('shift leads see the users and unlock them, and change nothing else', async () => {
    const { core } = await adminStation();
    for (let i = 0; i < 5; i += 1) await core.login({ username: TEST_USERNAME.operator, pin: '305827' });
    await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] });
    const locked = await userNamed(core, TEST_USERNAME.operator);
    expect(locked.lockedUntil).not.toBeNull();
    expect(await core.unlockUser({ userId: locked.id })).toMatchObject({ ok: true, value: { lockedUntil: null, failedAttempts: 0 } });
    expect(keyOf(await core.setUserActive({ userId: locked.id, active: false }))).toBe('access.forbidden');
    expect(keyOf(await core.resetUserPin({ userId: locked.id, temporaryPin: TEMPORARY_PIN }))).toBe('access.forbidden');
    expect(keyOf(await core.setUserRole({ userId: locked.id, role: 'admin' }))).toBe('access.forbidden');
    expect(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator })).toMatchObject({ ok: true });
    core.close();
  });
});
