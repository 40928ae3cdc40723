import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, afterFailedAttempt, decideAccess, isLocked, pinProblem, roleMay } from '../../../../shared/domain/auth';

describe('permission decisions', () => {
  it('allows sign-in to anyone, the wizard only before the first user, and roles per table', () => {
    expect(decideAccess('anyone', null, false)).toBe('allowed');
    expect(decideAccess('first-run', null, false)).toBe('allowed');
    expect(decideAccess('first-run', { role: 'admin' }, true)).toBe('setup-done');
    expect(decideAccess(['admin'], null, false)).toBe('setup-required');
    expect(decideAccess(['admin'], null, true)).toBe('sign-in-required');
    expect(decideAccess(['admin'], { role: 'operator' }, true)).toBe('forbidden');
    expect(decideAccess(['admin'], { role: 'admin' }, true)).toBe('allowed');
    expect(decideAccess(undefined, { role: 'admin' }, true)).toBe('forbidden');
    expect(roleMay('consular', 'overrideCrossing')).toBe(true);
    expect(roleMay('shift-lead', 'overrideCrossing')).toBe(false);
    expect(roleMay('admin', 'noSuchMethod')).toBe(false);
  });
});

describe('PIN policy', () => {
  it('wants 6 to 12 digits that are not a run or a repeat', () => {
    expect(pinProblem('482916')).toBeNull();
    for (const pin of ['12345', '123456', '654321', '000000', '12a456', '1234567890123']) expect(pinProblem(pin), pin).not.toBeNull();
  });
  it('locks on the fifth wrong PIN and starts counting afresh after the lock runs out', () => {
    let state = { failedAttempts: 0, lockedUntilMs: null as number | null };
    for (let i = 0; i < 4; i += 1) state = afterFailedAttempt(state, 1000);
    expect(isLocked(state, 1000)).toBe(false);
    state = afterFailedAttempt(state, 1000);
    expect(state).toEqual({ failedAttempts: 5, lockedUntilMs: 1000 + LOCKOUT_MS });
    expect(isLocked(state, 1000 + LOCKOUT_MS - 1)).toBe(true);
    expect(afterFailedAttempt(state, 2000 + LOCKOUT_MS)).toEqual({ failedAttempts: 1, lockedUntilMs: null });
  });
});
