import { useCallback, useEffect, useState } from 'react';
import type { CoreError, Crossing } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

function startOfLocalDay(now: Date): string {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
}

/** Today's crossings at this station, refreshed whenever the core reports a new one. */
export function useTodaysCrossings() {
  const core = useCore();
  const [crossings, setCrossings] = useState<Crossing[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<CoreError | null>(null);

  const refresh = useCallback(async () => {
    // The lane shows the last 10; the total counts the whole day.
    const result = await core.listCrossings({ from: startOfLocalDay(new Date()), limit: 10 });
    if (result.ok) {
      setCrossings(result.value.items);
      setTotal(result.value.total);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [core]);

  useEffect(() => {
    void refresh();
    return core.onEvent((event) => {
      if (event.type === 'crossing-recorded') void refresh();
    });
  }, [core, refresh]);

  return { crossings, total, error, refresh };
}
