import { useCallback, useEffect, useState } from 'react';
import { HubCallError, hubGet } from './hub-client';

export interface HubQuery<T> {
  readonly data: T | null;
  readonly error: HubCallError | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** One read of the hub API, re-run when `path` or `query` change (by value) and on reload(); `skip` holds it. */
export function useHubQuery<T>(path: string, query: Readonly<Record<string, string | number | undefined>> = {}, skip = false): HubQuery<T> {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ data: T | null; error: HubCallError | null; loading: boolean }>({ data: null, error: null, loading: !skip });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    hubGet<T>(path, JSON.parse(key) as Record<string, string | number | undefined>).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => live && setState((s) => ({ data: s.data, error: error instanceof HubCallError ? error : new HubCallError('generic', 0), loading: false })),
    );
    return () => {
      live = false;
    };
  }, [path, key, skip, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}
