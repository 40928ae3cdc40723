import { useCallback, useEffect, useRef } from 'react';

/**
 * One refresh for a burst of core events. A crossing arrives as several events (the crossing, its alerts, its
 * pairing) and each used to start its own round of reads on the core's only thread, ahead of the next scan. Requests
 * made while one refresh waits or runs become a single refresh after it; requests in the same task are one.
 */
export function coalesce(run: () => Promise<void>, defer: (next: () => void) => void = (next) => setTimeout(next, 0)): { request: () => void; stop: () => void } {
  let state: 'idle' | 'scheduled' | 'running' = 'idle';
  let again = false;
  let stopped = false;
  const start = () => {
    if (stopped) return;
    state = 'running';
    again = false;
    void run()
      .catch(() => undefined)
      .finally(() => {
        state = 'idle';
        if (again) request();
      });
  };
  const request = () => {
    if (stopped) return;
    if (state === 'running') {
      again = true;
      return;
    }
    if (state === 'scheduled') return;
    state = 'scheduled';
    defer(start);
  };
  return {
    request,
    stop: () => {
      stopped = true;
    },
  };
}

/** `coalesce` for a component: the latest `run` is used, and nothing starts after unmount. */
export function useCoalescedRefresh(run: () => Promise<void>): () => void {
  const latest = useRef(run);
  latest.current = run;
  const coalesced = useRef<ReturnType<typeof coalesce> | null>(null);
  useEffect(
    () => () => {
      coalesced.current?.stop();
      coalesced.current = null;
    },
    [],
  );
  return useCallback(() => {
    coalesced.current ??= coalesce(() => latest.current());
    coalesced.current.request();
  }, []);
}
