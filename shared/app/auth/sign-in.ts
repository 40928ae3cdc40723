import { CoreFailure, type SessionUser } from '../../contract';
import { chargeAttempt, isLocked, LOCKOUT_MS, MAX_FAILED_ATTEMPTS, pinProblem, type LockState } from '../../domain/auth';
import { pinFailure } from './pin-failure';
import type { OperatorRow } from '../../node/db';
import { dummyPinHash, hashPin, verifyPin } from '../../node/keys';
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
async function verifyCredentials(ctx: CoreContext, username: string, pin: string): Promise<OperatorRow> {
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
  return user;
}

const sessionUserOf = (user: OperatorRow): SessionUser => ({ id: user.id, username: user.username, displayName: user.displayName, role: user.role });

/**
 * A PIN an administrator reset opens nothing but the choice of a new one: not the lane, not a second
 * person's confirmation.
 */
export async function checkCredentials(ctx: CoreContext, username: string, pin: string): Promise<SessionUser> {
  const user = await verifyCredentials(ctx, username, pin);
  if (user.pinMustChange) throw new CoreFailure('forbidden', 'auth.newPinRequired');
  return sessionUserOf(user);
}

/** The person's own PIN replaces the one they signed in with (their current or a reset one), audited. */
export async function replaceOwnPin(ctx: CoreContext, user: OperatorRow, oldPin: string, newPin: string): Promise<void> {
  const problem = pinProblem(newPin);
  if (problem) throw pinFailure(problem);
  if (newPin === oldPin) throw new CoreFailure('invalid-input', 'auth.newPinSame');
  const pinHash = await hashPin(newPin, ctx.pinHashCost);
  ctx.store.transaction(() => {
    ctx.repos.operators.setPin(user.id, pinHash, false, ctx.now().toISOString());
    audit(ctx, 'user.pin-changed', 'user', user.id, { afterReset: user.pinMustChange });
  });
}

/** Checks the PIN of the signed-in person (counted like a sign-in) and sets their new one. */
export async function changeOwnPin(ctx: CoreContext, username: string, currentPin: string, newPin: string): Promise<void> {
  const user = await verifyCredentials(ctx, username, currentPin);
  await replaceOwnPin(ctx, user, currentPin, newPin);
}

/**
 * Checks the user name and PIN and makes that person the one signed in at the lane. After an administrator
 * reset the PIN, the sign-in needs the person's new PIN too (`auth.newPinRequired` until it comes).
 */
export async function signIn(ctx: CoreContext, username: string, pin: string, newPin?: string): Promise<SessionUser> {
  const user = await verifyCredentials(ctx, username, pin);
  if (user.pinMustChange) {
    if (newPin === undefined) throw new CoreFailure('forbidden', 'auth.newPinRequired');
    await replaceOwnPin(ctx, user, pin, newPin);
  }
  const session = sessionUserOf(user);
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
