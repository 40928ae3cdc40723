import type { CoreContext } from '../core-context';
import { LANE_GROUP_KEY, stationCheckpointId, stationRole } from '../corridors/station-config';

/**
 * The corridor a scan at this lane is judged for when the screen names none: the corridor of the bus
 * group selected for the lane, else the only active corridor this station's checkpoint is an end of —
 * the same corridor recordCrossing will write on the crossing. `undefined` leaves the choice to the
 * rule profiles' defaults.
 */
export function laneCorridorId(ctx: CoreContext): string | undefined {
  const groupId = ctx.repos.setting(LANE_GROUP_KEY);
  const group = groupId ? ctx.repos.groups.get(groupId) : undefined;
  if (group) return group.corridorId;
  const checkpointId = stationCheckpointId(ctx);
  const mine = ctx.repos.corridors.listCorridors().filter((c) => c.active && stationRole(c, checkpointId) !== null);
  return mine.length === 1 ? mine[0]?.id : undefined;
}
