import { useCoreQuery } from '../../core-query';

function startOfLocalDay(now: Date): string {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

/** Today's crossings at this station (the last 10, and the day's total), kept current as the log changes. */
export function useTodaysCrossings() {
  const query = useCoreQuery('listCrossings', { from: startOfLocalDay(new Date()), limit: 10 }, { on: ['crossings', 'pairings'] });
  return { crossings: query.data?.items ?? [], total: query.data?.total ?? 0, error: query.error, refresh: query.refresh };
}
