import { useCallback, useMemo, type ReactNode } from 'react';
import type { CoreMethodName } from '../../shared/contract';
import { roleMay } from '../../shared/domain/auth';
import { useCore } from '../core-client/core-context';
import { useCoreQuery } from '../core-query';
import { SessionContext, type Session } from './session-context';

/** Asks the core who is signed in, and again whenever the core reports a sign-in, sign-out or first-run setup. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const core = useCore();
  const query = useCoreQuery('whoAmI', {}, { on: ['session', 'setup'] });
  const { refresh } = query;
  const who = query.data ?? null;
  const user = who?.user ?? null;
  const signOut = useCallback(async () => {
    await core.logout({});
    await refresh();
  }, [core, refresh]);
  const may = useCallback((method: CoreMethodName) => (user ? roleMay(user.role, method) : false), [user]);
  const session = useMemo<Session>(
    () => ({ who, user, station: who?.station ?? null, error: query.error, errorText: query.errorText, may, refresh, signOut }),
    [who, user, query.error, query.errorText, may, refresh, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
