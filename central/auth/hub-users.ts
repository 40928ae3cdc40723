import { createHash, randomBytes } from 'node:crypto';
import { HUB_USER_NAME, type HubRole } from '../../shared/domain/central';
import { dummyPinHash, hashPin, PIN_HASH_COST, verifyPin, type PinHashCost } from '../../shared/node/keys/pin-hash';
import { appendCentralAudit } from '../board/central-audit';
import type { Sql } from '../store/sql';
import { newOneTimePassword } from './one-time-password';

/** Wrong secrets in a row before the account locks (OWASP authentication cheat sheet: lock after a few failures). */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
/** A session ends this long after sign-in, used or not: a board left open overnight asks again in the morning. */
export const SESSION_HOURS = 12;

export interface HubUser {
  readonly name: string;
  readonly role: HubRole;
  readonly createdAt: string;
  readonly lockedUntil: string | null;
  readonly disabledAt: string | null;
}

export interface HubSession {
  readonly user: { readonly name: string; readonly role: HubRole };
  readonly expiresAtMs: number;
}

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly token: string; readonly session: HubSession }
  | { readonly kind: 'refused' }
  | { readonly kind: 'locked'; readonly untilMs: number };

export class HubUserExistsError extends Error {}
export class HubUserNameError extends Error {}

interface UserRow {
  name: string;
  role: HubRole;
  created_at: Date | string;
  locked_until: Date | string | null;
  disabled_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const userOf = (r: UserRow): HubUser => ({ name: r.name, role: r.role, createdAt: iso(r.created_at)!, lockedUntil: iso(r.locked_until), disabledAt: iso(r.disabled_at) });
const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The hub's web UI users, their sign-in with lock-out, and their sessions (tables of migration 0005). */
export class HubUsers {
  private readonly dummyHash: string;

  constructor(
    private readonly sql: Sql,
    private readonly hashCost: PinHashCost = PIN_HASH_COST,
  ) {
    this.dummyHash = dummyPinHash(hashCost);
  }

  /** A new user with a one-time password, returned this once; audited with `actor`. */
  async add(name: string, role: HubRole, actor: string): Promise<{ user: HubUser; password: string }> {
    if (!HUB_USER_NAME.test(name)) throw new HubUserNameError(`"${name}" is not a user name: 1–64 letters, digits, ".", "-" or "_", starting with a letter or digit`);
    const password = newOneTimePassword();
    const hash = await hashPin(password, this.hashCost);
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query<UserRow>(
        `INSERT INTO central_users (name, role, secret_hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING name, role, created_at, locked_until, disabled_at`,
        [name, role, hash],
      );
      if (!row) throw new HubUserExistsError(`user ${name} already exists`);
      await appendCentralAudit(tx, { actor, action: 'user.added', subject: `user:${name}`, details: { role } });
      return { user: userOf(row), password };
    });
  }

  async list(): Promise<HubUser[]> {
    return (await this.sql.query<UserRow>('SELECT name, role, created_at, locked_until, disabled_at FROM central_users ORDER BY name')).map(userOf);
  }

  /**
   * Counts the attempt first, in one UPDATE (an expired lock starts a new count), and compares the hash only when
   * the account was not locked: parallel guesses each take a count before any of them is compared, so no burst
   * gets more than MAX_FAILED_SIGN_INS comparisons. A right secret clears the count.
   */
  async signIn(name: string, secret: string, nowMs: number): Promise<SignInOutcome> {
    const now = new Date(nowMs).toISOString();
    const lockUntil = new Date(nowMs + LOCK_MINUTES * 60_000).toISOString();
    const [counted] = await this.sql.query<{ role: HubRole; secret_hash: string; locked_until: Date | string | null }>(
      `UPDATE central_users
          SET failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_attempts + 1 END,
              locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN NULL
                                  WHEN failed_attempts + 1 >= $3 THEN $4::timestamptz ELSE locked_until END
        WHERE name = $1 AND disabled_at IS NULL AND (locked_until IS NULL OR locked_until <= $2)
        RETURNING role, secret_hash, locked_until`,
      [name, now, MAX_FAILED_SIGN_INS, lockUntil],
    );
    if (!counted) {
      const [locked] = await this.sql.query<{ locked_until: Date | string }>('SELECT locked_until FROM central_users WHERE name = $1 AND disabled_at IS NULL AND locked_until > $2', [name, now]);
      // An unknown name costs the same hash as a known one: the answer's time does not tell which names exist.
      if (!locked) await verifyPin(secret, this.dummyHash);
      return locked ? { kind: 'locked', untilMs: new Date(locked.locked_until).getTime() } : { kind: 'refused' };
    }
    if (!(await verifyPin(secret, counted.secret_hash))) {
      if (counted.locked_until !== null) await appendCentralAudit(this.sql, { actor: name, action: 'user.locked', subject: `user:${name}`, details: { until: iso(counted.locked_until) } });
      return { kind: 'refused' };
    }
    await this.sql.query('UPDATE central_users SET failed_attempts = 0, locked_until = NULL WHERE name = $1', [name]);
    const token = randomBytes(32).toString('base64url');
    const expiresAtMs = nowMs + SESSION_HOURS * 3_600_000;
    await this.sql.query('INSERT INTO central_sessions (token_sha256, user_name, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), name, new Date(expiresAtMs).toISOString()]);
    await appendCentralAudit(this.sql, { actor: name, action: 'user.signed-in', subject: `user:${name}`, details: {} });
    return { kind: 'signed-in', token, session: { user: { name, role: counted.role }, expiresAtMs } };
  }

  /** The session a cookie's token opens, while it lasts and its user is not disabled. */
  async session(token: string, nowMs: number): Promise<HubSession | null> {
    const [row] = await this.sql.query<{ name: string; role: HubRole; expires_at: Date | string }>(
      `SELECT u.name, u.role, s.expires_at FROM central_sessions s JOIN central_users u ON u.name = s.user_name
        WHERE s.token_sha256 = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      [tokenHash(token), new Date(nowMs).toISOString()],
    );
    return row ? { user: { name: row.name, role: row.role }, expiresAtMs: new Date(row.expires_at).getTime() } : null;
  }

  async signOut(token: string): Promise<void> {
    await this.sql.query('UPDATE central_sessions SET ended_at = now() WHERE token_sha256 = $1 AND ended_at IS NULL', [tokenHash(token)]);
  }
}
