import { coreError, type CoreApi, type CoreMethodName, type CoreResult } from '../../contract';
import { METHOD_ACCESS, ROLE_LABEL, decideAccess, type Access } from '../../domain/auth';
import { err } from '../../domain/result';
import type { CoreContext } from '../core-context';
import { signOutIfIdle } from './idle-sign-out';

// The compiler proves every CoreApi method has an entry; at run time a missing entry is denied anyway.
const ACCESS: Record<CoreMethodName, Access> = METHOD_ACCESS;

const who = (access: Access): string =>
  typeof access === 'string' ? 'someone else' : access.map((role) => ROLE_LABEL[role].toLowerCase()).join(' or ');

/**
 * Enforces the permission table for every CoreApi method in one place, before the method runs (and
 * before its input is even looked at). Hosts and screens cannot get around it: they only see this API.
 */
export function guardMethods<T extends Partial<CoreApi>>(methods: T, ctx: CoreContext): T {
  let hasUsers = ctx.repos.operators.count() > 0;
  const guarded: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods) as [string, (input: unknown) => Promise<CoreResult<unknown>>][]) {
    guarded[name] = async (input: unknown): Promise<CoreResult<unknown>> => {
      if (ctx.isClosed()) return err(coreError('unavailable', 'The station core is shutting down.'));
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
          return err(coreError('forbidden', 'This station is not set up yet: an administrator must complete the first-run setup.'));
        case 'setup-done':
          return err(coreError('conflict', 'This station is already set up. Sign in instead.'));
        case 'sign-in-required':
          return err(coreError('unauthenticated', 'Sign in first: enter your user name and PIN.'));
        case 'forbidden':
          return err(
            coreError(
              'forbidden',
              access === undefined
                ? `No one may call ${name}: it is not in the permission table.`
                : `Signed in as ${ROLE_LABEL[user?.role ?? 'operator'].toLowerCase()}, you may not do this (${name}); it needs a ${who(access)}.`,
            ),
          );
      }
    };
  }
  return guarded as T;
}
