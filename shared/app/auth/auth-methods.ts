import { type CoreApi } from '../../contract';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { stationCheckpointId } from '../corridors/station-config';
import { defineMethod } from '../define-method';
import { bootstrapStation } from './bootstrap-station';
import { signIn } from './sign-in';
import { trustStationKey } from './trust-station';

type AuthMethods =
  | 'whoAmI'
  | 'login'
  | 'logout'
  | 'bootstrapStation'
  | 'getStationIdentity'
  | 'trustStation';

export function authMethods(ctx: CoreContext, setStationId: (id: string) => void): Pick<CoreApi, AuthMethods> {
  const sessionChanged = () => ctx.events.emit({ type: 'log-changed', what: 'session' }, ctx.onListenerError);
  return {
    whoAmI: defineMethod(
      'whoAmI',
      () => {
        const checkpointId = stationCheckpointId(ctx);
        return {
          user: ctx.session.current,
          needsSetup: ctx.repos.operators.count() === 0,
          station: { id: ctx.stationId, checkpointId, checkpointName: checkpointId ? (ctx.repos.corridors.getCheckpoint(checkpointId)?.name ?? null) : null },
        };
      },
      ctx,
    ),
    login: defineMethod(
      'login',
      async (input) => {
        const user = await signIn(ctx, input.username, input.pin, input.newPin);
        sessionChanged();
        return user;
      },
      ctx,
    ),
    logout: defineMethod(
      'logout',
      () => {
        const user = ctx.session.current;
        if (!user) return { signedOut: false };
        ctx.store.transaction(() => audit(ctx, 'auth.signed-out', 'user', user.id));
        ctx.session.signOut();
        sessionChanged();
        return { signedOut: true };
      },
      ctx,
    ),
    bootstrapStation: defineMethod(
      'bootstrapStation',
      async (input) => {
        const admin = await bootstrapStation(ctx, input, setStationId);
        ctx.events.emit({ type: 'log-changed', what: 'setup' }, ctx.onListenerError);
        return admin;
      },
      ctx,
    ),
    getStationIdentity: defineMethod(
      'getStationIdentity',
      () => ({ stationId: ctx.stationId, checkpointId: stationCheckpointId(ctx), publicKey: ctx.stationKey.publicKey, fingerprint: ctx.stationKey.fingerprint }),
      ctx,
    ),
    trustStation: defineMethod('trustStation', (input) => trustStationKey(ctx, input), ctx),
  };
}
