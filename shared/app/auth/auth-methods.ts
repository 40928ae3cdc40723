import { CoreFailure, type CoreApi, type User } from '../../contract';
import { pinProblem } from '../../domain/auth';
import { pinFailure } from './pin-failure';
import type { OperatorRow } from '../../node/db';
import { hashPin } from '../../node/keys';
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
  | 'listUsers'
  | 'createUser'
  | 'unlockUser'
  | 'getStationIdentity'
  | 'trustStation';

const toUser = (row: OperatorRow, nowMs: number): User => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  active: row.active,
  failedAttempts: row.failedAttempts,
  lockedUntil: row.lockedUntilMs !== null && row.lockedUntilMs > nowMs ? new Date(row.lockedUntilMs).toISOString() : null,
  createdAt: row.createdAt,
});

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
        const user = await signIn(ctx, input.username, input.pin);
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
    listUsers: defineMethod('listUsers', () => ({ items: ctx.repos.operators.list().map((row) => toUser(row, ctx.now().getTime())) }), ctx),
    createUser: defineMethod(
      'createUser',
      async (input) => {
        const problem = pinProblem(input.pin);
        if (problem) throw pinFailure(problem);
        if (ctx.repos.operators.findByUsername(input.username)) throw new CoreFailure('conflict', 'auth.userNameTaken', { user: input.username });
        const pinHash = await hashPin(input.pin, ctx.pinHashCost);
        const id = ctx.newId();
        const createdAt = ctx.now().toISOString();
        ctx.store.transaction(() => {
          if (ctx.repos.operators.findByUsername(input.username)) throw new CoreFailure('conflict', 'auth.userNameTaken', { user: input.username });
          ctx.repos.operators.insert({ id, username: input.username, displayName: input.displayName, role: input.role, pinHash, createdAt });
          audit(ctx, 'user.created', 'user', id, { role: input.role });
        });
        const row = ctx.repos.operators.get(id);
        if (!row) throw new CoreFailure('internal', 'auth.userNotSaved');
        return toUser(row, ctx.now().getTime());
      },
      ctx,
    ),
    unlockUser: defineMethod(
      'unlockUser',
      (input) => {
        const row = ctx.repos.operators.get(input.userId);
        if (!row) throw new CoreFailure('not-found', 'auth.noSuchUser');
        ctx.store.transaction(() => {
          ctx.repos.operators.setLock(row.id, 0, null, ctx.now().toISOString());
          audit(ctx, 'user.unlocked', 'user', row.id);
        });
        return toUser({ ...row, failedAttempts: 0, lockedUntilMs: null }, ctx.now().getTime());
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
