import type { CoreError, CoreResult } from '../../shared/contract';

export interface QueryState<T> {
  /** The last answer; kept while a newer one loads, so a screen does not blink on every refresh. */
  readonly data: T | undefined;
  readonly error: CoreError | null;
  /** A load is under way (the first one, or a refresh). */
  readonly loading: boolean;
}

export type QueryLoad<T> = () => Promise<CoreResult<T>>;

export interface QueryController<T> {
  getState(): QueryState<T>;
  subscribe(listener: () => void): () => void;
  /** Load now; while a load is under way, one more follows it however many refreshes were asked meanwhile. */
  refresh(): Promise<void>;
  /** Refresh once for every burst of calls in the same tick (a correction reports two changes at once). */
  refreshSoon(): void;
  /**
   * Load something else from now on (null: nothing); answers to earlier loads are dropped when they arrive.
   * The last answer is forgotten unless `keep` (a new search within the same list, not another person).
   */
  reset(load: QueryLoad<T> | null, keep?: boolean): void;
}

const INITIAL = { data: undefined, error: null, loading: false } as const;

/** A core call kept current: coalesced reloads, stale answers dropped, errors as values. No React here. */
export function createQueryController<T>(load: QueryLoad<T> | null = null): QueryController<T> {
  let state: QueryState<T> = INITIAL;
  let current: QueryLoad<T> | null = load;
  let generation = 0;
  let running: Promise<void> | null = null;
  let following: Promise<void> | null = null;
  let scheduled = false;
  const listeners = new Set<() => void>();

  const set = (next: QueryState<T>) => {
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const once = async (): Promise<void> => {
    const mine = generation;
    const call = current;
    if (!call) return;
    set({ ...state, loading: true });
    let result: CoreResult<T>;
    try {
      result = await call();
    } catch (cause) {
      // A host's transport failure (the core itself never throws): said like the core's own "unavailable".
      result = { ok: false, error: { code: 'unavailable', message: cause instanceof Error ? cause.message : String(cause) } };
    }
    if (mine !== generation) return;
    set(result.ok ? { data: result.value, error: null, loading: false } : { data: state.data, error: result.error, loading: false });
  };

  const refresh = (): Promise<void> => {
    if (!running) {
      const started: Promise<void> = once().finally(() => {
        if (running === started) running = null;
      });
      running = started;
      return started;
    }
    const mine = generation;
    following ??= running.then(() => {
      if (mine !== generation) return;
      following = null;
      return refresh();
    });
    return following;
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    refreshSoon() {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        void refresh();
      });
    },
    reset(load, keep = false) {
      generation += 1;
      current = load;
      // The next load starts at once; the one under way (if any) answers into the void.
      running = null;
      following = null;
      if (!keep) set(INITIAL);
      else if (state.loading) set({ ...state, loading: false });
      if (load) void refresh();
    },
  };
}
