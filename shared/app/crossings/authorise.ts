import { CoreFailure, type SessionUser } from '../../contract';
import { OVERRIDE_ROLES, type OverrideRole } from '../../domain/corridor';
import { checkCredentials } from '../auth/sign-in';
import type { CoreContext } from '../core-context';

export interface Authoriser extends SessionUser {
  readonly role: OverrideRole;
}

const isOverrideRole = (role: string): role is OverrideRole => (OVERRIDE_ROLES as readonly string[]).includes(role);

/**
 * The second person who lets a traveller cross despite the outcome: their own name and PIN (wrong PINs count
 * towards their lock like a sign-in), a consular officer or a shift lead. Nobody is signed in or out by this.
 */
export async function authorise(ctx: CoreContext, username: string, pin: string): Promise<Authoriser> {
  const person = await checkCredentials(ctx, username, pin);
  if (!isOverrideRole(person.role)) {
    throw new CoreFailure('forbidden', 'crossing.authoriserRole', { person: person.displayName });
  }
  return { ...person, role: person.role };
}

/** The signed-in person when they may authorise themselves (consular staff at their queue, a shift lead). */
export function sessionAuthoriser(ctx: CoreContext): Authoriser | undefined {
  const user = ctx.session.current;
  return user && isOverrideRole(user.role) ? { ...user, role: user.role } : undefined;
}
