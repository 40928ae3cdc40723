import type { z } from 'zod';
import { CoreFailure, type SaveCheckpointInputSchema, type SaveCorridorInputSchema } from '../../contract';
import { audit, contentHash } from '../audit';
import type { CoreContext } from '../core-context';

/** Call inside a transaction. */
export function saveCheckpoint(ctx: CoreContext, input: z.output<typeof SaveCheckpointInputSchema>): void {
  ctx.repos.corridors.saveCheckpoint(input, ctx.now().toISOString());
  audit(ctx, 'checkpoint.saved', 'checkpoint', input.id, { contentHash: contentHash(input) });
}

/** Call inside a transaction. Both checkpoints must exist: the two ends agree on their codes first. */
export function saveCorridor(ctx: CoreContext, input: z.output<typeof SaveCorridorInputSchema>): void {
  for (const id of [input.entryCheckpointId, input.exitCheckpointId]) {
    if (!ctx.repos.corridors.getCheckpoint(id)) throw new CoreFailure('not-found', 'corridor.checkpointMissing', { checkpoint: id });
  }
  const row = { ...input, ruleProfileId: input.ruleProfileId ?? null };
  ctx.repos.corridors.saveCorridor(row, ctx.now().toISOString());
  audit(ctx, 'corridor.saved', 'corridor', input.id, { contentHash: contentHash(row) });
}
