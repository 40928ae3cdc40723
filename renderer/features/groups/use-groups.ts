import type { PersonState } from '../../../shared/contract';
import { LOG_TOPICS, useCoreQuery } from '../../core-query';

/** The station's groups and corridors, reloaded when the log changes. */
export function useGroups() {
  const groups = useCoreQuery('listGroups', {}, { on: LOG_TOPICS });
  const corridors = useCoreQuery('listCorridors', {}, { on: ['setup', 'groups'] });
  return { groups: groups.data?.items ?? [], corridors: corridors.data?.items ?? [], error: groups.error ?? corridors.error, refresh: groups.refresh };
}

/** One group with everyone's state, filtered by a search and states. */
export function useGroupDetail(groupId: string | null, query: string, state: PersonState | 'all') {
  const input = groupId ? { groupId, ...(query.trim() ? { query: query.trim() } : {}), ...(state === 'all' ? {} : { states: [state] }) } : null;
  const detail = useCoreQuery('getGroup', input, { on: LOG_TOPICS, keepWhileLoading: true });
  return { detail: detail.data ?? null, error: detail.error, refresh: detail.refresh };
}
