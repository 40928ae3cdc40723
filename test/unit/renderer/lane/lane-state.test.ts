/**
 * The lane screen's state (renderer/features/lane/lane-state.ts): scan, join, park, record, correct. The
 * travellers and crossings are the real core's answers (createCore on a real SQLite file, passport-only
 * rules), so the reducer is tested on what the screen really receives; after each step the strip is
 * compared with the core's own list of travellers not yet recorded.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../../shared/app';
import type { Core, ScanResult } from '../../../../shared/contract';
import { amendTarget, enterAction, initialLaneState, isWaiting, laneReducer, overridePath, type LaneAction, type LaneState } from '../../../../renderer/features/lane/lane-state';
import { mrzOf, stationAt, traveller, usePassportOnlyRules } from '../../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../../support/core-session';
import { ManualClock } from '../../../support/manual-clock';
import { unwrap } from '../../../support/result';
import { tempDir } from '../../../support/temp-dir';

let core: Core;
let state: LaneState;

beforeEach(async () => {
  core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock: new ManualClock(new Date('2021-03-01T06:00:00Z')),
    logger: silentLogger,
    bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')] },
  });
  await usePassportOnlyRules(core, 'operator');
  state = initialLaneState;
});

const act = (action: LaneAction): LaneState => (state = laneReducer(state, action));
/** A scan as the lane sends it: joining the traveller on screen while still open. */
const scan = async (payload: string): Promise<ScanResult> => {
  const join = state.traveller && !state.record ? state.traveller.scanId : undefined;
  const traveller = unwrap(await core.scan({ payload, direction: state.direction, ...(join ? { joinScanId: join } : {}) }));
  act({ type: 'scanned', traveller });
  return traveller;
};
const enter = async () => {
  const { duplicate, alerts: _alerts, ...crossing } = unwrap(await core.recordCrossing({ scanId: state.traveller!.scanId, direction: state.direction }));
  return act({ type: 'recorded', crossing, duplicate });
};
/** The core's strip without the traveller on screen: what the lane must show. */
const coreStrip = async () => unwrap(await core.listParked({})).items.filter((p) => p.scanId !== state.traveller?.scanId).map((p) => p.scanId);
const strip = () => state.parked.map((p) => p.scanId);

describe('nothing decided is left behind', () => {
  it('scanning the next passport parks the previous decided, unrecorded traveller, as the core keeps them', async () => {
    const first = await scan(mrzOf(traveller(1)));
    expect(strip()).toEqual([]);
    const second = await scan(mrzOf(traveller(2)));
    expect(state.traveller?.scanId).toBe(second.scanId);
    expect(strip()).toEqual([first.scanId]);
    await scan(mrzOf(traveller(3)));
    expect(strip()).toEqual([first.scanId, second.scanId]);
    expect(strip()).toEqual(await coreStrip());
  });

  it('a scan joining the traveller on screen parks nobody; scanning a parked passport again takes its place', async () => {
    const first = await scan(mrzOf(traveller(1)));
    const again = await scan(mrzOf(traveller(1)));
    expect(again.scanId).toBe(first.scanId);
    expect(strip()).toEqual([]);
    await scan(mrzOf(traveller(2)));
    // The same passport later is a new traveller: the strip keeps one entry per person, the newest judgement.
    const later = await scan(mrzOf(traveller(1)));
    expect(later.scanId).not.toBe(first.scanId);
    expect(state.parked.map((p) => p.document?.documentNumber)).toEqual([traveller(2).documentNumber]);
    expect(strip()).toEqual(await coreStrip());
  });

  it('a recorded traveller is not parked when the next one comes; Esc parks a waiting one and clears the screen', async () => {
    await scan(mrzOf(traveller(1)));
    await enter();
    expect(isWaiting(state.traveller, state.record)).toBe(false);
    await scan(mrzOf(traveller(2)));
    expect(strip()).toEqual([]);
    act({ type: 'next' });
    expect(state.traveller).toBeNull();
    expect(state.parked.map((p) => p.document?.documentNumber)).toEqual([traveller(2).documentNumber]);
    expect(strip()).toEqual(await coreStrip());
  });

  it('noise that names nobody is never parked', async () => {
    await scan('hello, this is not a passport');
    expect(state.traveller?.decision.recordable).toBe(false);
    await scan(mrzOf(traveller(1)));
    expect(strip()).toEqual([]);
  });

  it('F3 brings the oldest back (the one on screen is parked in turn); a click brings back the one chosen; Enter records his own decision', async () => {
    const first = await scan(mrzOf(traveller(1)));
    const second = await scan(mrzOf(traveller(2)));
    const third = await scan(mrzOf(traveller(3)));
    act({ type: 'resumed' });
    expect(state.traveller?.scanId).toBe(first.scanId);
    expect(strip()).toEqual([second.scanId, third.scanId]);
    act({ type: 'resumed', scanId: third.scanId });
    expect(state.traveller?.scanId).toBe(third.scanId);
    expect(strip()).toEqual([second.scanId, first.scanId]);
    await enter();
    expect(state.record?.crossing.document.documentNumber).toBe(traveller(3).documentNumber);
    expect(new Set(strip())).toEqual(new Set(await coreStrip()));
    // Nothing to resume is a no-op, not an empty screen.
    const before = state;
    expect(laneReducer({ ...state, parked: [] }, { type: 'resumed' })).toEqual({ ...before, parked: [] });
  });

  it("the core's list replaces the strip, without the traveller on screen", async () => {
    const first = await scan(mrzOf(traveller(1)));
    await scan(mrzOf(traveller(2)));
    const listed = unwrap(await core.listParked({})).items;
    expect(listed.map((p) => p.scanId)).toContain(state.traveller!.scanId);
    act({ type: 'parked-listed', parked: listed });
    expect(strip()).toEqual([first.scanId]);
  });
});

describe('Enter, the second person and corrections', () => {
  it('Enter records a waiting traveller; after recording it does nothing more', async () => {
    await scan(mrzOf(traveller(1)));
    expect(enterAction(state)).toBe('record');
    act({ type: 'sent' });
    expect(enterAction(state)).toBe('none');
    await enter();
    expect(state).toMatchObject({ busy: false, record: { duplicate: false, corrected: false } });
    expect(enterAction(state)).toBe('none');
  });

  it('a NOT OK traveller: the second person records him crossed before Enter, or admits the refusal after it', async () => {
    const expired = await scan(mrzOf(traveller(30)));
    expect(expired.decision.outcome).toBe('NOT_OK');
    expect(overridePath(state)).toEqual({ kind: 'record', scanId: expired.scanId });
    await enter();
    expect(state.record?.crossing.disposition).toBe('refused');
    expect(overridePath(state)).toEqual({ kind: 'admit', crossingId: state.record!.crossing.id });
    act({ type: 'dialog', dialog: 'override' });
    const admitted = unwrap(
      await core.admitCrossing({ crossingId: state.record!.crossing.id, reason: 'Consul confirmed the renewal', authoriser: { username: TEST_USERNAME.consular, pin: TEST_PIN.consular } }),
    );
    act({ type: 'corrected', crossing: admitted });
    expect(state).toMatchObject({ dialog: null, record: { corrected: true } });
    expect(state.record?.crossing.current?.disposition).toBe('crossed');
    expect(overridePath(state)).toBeNull();
  });

  it('an OK traveller needs no second person', async () => {
    await scan(mrzOf(traveller(1)));
    expect(overridePath(state)).toBeNull();
  });

  it('the override dialog belongs to its traveller: the next traveller closes it; a failure keeps it open with the error', async () => {
    await scan(mrzOf(traveller(30)));
    act({ type: 'dialog', dialog: 'override' });
    act({ type: 'failed', error: { code: 'forbidden', message: 'x' } });
    expect(state).toMatchObject({ dialog: 'override', busy: false, error: { code: 'forbidden' } });
    await scan(mrzOf(traveller(2)));
    expect(state).toMatchObject({ dialog: null, error: null });
    act({ type: 'dialog-toggled', dialog: 'paper' });
    await scan(mrzOf(traveller(3)));
    expect(state.dialog).toBe('paper');
  });

  it('the same passport scanned after recording offers to amend that crossing, with this scan to re-judge it', async () => {
    await scan(mrzOf(traveller(1)));
    await enter();
    const recorded = state.record!.crossing;
    expect(amendTarget(state)).toEqual({ crossingId: recorded.id, sequence: recorded.sequence, direction: 'entry' });
    const again = await scan(mrzOf(traveller(1)));
    expect(again.notices?.[0]).toMatchObject({ code: 'already-recorded', crossingId: recorded.id });
    expect(amendTarget(state)).toEqual({ crossingId: recorded.id, sequence: recorded.sequence, direction: 'entry', rejudgeScanId: again.scanId });
    const voided = unwrap(await core.amendCrossing({ crossingId: recorded.id, change: { kind: 'void', reason: 'Scanned the driver by mistake' } }));
    act({ type: 'corrected', crossing: voided });
    expect(state.record).toMatchObject({ corrected: true, crossing: { current: { disposition: 'cancelled' } } });
    // A cancelled crossing has nothing left to amend.
    expect(amendTarget(state)).toBeNull();
  });

  it('F2 switches the direction, a click sets it', () => {
    act({ type: 'direction' });
    expect(state.direction).toBe('exit');
    act({ type: 'direction', direction: 'exit' });
    expect(state.direction).toBe('exit');
    act({ type: 'direction' });
    expect(state.direction).toBe('entry');
  });
});
