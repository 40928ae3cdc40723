import { CoreFailure, type CoreApi, type User } from '../../contract';
import { pinProblem, type Role } from '../../domain/auth';
import type { OperatorRow } from '../../node/db';
import { hashPin } from '../../node/keys';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import { pinFailure } from './pin-failure';
import { changeOwnPin } from './sign-in';

type UserMethods = 'listUsers' | 'createUser' | 'unlockUser' | 'setUserActive' | 'setUserRole' | 'resetUserPin' | 'changeMyPin';

const toUser = (row: OperatorRow, nowMs: number): User => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  active: row.active,
  failedAttempts: row.failedAttempts,
  lockedUntil: row.lockedUntilMs !== null && row.lockedUntilMs > nowMs ? new Date(row.lockedUntilMs).toISOString() : null,
  pinMustChange: row.pinMustChange,
  createdAt: row.createdAt,
});

/**
 * The people who sign in at this station, managed by administrators (shift leads see them and unlock
 * them). Nothing leaves the station without an active administrator, and every change is audited.
 */
export function userMethods(ctx: CoreContext): Pick<CoreApi, UserMethods> {
  const userOf = (userId: string): OperatorRow => {
    const row = ctx.repos.operators.get(userId);
    if (!row) throw new CoreFailure('not-found', 'auth.noSuchUser');
    return row;
  };
  const saved = (userId: string): User => toUser(userOf(userId), ctx.now().getTime());
  /** Whether taking `row` out of the active administrators leaves none (checked inside the transaction). */
  const isLastAdmin = (row: OperatorRow): boolean => row.role === 'admin' && row.active && ctx.repos.operators.countActiveAdmins() <= 1;

  return {
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
        const row = userOf(input.userId);
        ctx.store.transaction(() => {
          ctx.repos.operators.setLock(row.id, 0, null, ctx.now().toISOString());
          audit(ctx, 'user.unlocked', 'user', row.id);
        });
        return saved(row.id);
      },
      ctx,
    ),
    setUserActive: defineMethod(
      'setUserActive',
      (input) => {
        ctx.store.transaction(() => {
          const row = userOf(input.userId);
          if (row.active === input.active) return;
          if (!input.active) {
            if (row.id === ctx.session.current?.id) throw new CoreFailure('conflict', 'auth.notYourself');
            if (isLastAdmin(row)) throw new CoreFailure('conflict', 'auth.lastAdmin');
          }
          ctx.repos.operators.setActive(row.id, input.active, ctx.now().toISOString());
          audit(ctx, input.active ? 'user.enabled' : 'user.disabled', 'user', row.id);
        });
        return saved(input.userId);
      },
      ctx,
    ),
    setUserRole: defineMethod(
      'setUserRole',
      (input) => {
        ctx.store.transaction(() => {
          const row = userOf(input.userId);
          if (row.role === input.role) return;
          if (input.role !== 'admin' && isLastAdmin(row)) throw new CoreFailure('conflict', 'auth.lastAdmin');
          ctx.repos.operators.setRole(row.id, input.role, ctx.now().toISOString());
          audit(ctx, 'user.role-changed', 'user', row.id, { from: row.role, to: input.role satisfies Role });
        });
        const session = ctx.session.current;
        // The person signed in keeps working under the role they now have.
        if (session?.id === input.userId && session.role !== input.role) ctx.session.signIn({ ...session, role: input.role }, ctx.now().getTime());
        return saved(input.userId);
      },
      ctx,
    ),
    resetUserPin: defineMethod(
      'resetUserPin',
      async (input) => {
        userOf(input.userId);
        const problem = pinProblem(input.temporaryPin);
        if (problem) throw pinFailure(problem);
        const pinHash = await hashPin(input.temporaryPin, ctx.pinHashCost);
        ctx.store.transaction(() => {
          const row = userOf(input.userId);
          ctx.repos.operators.setPin(row.id, pinHash, true, ctx.now().toISOString());
          audit(ctx, 'user.pin-reset', 'user', row.id);
        });
        return saved(input.userId);
      },
      ctx,
    ),
    changeMyPin: defineMethod(
      'changeMyPin',
      async (input) => {
        const session = ctx.session.current;
        if (!session) throw new CoreFailure('unauthenticated', 'access.signInRequired');
        await changeOwnPin(ctx, session.username, input.currentPin, input.newPin);
        return { changed: true as const };
      },
      ctx,
    ),
  };
}
