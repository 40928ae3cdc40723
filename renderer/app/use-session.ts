import { useCallback, useEffect, useState } from 'react';
import type { CoreError, WhoAmI } from '../../shared/contract';
import { useCore } from '../core-client/core-context';

/** Who is signed in at this lane, as the core says; reloaded whenever the core reports a session change. */
export function useSession() {
  const core = useCore();
  const [who, setWho] = useState<WhoAmI | null>(null);
  const [error, setError] = useState<CoreError | null>(null);

  const refresh = useCallback(async () => {
    const result = await core.whoAmI({});
    if (result.ok) {
      setWho(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [core]);

  useEffect(() => {
    void refresh();
    return core.onEvent((event) => {
      if (event.type === 'log-changed' && (event.what === 'session' || event.what === 'setup')) void refresh();
    });
  }, [core, refresh]);

  return { who, error, refresh };
}
