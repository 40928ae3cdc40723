import { keyedError, type CoreApi, type CoreMethodName, type CoreResult } from '../../contract';
import { METHOD_ACCESS, decideAccess, type Access } from '../../domain/auth';
import { err } from '../../domain/result';
import type { CoreContext } from '../core-context';
import { signOutIfIdle } from './idle-sign-out';

// The compiler proves every CoreApi method has an entry; at run time a missing entry is denied anyway.
const ACCESS: Record<CoreMethodName, Access> = METHOD_ACCESS;


/**
 * Enforces the permission table for every CoreApi method in one place, before the method runs (and
 * before its input is even looked at). Hosts and screens cannot get around it: they only see this API.
 */
export function guardMethods<T extends Partial<CoreApi>>(methods: T, ctx: CoreContext): T {
  let hasUsers = ctx.repos.operators.count() > 0;
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods) as [string, (input: unknown) => Promise<CoreResult<unknown>>][]) {
    guarded[name] = async (input: unknown): Promise<CoreResult<unknown>> => {
      if (ctx.isClosed()) return err(keyedError('unavailable', 'core.closing'));
      // Once a user exists it stays so (users are deactivated, never deleted): no query per call after that.
      if (!hasUsers) hasUsers = ctx.repos.operators.count() > 0;
      const access = (ACCESS as Record<string, Access | undefined>)[name];
      signOutIfIdle(ctx);
      const user = ctx.session.current;
      switch (decideAccess(access, user, hasUsers)) {
        case 'allowed':
          if (user && ctx.idleSignOutMs > 0 && Array.isArray(access)) ctx.session.touch(ctx.now().getTime());
          return method(input);
        case 'setup-required':
          return err(keyedError('forbidden', 'access.setupRequired'));
        case 'setup-done':
          return err(keyedError('conflict', 'access.setupDone'));
        case 'sign-in-required':
          return err(keyedError('unauthenticated', 'access.signInRequired'));
        case 'forbidden': {
          const role = user?.role ?? 'operator';
          if (access === undefined) return err(keyedError('forbidden', 'access.notInTable', { method: name }));
          if (typeof access === 'string') return err(keyedError('forbidden', 'access.noOne', { method: name, role }));
          return err(keyedError('forbidden', 'access.forbidden', { method: name, role, roles: access.join(',') }));
        }
      }
    };
  }
  return guarded as T;
}
