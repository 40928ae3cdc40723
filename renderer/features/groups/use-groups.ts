import { useCallback, useEffect, useState } from 'react';
import type { CoreError, Corridor, Group, GroupDetail, PersonState } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

/** The station's groups and corridors, reloaded when the core reports a change. */
export function useGroups() {
  const core = useCore();
  const [groups, setGroups] = useState<Group[]>([]);
  const [corridors, setCorridors] = useState<Corridor[]>([]);
  const [error, setError] = useState<CoreError | null>(null);
  const refresh = useCallback(async () => {
    const [g, c] = await Promise.all([core.listGroups({}), core.listCorridors({})]);
    if (g.ok) setGroups(g.value.items);
    if (c.ok) setCorridors(c.value.items);
    setError(!g.ok ? g.error : !c.ok ? c.error : null);
  }, [core]);
  useEffect(() => {
    void refresh();
    return core.onEvent((event) => {
      if (event.type === 'crossing-recorded' || (event.type === 'log-changed' && event.what !== 'session')) void refresh();
    });
  }, [core, refresh]);
  return { groups, corridors, error, refresh };
}

/** One group with everyone's state, filtered by a search and states. */
export function useGroupDetail(groupId: string | null, query: string, state: PersonState | 'all') {
  const core = useCore();
  const [detail, setDetail] = useState<GroupDetail | null>(null);
  const [error, setError] = useState<CoreError | null>(null);
  const refresh = useCallback(async () => {
    if (!groupId) {
      setDetail(null);
      return;
    }
    const result = await core.getGroup({ groupId, ...(query.trim() ? { query: query.trim() } : {}), ...(state === 'all' ? {} : { states: [state] }) });
    if (result.ok) {
      setDetail(result.value);
      setError(null);
    } else setError(result.error);
  }, [core, groupId, query, state]);
  useEffect(() => {
    void refresh();
    return core.onEvent((event) => {
      if (event.type === 'crossing-recorded' || (event.type === 'log-changed' && event.what !== 'session')) void refresh();
    });
  }, [core, refresh]);
  return { detail, error, refresh };
}
