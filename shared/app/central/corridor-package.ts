import { CoreFailure } from '../../contract';
import type { StationPackage } from '../../domain/central';
import { parseCorridorPackage, stationCorridorOf } from '../../domain/corridor/journey';
import type { CoreContext } from '../core-context';
import { saveCheckpoint, saveCorridor } from '../corridors/save-corridor';
import { stationCheckpointId } from '../corridors/station-config';
import type { Applied } from './apply-package';

/**
 * A corridor the hub's administrators registered: the station keeps the stretch of the chain it stands on under
 * the hub's id (replacing a corridor of that id typed in here), through the code Administration › Corridors
 * saves with; its rule profile stays as set here. A station not on the chain skips it.
 */
export function prepareCorridor(ctx: CoreContext, pkg: StationPackage): () => Applied {
  const parsed = parseCorridorPackage(pkg.content);
  if (!parsed.ok) throw new CoreFailure('invalid-input', 'package.corridorInvalid', { name: pkg.name, detail: parsed.error });
  const { chain, name, version } = parsed.value.corridor;
  return (): Applied => {
    const checkpointId = stationCheckpointId(ctx);
    const mine = checkpointId === null ? null : stationCorridorOf(chain, name, checkpointId);
    if (!mine) return { outcome: 'skipped', detail: { corridorId: chain.id, version, onThisCorridor: false } };
    for (const id of [mine.entryCheckpointId, mine.exitCheckpointId]) {
      // The chain names checkpoints by code and country; a name typed here is kept.
      if (!ctx.repos.corridors.getCheckpoint(id)) saveCheckpoint(ctx, { id, name: id, country: chain.steps.find((s) => s.checkpointId === id)!.country });
    }
    const existing = ctx.repos.corridors.getCorridor(chain.id);
    const row = { ...mine, ruleProfileId: existing?.ruleProfileId ?? null, active: true };
    const detail = { corridorId: chain.id, version, entryCheckpointId: mine.entryCheckpointId, exitCheckpointId: mine.exitCheckpointId };
    if (
      existing?.active &&
      existing.name === row.name &&
      existing.entryCheckpointId === row.entryCheckpointId &&
      existing.exitCheckpointId === row.exitCheckpointId &&
      existing.expectedTransitMinutes === row.expectedTransitMinutes &&
      existing.maxTransitMinutes === row.maxTransitMinutes
    ) {
      return { outcome: 'skipped', detail };
    }
    saveCorridor(ctx, row);
    return { outcome: 'applied', detail };
  };
}
