import type { SessionUser } from '../../contract';

/** The person signed in at this lane: the station is one lane, one person at a time (issue 11). */
export class Session {
  private user: SessionUser | null = null;

  get current(): SessionUser | null {
    return this.user;
  }

  signIn(user: SessionUser): void {
    this.user = user;
  }

  signOut(): SessionUser | null {
    const was = this.user;
    this.user = null;
    return was;
  }

  /** The audit log's actor: the user id, or the station itself for automatic changes (sweeps, imports at start). */
  actor(): string {
    return this.user ? `user:${this.user.id}` : 'station';
  }
}
