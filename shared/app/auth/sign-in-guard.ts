import { SIGN_IN_WINDOW_MS, stationBackoffMs, type LockState } from '../../domain/auth';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What sign-in remembers besides the operators table (in memory, per running station):
 * - lock states for user names that do not exist, so an unknown name gets the same answers as a known
 *   one with wrong PINs, up to the lock;
 * - the station's recent wrong sign-ins, for the station-wide backoff that slows guessing across names;
 * - each account's lock-outs in the last day, written into the `auth.locked` audit row.
 */
export class SignInGuard {
  private readonly phantoms = new Map<string, LockState>();
  private failures: number[] = [];
  private readonly lockouts = new Map<string, number[]>();

  /** Milliseconds until the station takes the next attempt (0: now). */
  waitMs(nowMs: number): number {
    this.failures = this.failures.filter((at) => at > nowMs - SIGN_IN_WINDOW_MS);
    const last = this.failures.at(-1);
    if (last === undefined) return 0;
    return Math.max(0, last + stationBackoffMs(this.failures.length) - nowMs);
  }

  failed(nowMs: number): void {
    this.failures.push(nowMs);
  }

  phantom(username: string): LockState {
    return this.phantoms.get(username) ?? { failedAttempts: 0, lockedUntilMs: null };
  }

  setPhantom(username: string, state: LockState): void {
    // Bounded: a flood of made-up names must not grow the station's memory.
    if (this.phantoms.size >= 10_000 && !this.phantoms.has(username)) this.phantoms.delete(this.phantoms.keys().next().value ?? '');
    this.phantoms.set(username, state);
  }

  /** Records a lock-out of `account`; returns how many it has had in the last day, this one included. */
  lockedOut(account: string, nowMs: number): number {
    const recent = (this.lockouts.get(account) ?? []).filter((at) => at > nowMs - DAY_MS);
    recent.push(nowMs);
    this.lockouts.set(account, recent);
    return recent.length;
  }
}
