import type { CoreContext } from '../core-context';
import { stationCheckpointId, stationRole } from '../corridors/station-config';
import { raiseAlert } from './raise-alert';

/**
 * Raises an overdue alert for every entry with no exit after the corridor's maximum time. Only at a
 * corridor's exit end: the entry end never sees exits, so there everyone would look overdue.
 * Runs before alerts are shown, so the lists are current without a timer.
 */
export function sweepOverdue(ctx: CoreContext): number {
  const checkpointId = stationCheckpointId(ctx);
  const nowMs = ctx.now().getTime();
  const late = ctx.repos.corridors
    .listCorridors()
    .filter((c) => stationRole(c, checkpointId) === 'exit')
    .flatMap((corridor) => ctx.repos.passages.lateEntriesWithoutAlert(corridor.id, nowMs - corridor.maxTransitMinutes * 60_000).map((entry) => ({ corridor, entry })));
  if (late.length === 0) return 0;
  return ctx.store.transaction(() => {
    let raised = 0;
    for (const { corridor, entry } of late) {
      if (raiseAlert(ctx, { type: 'overdue', dedupeKey: `overdue:${entry.id}`, corridorId: corridor.id, groupId: entry.groupId, crossingId: entry.id })) raised += 1;
    }
    return raised;
  });
}
