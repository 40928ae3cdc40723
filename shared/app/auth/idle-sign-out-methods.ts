import type { CoreApi, IdleSignOut } from '../../contract';
import { SettingsRepo } from '../../node/db/settings-repo';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';

/** The station setting; absent until an administrator saves one, the host's idle time applying till then. */
export const IDLE_SIGN_OUT_KEY = 'session.idleSignOutMinutes';
const MINUTE_MS = 60_000;

/** The idle time saved on the Settings screen, if any (a stored value that is not minutes counts as none). */
export function storedIdleSignOutMs(ctx: Pick<CoreContext, 'store'>): number | undefined {
  const raw = new SettingsRepo(ctx.store.database).get(IDLE_SIGN_OUT_KEY);
  const minutes = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(minutes) && minutes >= 0 && minutes <= 1440 ? minutes * MINUTE_MS : undefined;
}

/** Administrators set the lane's idle sign-out (audited); it applies at once, and after a restart. */
export function idleSignOutMethods(ctx: CoreContext): Pick<CoreApi, 'getIdleSignOut' | 'setIdleSignOut'> {
  const current = (): IdleSignOut => ({ minutes: Math.round(ctx.idleSignOutMs / MINUTE_MS) });
  return {
    getIdleSignOut: defineMethod('getIdleSignOut', () => current(), ctx),
    setIdleSignOut: defineMethod(
      'setIdleSignOut',
      (input) => {
        ctx.store.transaction(() => {
          new SettingsRepo(ctx.store.database).set(IDLE_SIGN_OUT_KEY, String(input.minutes));
          audit(ctx, 'settings.idle-sign-out-set', 'setting', IDLE_SIGN_OUT_KEY, { minutes: input.minutes });
        });
        ctx.idleSignOutMs = input.minutes * MINUTE_MS;
        ctx.events.emit({ type: 'log-changed', what: 'setup' }, ctx.onListenerError);
        return current();
      },
      ctx,
    ),
  };
}
