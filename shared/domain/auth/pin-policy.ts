import type { Problem } from '../result';

/** PINs are digits typed on the lane keyboard; six or more keep a guess per lock-out window unlikely. */
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
/** Wrong PINs in a row before the account locks (NIST SP 800-63B §5.2.2 asks for a limit of at most 100). */
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** What is wrong with a PIN: `kind` names the rule (screens translate it), `message` says it in English. */
export interface PinProblem extends Problem<'pin-format'> {
  readonly kind: 'digits-only' | 'length' | 'too-easy';
}

export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d+$/.test(pin)) return { code: 'pin-format', kind: 'digits-only', message: 'A PIN is digits only.' };
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) {
    return { code: 'pin-format', kind: 'length', message: `A PIN has ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits.` };
  }
  if (/^(\d)\1+$/.test(pin) || '01234567890123'.includes(pin) || '98765432109876'.includes(pin)) {
    return { code: 'pin-format', kind: 'too-easy', message: 'This PIN is too easy to guess (repeated or consecutive digits).' };
  }
  return null;
}

export interface LockState {
  readonly failedAttempts: number;
  readonly lockedUntilMs: number | null;
}

export const isLocked = (state: LockState, nowMs: number): boolean => state.lockedUntilMs !== null && state.lockedUntilMs > nowMs;

/** The state after one more wrong PIN: the fifth in a row locks the account for LOCKOUT_MS. */
export function afterFailedAttempt(state: LockState, nowMs: number): LockState {
  // A lock that has run out starts a fresh count, so one more wrong PIN does not lock again at once.
  const expired = state.lockedUntilMs !== null && state.lockedUntilMs <= nowMs;
  const failedAttempts = (expired ? 0 : state.failedAttempts) + 1;
  return failedAttempts >= MAX_FAILED_ATTEMPTS ? { failedAttempts, lockedUntilMs: nowMs + LOCKOUT_MS } : { failedAttempts, lockedUntilMs: expired ? null : state.lockedUntilMs };
}

/**
 * The state that counts one more attempt *before* its PIN is compared, so concurrent attempts cannot
 * all read the same count: a lock that has run out starts a fresh count.
 */
export function chargeAttempt(state: LockState, nowMs: number): LockState {
  const expired = state.lockedUntilMs !== null && state.lockedUntilMs <= nowMs;
  return { failedAttempts: (expired ? 0 : state.failedAttempts) + 1, lockedUntilMs: expired ? null : state.lockedUntilMs };
}

/** Station-wide wrong sign-ins (any user name) in SIGN_IN_WINDOW_MS before the station slows down. */
export const STATION_FREE_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_STATION_BACKOFF_MS = 60 * 1000;

/** How long the station waits after its latest wrong sign-in: 1 s, 2 s, 4 s … per failure past the free ones, at most a minute. */
export function stationBackoffMs(failuresInWindow: number): number {
  if (failuresInWindow < STATION_FREE_FAILURES) return 0;
  return Math.min(1000 * 2 ** (failuresInWindow - STATION_FREE_FAILURES), MAX_STATION_BACKOFF_MS);
}
