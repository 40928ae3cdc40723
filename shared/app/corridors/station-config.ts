import type { Corridor } from '../../contract';
import type { CorridorRow } from '../../node/db';
import type { CoreContext } from '../core-context';

export const STATION_CHECKPOINT_KEY = 'station.checkpointId';
export const LANE_GROUP_KEY = 'lane.groupId';

export const stationCheckpointId = (ctx: CoreContext): string | null => ctx.repos.setting(STATION_CHECKPOINT_KEY) ?? null;

/** Which end of the corridor this station's checkpoint is: entries are recorded at one, exits at the other. */
export function stationRole(corridor: Pick<CorridorRow, 'entryCheckpointId' | 'exitCheckpointId'>, checkpointId: string | null): 'entry' | 'exit' | null {
  if (checkpointId === null) return null;
  if (corridor.entryCheckpointId === checkpointId) return 'entry';
  if (corridor.exitCheckpointId === checkpointId) return 'exit';
  return null;
}

export const toCorridor = (row: CorridorRow, checkpointId: string | null): Corridor => ({
  id: row.id,
  name: row.name,
  entryCheckpointId: row.entryCheckpointId,
  exitCheckpointId: row.exitCheckpointId,
  expectedTransitMinutes: row.expectedTransitMinutes,
  maxTransitMinutes: row.maxTransitMinutes,
  ruleProfileId: row.ruleProfileId,
  active: row.active,
  stationRole: stationRole(row, checkpointId),
  updatedAt: row.updatedAt,
});
