import type { SessionUser } from '../../contract';

/** The idle time after which the person at the lane is signed out, unless the host sets another. */
export const DEFAULT_IDLE_SIGN_OUT_MS = 10 * 60 * 1000;

/** The person signed in at this lane: the station is one lane, one person at a time. */
export class Session {
  private user: SessionUser | null = null;
  private lastActiveMs = 0;

  get current(): SessionUser | null {
    return this.user;
  }

  signIn(user: SessionUser, nowMs = Date.now()): void {
    this.user = user;
    this.lastActiveMs = nowMs;
  }

  signOut(): SessionUser | null {
    const was = this.user;
    this.user = null;
    return was;
  }

  /** A call that acts as the signed-in person keeps the session alive; polling the status bar does not. */
  touch(nowMs: number): void {
    this.lastActiveMs = Math.max(this.lastActiveMs, nowMs);
  }

  /** Whether the session has been idle for `idleMs` (0 turns idle sign-out off). */
  isIdle(nowMs: number, idleMs: number): boolean {
    return this.user !== null && idleMs > 0 && nowMs - this.lastActiveMs >= idleMs;
  }

  /** The audit log's actor: the user id, or the station itself for automatic changes (sweeps, imports at start). */
  actor(): string {
    return this.user ? `user:${this.user.id}` : 'station';
  }
}
