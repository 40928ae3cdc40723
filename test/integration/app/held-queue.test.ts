/**
 * The held queue through createCore, real SQLite files: who is held is listed with the name of the operator
 * who held them, admitting takes the authoriser's own PIN, and nobody stays held silently: the dashboard and
 * the shift report list them until consular staff admit or refuse them.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/auth';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, mrzOf, stationAt, traveller, type Traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-03-01T06:00:00Z');
const DAY = { from: '2021-03-01T00:00:00Z', to: '2021-03-02T00:00:00Z' };

async function station(): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock: new ManualClock(START),
    logger: silentLogger,
    bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')], signIn: TEST_USERNAME.admin },
  });
  unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
  await signInAs(core, 'operator');
  return core;
}

const signInAs = async (core: Core, role: Role) => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

/** A wrong composite check digit that no single misread explains: NEEDS CROSS-CHECK, so Enter holds. */
function doubtfulMrz(t: Traveller): string {
  const [line1, line2] = mrzOf(t).split('\n') as [string, string];
  return `${line1}\n${line2.slice(0, -1)}${(Number(line2.at(-1)) + 5) % 10}`;
}

async function hold(core: Core, t: Traveller) {
  const scan = unwrap(await core.scan({ payload: doubtfulMrz(t), source: 'wedge', direction: 'entry' }));
  const recorded = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
  expect(recorded.disposition).toBe('held');
  return recorded;
}

describe('held queue', () => {
  it('names the operator who held each traveller, oldest first', async () => {
    const core = await station();
    const first = await hold(core, traveller(12));
    const second = await hold(core, traveller(13));
    const queue = unwrap(await core.listHeld({}));
    expect(queue.items.map((c) => [c.id, c.operatorName])).toEqual([
      [first.id, 'Test operator'],
      [second.id, 'Test operator'],
    ]);
  });

  it('admitting from the queue with the authoriser\'s own PIN: a wrong PIN leaves the traveller held', async () => {
    const core = await station();
    const held = await hold(core, traveller(12));
    await signInAs(core, 'consular');
    const wrong = await core.admitCrossing({ crossingId: held.id, reason: 'Data page checked by hand', authoriser: { username: TEST_USERNAME.consular, pin: '000000' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(unwrap(await core.listHeld({})).total).toBe(1);
    const admitted = unwrap(await core.admitCrossing({ crossingId: held.id, reason: 'Data page checked by hand', authoriser: { username: TEST_USERNAME.consular, pin: TEST_PIN.consular } }));
    expect(admitted.current).toMatchObject({ disposition: 'crossed' });
    expect(unwrap(await core.listHeld({})).total).toBe(0);
  });

  it('nobody stays held silently: the dashboard and the shift report list them until they are admitted or refused', async () => {
    const core = await station();
    const a = await hold(core, traveller(12));
    const b = await hold(core, traveller(13));
    await signInAs(core, 'shift-lead');

    const dashboard = unwrap(await core.getDashboard(DAY));
    expect(dashboard.corridors.find((c) => c.corridorId === CORRIDOR.id)?.totals).toMatchObject({ held: 2, heldNow: 2, entries: 0 });
    const report = unwrap(await core.getShiftReport({ date: '2021-03-01' }));
    expect(report.heldNowTotal).toBe(2);
    expect(report.heldNow).toEqual([
      expect.objectContaining({ crossingId: a.id, surname: traveller(12).surname, documentNumber: traveller(12).documentNumber, corridorId: CORRIDOR.id, operatorName: 'Test operator' }),
      expect.objectContaining({ crossingId: b.id, surname: traveller(13).surname, operatorName: 'Test operator' }),
    ]);

    unwrap(await core.admitCrossing({ crossingId: a.id, reason: 'Identity confirmed by phone with the embassy' }));
    unwrap(await core.refuseCrossing({ crossingId: b.id, reason: 'Passport damaged, turned back' }));
    expect(unwrap(await core.getShiftReport({ date: '2021-03-01' }))).toMatchObject({ heldNow: [], heldNowTotal: 0 });
    const after = unwrap(await core.getDashboard(DAY)).corridors.find((c) => c.corridorId === CORRIDOR.id)?.totals;
    expect(after).toMatchObject({ heldNow: 0, entries: 1 });
  });
});
