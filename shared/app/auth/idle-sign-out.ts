import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { DEFAULT_IDLE_SIGN_OUT_MS } from './session';

/**
 * Signs out the person at the lane once nobody has acted as them for `ctx.idleSignOutMs`, so a lane
 * left alone does not stay open to whoever walks up. Audited, and the screens go back to sign-in.
 */
export function signOutIfIdle(ctx: CoreContext): boolean {
  if (!(ctx.idleSignOutMs > 0)) return false;
  const nowMs = ctx.now().getTime();
  const user = ctx.session.current;
  if (!user || !ctx.session.isIdle(nowMs, ctx.idleSignOutMs)) return false;
  ctx.store.transaction(() => audit(ctx, 'auth.signed-out', 'user', user.id, { reason: 'idle', idleMs: ctx.idleSignOutMs }));
  ctx.session.signOut();
  ctx.events.emit({ type: 'log-changed', what: 'session' }, ctx.onListenerError);
  return true;
}

/**
 * The hosts' setting (`--idle-minutes`, or CHECKPOINT_IDLE_MINUTES): minutes, 0 for never; unset gives
 * the 10-minute default for a lane. Anything else stops start-up with a sentence.
 */
export function idleSignOutMsFrom(minutes: string | undefined): number {
  if (minutes === undefined || minutes.trim() === '') return DEFAULT_IDLE_SIGN_OUT_MS;
  const value = Number(minutes);
  if (!Number.isFinite(value) || value < 0 || value > 24 * 60) {
    throw new Error(`the idle sign-out time must be a number of minutes from 0 (never) to 1440, got "${minutes}"`);
  }
  return Math.round(value * 60_000);
}
