import { createContext, useContext } from 'react';
import type { CoreMethodName, SessionUser, WhoAmI } from '../../shared/contract';
import type { CoreErrorLike } from '../i18n';

/** Who is signed in at this lane and at which station, as the core says; one for the whole window. */
export interface Session {
  /** null until the core first answers. */
  readonly who: WhoAmI | null;
  readonly user: SessionUser | null;
  readonly station: WhoAmI['station'] | null;
  readonly error: CoreErrorLike | null;
  readonly errorText: string | null;
  /** Whether the signed-in role may call a method (the core checks every call anyway; screens hide what it refuses). */
  readonly may: (method: CoreMethodName) => boolean;
  readonly refresh: () => Promise<void>;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** The signed-in user, for screens that only appear while someone is signed in. */
export function useSignedInUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useSignedInUser while nobody is signed in');
  return user;
}
