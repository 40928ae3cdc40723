import { CoreFailure, type SessionUser } from '../../contract';
import { afterFailedAttempt, isLocked, MAX_FAILED_ATTEMPTS } from '../../domain/auth';
import { dummyPinHash, verifyPin } from '../../node/keys';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 16);

/**
 * Checks a user name and PIN. Wrong PINs count; the fifth in a row locks the account for 15 minutes
 * (LOCKOUT_MS), and the message says so and until when. Unknown names take as long as wrong PINs.
 * Nobody is signed in by this: a second person confirming a decision at the lane uses it too.
 */
export async function checkCredentials(ctx: CoreContext, username: string, pin: string): Promise<SessionUser> {
  const user = ctx.log.operators.findByUsername(username);
  if (!user || !user.active) {
    await verifyPin(pin, dummyPinHash(ctx.pinHashCost));
    throw new CoreFailure('unauthenticated', 'Unknown user name or wrong PIN.');
  }
  const nowMs = ctx.now().getTime();
  if (isLocked(user, nowMs)) {
    throw new CoreFailure('forbidden', `Too many wrong PINs: ${user.username} is locked until ${clock(user.lockedUntilMs ?? nowMs)} UTC. A shift lead or an administrator can unlock it now.`);
  }
  const correct = await verifyPin(pin, user.pinHash);
  const at = ctx.now().toISOString();
  if (!correct) {
    const next = afterFailedAttempt(user, nowMs);
    const locked = isLocked(next, nowMs);
    ctx.store.transaction(() => {
      ctx.log.operators.setLock(user.id, next.failedAttempts, next.lockedUntilMs, at);
      audit(ctx, locked ? 'auth.locked' : 'auth.failed', 'user', user.id, { failedAttempts: next.failedAttempts });
    });
    if (locked) {
      throw new CoreFailure('forbidden', `Wrong PIN ${MAX_FAILED_ATTEMPTS} times: ${user.username} is locked until ${clock(next.lockedUntilMs ?? nowMs)} UTC. A shift lead or an administrator can unlock it now.`);
    }
    const left = MAX_FAILED_ATTEMPTS - next.failedAttempts;
    throw new CoreFailure('unauthenticated', `Unknown user name or wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before the account locks.`);
  }
  if (user.failedAttempts > 0 || user.lockedUntilMs !== null) ctx.store.transaction(() => ctx.log.operators.setLock(user.id, 0, null, at));
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
