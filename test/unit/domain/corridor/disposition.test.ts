import { describe, expect, it } from 'vitest';
import {
  admitRefusal,
  amendRefusal,
  amendment,
  crossingAlertTypes,
  currentState,
  dispositionOnEnter,
  refuseRefusal,
  type CrossingAlertFacts,
  type CrossingState,
} from '../../../../shared/domain/corridor';

const recorded: CrossingState = { disposition: 'refused', direction: 'entry', outcome: 'NOT_OK', reasons: [], groupId: null };
const MIN = 60_000;

describe('dispositions', () => {
  it('Enter does the safe thing for the outcome shown', () => {
    expect(dispositionOnEnter('OK')).toBe('crossed');
    expect(dispositionOnEnter('NOT_OK')).toBe('refused');
    expect(dispositionOnEnter('NEEDS_CROSS_CHECK')).toBe('held');
  });

  it('the current state is the recorded one with its corrections applied in order', () => {
    const state = currentState(recorded, [
      { kind: 'rejudge', outcome: 'OK', reasons: [{ code: 'rules.profile', severity: 'info', message: 'x' }], disposition: 'crossed' },
      { kind: 'direction', direction: 'exit' },
      { kind: 'group', groupId: 'g1' },
    ]);
    expect(state).toEqual({ disposition: 'crossed', direction: 'exit', outcome: 'OK', reasons: [{ code: 'rules.profile', severity: 'info', message: 'x' }], groupId: 'g1' });
    expect(currentState(state, [{ kind: 'group', groupId: null }]).groupId).toBeNull();
    expect(currentState(recorded, [])).toBe(recorded);
  });

  it('re-judging with the certificate shown afterwards applies Enter\'s rule again; an admitted crossing stays crossed', () => {
    expect(amendment(recorded, { kind: 'rejudge', outcome: 'OK', reasons: [] })).toEqual({ kind: 'rejudge', outcome: 'OK', reasons: [], disposition: 'crossed' });
    expect(amendment(recorded, { kind: 'rejudge', outcome: 'NOT_OK', reasons: [] })).toBe('no-change');
    const admitted: CrossingState = { ...recorded, disposition: 'crossed' };
    expect(amendment(admitted, { kind: 'rejudge', outcome: 'NEEDS_CROSS_CHECK', reasons: [] })).toMatchObject({ disposition: 'crossed', outcome: 'NEEDS_CROSS_CHECK' });
    expect(amendment(recorded, { kind: 'direction', direction: 'entry' })).toBe('no-change');
    expect(amendment(recorded, { kind: 'void' })).toEqual({ kind: 'void', disposition: 'cancelled' });
  });

  it('an operator amends only their own last crossing within the window; a shift lead any; a voided one stays voided', () => {
    const facts = {
      actor: { id: 'op', role: 'operator' },
      crossing: { operatorId: 'op', recordedAtMs: 0 },
      actorsLastCrossingId: 'c1',
      crossingId: 'c1',
      state: recorded,
      nowMs: 15 * MIN,
      windowMinutes: 15,
    };
    expect(amendRefusal(facts)).toBeNull();
    expect(amendRefusal({ ...facts, nowMs: 15 * MIN + 1 })).toBe('window-passed');
    expect(amendRefusal({ ...facts, actorsLastCrossingId: 'c2' })).toBe('not-your-last');
    expect(amendRefusal({ ...facts, crossing: { operatorId: 'other', recordedAtMs: 0 } })).toBe('not-yours');
    expect(amendRefusal({ ...facts, actor: { id: 'lead', role: 'shift-lead' }, nowMs: 10_000 * MIN })).toBeNull();
    expect(amendRefusal({ ...facts, actor: { id: 'lead', role: 'shift-lead' }, state: { ...recorded, disposition: 'cancelled' } })).toBe('cancelled');
  });

  it('admitting takes a consular officer or shift lead other than the recording operator, for a held or refused traveller', () => {
    expect(admitRefusal({ state: recorded, authoriser: { id: 'c', role: 'consular' }, operatorId: 'op' })).toBeNull();
    expect(admitRefusal({ state: { ...recorded, disposition: 'held' }, authoriser: { id: 'l', role: 'shift-lead' }, operatorId: 'op' })).toBeNull();
    expect(admitRefusal({ state: recorded, authoriser: { id: 'op2', role: 'operator' }, operatorId: 'op' })).toBe('authoriser-role');
    expect(admitRefusal({ state: recorded, authoriser: { id: 'l', role: 'shift-lead' }, operatorId: 'l' })).toBe('authoriser-is-operator');
    expect(admitRefusal({ state: { ...recorded, disposition: 'crossed' }, authoriser: { id: 'c', role: 'consular' }, operatorId: 'op' })).toBe('not-held-or-refused');
    expect(refuseRefusal({ ...recorded, disposition: 'held' })).toBeNull();
    expect(refuseRefusal(recorded)).toBe('not-held-or-refused');
  });

  it('the alerts that say someone crossed are raised only for a crossing that crossed', () => {
    const base: CrossingAlertFacts = {
      disposition: 'crossed',
      direction: 'exit',
      onCorridor: true,
      paired: false,
      inGroup: true,
      onManifest: false,
      expired: true,
      minor: true,
      companionNamed: false,
    };
    expect(crossingAlertTypes(base)).toEqual(['unexpected-arrival', 'expired-passport', 'minor-without-companion']);
    for (const disposition of ['refused', 'held', 'cancelled'] as const) expect(crossingAlertTypes({ ...base, disposition })).toEqual([]);
    expect(crossingAlertTypes({ ...base, direction: 'entry', expired: false, minor: false })).toEqual(['not-on-manifest']);
    expect(crossingAlertTypes({ ...base, direction: 'entry', onManifest: true, expired: false, companionNamed: true })).toEqual([]);
  });
});
