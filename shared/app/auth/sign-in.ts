import { CoreFailure, type SessionUser } from '../../contract';
import { chargeAttempt, isLocked, LOCKOUT_MS, MAX_FAILED_ATTEMPTS, type LockState } from '../../domain/auth';
import type { OperatorRow } from '../../node/db';
import { dummyPinHash, verifyPin } from '../../node/keys';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';

/** The lock's end as an instant: screens show it as a time in the station's zone. */
const instant = (ms: number): string => new Date(ms).toISOString();

const lockedFailure = (username: string, untilMs: number) =>
  new CoreFailure('forbidden', 'auth.locked', { user: username, until: instant(untilMs) });

/**
 * Checks a user name and PIN. The attempt is counted *before* the PIN is compared (no await between
 * reading and writing the count), so concurrent guesses cannot share one count: at most five PINs are
 * compared before the account locks for 15 minutes (LOCKOUT_MS). Unknown names get the same answers,
 * counts and timing as known ones, so the answers do not tell whether a name exists. After many wrong
 * sign-ins across any names the whole station waits before taking the next one (SignInGuard).
 * Nobody is signed in by this: a second person confirming a decision at the lane uses it too.
 */
export async function checkCredentials(ctx: CoreContext, username: string, pin: string): Promise<SessionUser> {
  const nowMs = ctx.now().getTime();
  const waitMs = ctx.signInGuard.waitMs(nowMs);
  if (waitMs > 0) {
    throw new CoreFailure('forbidden', 'auth.stationWait', { seconds: Math.ceil(waitMs / 1000) });
  }
  const found = ctx.repos.operators.findByUsername(username);
  const user = found?.active ? found : undefined;
  const before: LockState = user ?? ctx.signInGuard.phantom(username);
  if (isLocked(before, nowMs)) throw lockedFailure(username, before.lockedUntilMs ?? nowMs);
  const charged = chargeAttempt(before, nowMs);
  if (charged.failedAttempts > MAX_FAILED_ATTEMPTS) {
    // The tries are used up by attempts still being compared: lock now, compare nothing.
    const locked = { failedAttempts: charged.failedAttempts, lockedUntilMs: nowMs + LOCKOUT_MS };
    saveLockState(ctx, user, username, locked);
    throw lockedFailure(username, locked.lockedUntilMs);
  }
  saveLockState(ctx, user, username, charged);

  const correct = await verifyPin(pin, user?.pinHash ?? dummyPinHash(ctx.pinHashCost));
  if (!user || !correct) return refuse(ctx, user, username, charged.failedAttempts);

  ctx.store.transaction(() => ctx.repos.operators.setLock(user.id, 0, null, ctx.now().toISOString()));
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/** Checks the user name and PIN (checkCredentials) and makes that person the one signed in at the lane. */
export async function signIn(ctx: CoreContext, username: string, pin: string): Promise<SessionUser> {
  const session = await checkCredentials(ctx, username, pin);
  const previous = ctx.session.current;
  ctx.store.transaction(() => {
    if (previous && previous.id !== session.id) audit(ctx, 'auth.signed-out', 'user', previous.id, { replacedBy: session.id });
    audit(ctx, 'auth.signed-in', 'user', session.id);
  });
  ctx.session.signIn(session, ctx.now().getTime());
  return session;
}

function saveLockState(ctx: CoreContext, user: OperatorRow | undefined, username: string, state: LockState): void {
  if (user) ctx.store.transaction(() => ctx.repos.operators.setLock(user.id, state.failedAttempts, state.lockedUntilMs, ctx.now().toISOString()));
  else ctx.signInGuard.setPhantom(username, state);
}

/** A wrong PIN (or an unknown name): the attempt that used the last try locks the account, audited. */
function refuse(ctx: CoreContext, user: OperatorRow | undefined, username: string, attempt: number): never {
  const nowMs = ctx.now().getTime();
  ctx.signInGuard.failed(nowMs);
  if (attempt >= MAX_FAILED_ATTEMPTS) {
    const lockedUntilMs = nowMs + LOCKOUT_MS;
    if (user) {
      const lockoutsInDay = ctx.signInGuard.lockedOut(user.id, nowMs);
      ctx.store.transaction(() => {
        const current = ctx.repos.operators.get(user.id);
        ctx.repos.operators.setLock(user.id, Math.max(attempt, current?.failedAttempts ?? 0), lockedUntilMs, ctx.now().toISOString());
        audit(ctx, 'auth.locked', 'user', user.id, { failedAttempts: attempt, lockoutsInDay });
      });
    } else {
      ctx.signInGuard.setPhantom(username, { failedAttempts: attempt, lockedUntilMs });
    }
    throw new CoreFailure('forbidden', 'auth.lockedNow', { attempts: MAX_FAILED_ATTEMPTS, user: username, until: instant(lockedUntilMs) });
  }
  if (user) ctx.store.transaction(() => audit(ctx, 'auth.failed', 'user', user.id, { failedAttempts: attempt }));
  const left = MAX_FAILED_ATTEMPTS - attempt;
  throw new CoreFailure('unauthenticated', 'auth.wrongPinTriesLeft', { left });
}
