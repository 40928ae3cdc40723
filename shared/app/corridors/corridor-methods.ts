import { CoreFailure, type CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import { saveCheckpoint, saveCorridor } from './save-corridor';
import { stationCheckpointId, toCorridor } from './station-config';

export function corridorMethods(ctx: CoreContext): Pick<CoreApi, 'listCheckpoints' | 'saveCheckpoint' | 'listCorridors' | 'saveCorridor'> {
  return {
    listCheckpoints: defineMethod(
      'listCheckpoints',
      () => {
        const mine = stationCheckpointId(ctx);
        return { items: ctx.repos.corridors.listCheckpoints().map((c) => ({ ...c, isThisStation: c.id === mine })) };
      },
      ctx,
    ),
    saveCheckpoint: defineMethod(
      'saveCheckpoint',
      (input) => {
        ctx.store.transaction(() => saveCheckpoint(ctx, input));
        return { ...input, isThisStation: input.id === stationCheckpointId(ctx) };
      },
      ctx,
    ),
    listCorridors: defineMethod(
      'listCorridors',
      () => {
        const mine = stationCheckpointId(ctx);
        return { items: ctx.repos.corridors.listCorridors().map((c) => toCorridor(c, mine)) };
      },
      ctx,
    ),
    saveCorridor: defineMethod(
      'saveCorridor',
      (input) => {
        ctx.store.transaction(() => saveCorridor(ctx, input));
        const saved = ctx.repos.corridors.getCorridor(input.id);
        if (!saved) throw new CoreFailure('internal', 'corridor.notSaved');
        return toCorridor(saved, stationCheckpointId(ctx));
      },
      ctx,
    ),
  };
}

