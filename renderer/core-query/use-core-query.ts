import { useEffect, useState, useSyncExternalStore } from 'react';
import type { CoreMethodName, CoreResult, MethodInput, MethodOutput } from '../../shared/contract';
import { useErrorText, type CoreErrorLike } from '../i18n';
import type { CoreClient } from '../core-client/core-client';
import { useCore } from '../core-client/core-context';
import { eventTopic, type CoreTopic } from './core-topics';
import { createQueryController } from './query-controller';

export interface CoreQueryOptions {
  /** Reload when the core reports a change of one of these (coalesced: a burst of changes is one reload). */
  readonly on?: readonly CoreTopic[];
  /** Reload this often as well (for what changes with time: overdue buses, the held queue at shift end). */
  readonly everyMs?: number;
  /** Keep showing the last answer while another input loads (a search typed into the same list). */
  readonly keepWhileLoading?: boolean;
}

export interface CoreQuery<T> {
  readonly data: T | undefined;
  readonly error: CoreErrorLike | null;
  /** The error in the operator's language. */
  readonly errorText: string | null;
  readonly loading: boolean;
  readonly refresh: () => Promise<void>;
}

const NO_TOPICS: readonly CoreTopic[] = [];

function call<M extends CoreMethodName>(core: CoreClient, method: M, input: MethodInput<M>): Promise<CoreResult<MethodOutput<M>>> {
  const fn = core[method] as (input: MethodInput<M>) => Promise<CoreResult<MethodOutput<M>>>;
  return fn.call(core, input);
}

/**
 * One core method's answer, kept current: loads when the input changes (compared by value), reloads on the
 * core's change events for the given topics, and says a failure in the operator's language. `input` null:
 * nothing to load yet (no traveller chosen).
 */
export function useCoreQuery<M extends CoreMethodName>(method: M, input: MethodInput<M> | null, options: CoreQueryOptions = {}): CoreQuery<MethodOutput<M>> {
  const core = useCore();
  const errorText = useErrorText();
  const [controller] = useState(() => createQueryController<MethodOutput<M>>());
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  // Inputs are JSON (they cross the IPC/HTTP boundary as JSON): equal text, equal call.
  const key = input === null ? null : JSON.stringify(input);
  const topics = options.on ?? NO_TOPICS;
  const topicKey = topics.join(',');
  const everyMs = options.everyMs;
  const keep = options.keepWhileLoading ?? false;

  useEffect(() => {
    if (key === null) {
      controller.reset(null);
      return;
    }
    const parsed = JSON.parse(key) as MethodInput<M>;
    controller.reset(() => call(core, method, parsed), keep);
    // Unmounted (or the input changed): an answer still on its way is dropped.
    return () => controller.reset(null, keep);
  }, [controller, core, method, key, keep]);

  useEffect(() => {
    if (topicKey === '' || key === null) return;
    const wanted = new Set(topicKey.split(','));
    return core.onEvent((event) => {
      const topic = eventTopic(event);
      if (topic && wanted.has(topic)) controller.refreshSoon();
    });
  }, [controller, core, topicKey, key]);

  useEffect(() => {
    if (!everyMs || key === null) return;
    const timer = setInterval(() => controller.refreshSoon(), everyMs);
    return () => clearInterval(timer);
  }, [controller, everyMs, key]);

  return { data: state.data, error: state.error, errorText: state.error ? errorText(state.error) : null, loading: state.loading, refresh: controller.refresh };
}
