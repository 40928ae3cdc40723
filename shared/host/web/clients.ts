import { randomBytes } from 'node:crypto';
import { METHOD_ACCESS, type Access } from '../../domain/auth';
import { newLaunchToken, tokensMatch } from './token';

/** A launch code is good for one browser start, and only for ten minutes: it may have been seen in `ps`. */
export const LAUNCH_CODE_TTL_MS = 10 * 60 * 1000;

export type SessionCheck = 'allowed' | 'signed-in-elsewhere';

/**
 * The browsers that may call this host, each known by its own bearer token, and which of them holds
 * the station's signed-in session.
 *
 * - The launch token (`WebHost.token`) is for the process that started the host; it is never printed
 *   unless asked for.
 * - A browser gets its own token by exchanging a one-time launch code (`/launch?code=…`): the code can
 *   show in `ps` when `--open` starts a browser, but is useless once used or after ten minutes.
 * - The core has one session (one person at a lane). Only the client that signed in may act as that
 *   person; another client sees the station signed out and can only sign in itself, which ends the
 *   first client's session.
 */
export class HostClients {
  private readonly tokens: string[];
  private readonly codes = new Map<string, number>();
  private owner: string | null = null;

  constructor(
    readonly launchToken: string,
    private readonly nowMs: () => number = Date.now,
  ) {
    this.tokens = [launchToken];
  }

  /** The client presenting this bearer token, or undefined. */
  clientOf(bearer: string | undefined | null): string | undefined {
    return this.tokens.find((token) => tokensMatch(token, bearer));
  }

  newLaunchCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, this.nowMs() + LAUNCH_CODE_TTL_MS);
    return code;
  }

  /** Spends a launch code for a fresh client token; undefined when it is unknown, used or expired. */
  exchange(code: string | null): string | undefined {
    if (code === null) return undefined;
    const expires = this.codes.get(code);
    this.codes.delete(code);
    for (const [other, until] of this.codes) if (until <= this.nowMs()) this.codes.delete(other);
    if (expires === undefined || expires <= this.nowMs()) return undefined;
    const token = newLaunchToken();
    this.tokens.push(token);
    return token;
  }

  /** Whether a client may call a method given who holds the session. */
  check(client: string, method: string): SessionCheck {
    const access = (METHOD_ACCESS as Record<string, Access>)[method];
    if (this.owner === null || this.owner === client || access === 'anyone' || access === 'first-run') return 'allowed';
    return 'signed-in-elsewhere';
  }

  /** `whoAmI` and `logout` answer another client as if nobody were signed in. */
  isOwner(client: string): boolean {
    return this.owner === null || this.owner === client;
  }

  signedIn(client: string): void {
    this.owner = client;
  }

  signedOut(): void {
    this.owner = null;
  }
}
