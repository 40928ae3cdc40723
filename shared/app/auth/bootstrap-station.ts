import type { z } from 'zod';
import { CoreFailure, type BootstrapStationInputSchema, type SessionUser } from '../../contract';
import { pinProblem } from '../../domain/auth';
import { pinFailure } from './pin-failure';
import { hashPin } from '../../node/keys';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { saveCheckpoint, saveCorridor } from '../corridors/save-corridor';
import { STATION_CHECKPOINT_KEY } from '../corridors/station-config';

export const STATION_ID_KEY = 'station.id';

/**
 * The first-run wizard: names the station and its checkpoint, the corridors it serves, and creates the
 * first administrator, who is signed in at once. Refused as soon as any user exists.
 */
export async function bootstrapStation(
  ctx: CoreContext,
  input: z.output<typeof BootstrapStationInputSchema>,
  setStationId: (id: string) => void,
): Promise<SessionUser> {
  if (ctx.repos.operators.count() > 0) throw new CoreFailure('conflict', 'setup.alreadyDone');
  const problem = pinProblem(input.admin.pin);
  if (problem) throw pinFailure(problem);
  if (input.stationId && input.stationId !== ctx.stationId && ctx.store.countCrossings() > 0) {
    throw new CoreFailure('conflict', 'setup.stationIdFixed');
  }
  const pinHash = await hashPin(input.admin.pin, ctx.pinHashCost);
  const now = ctx.now().toISOString();
  const admin: SessionUser = { id: ctx.newId(), username: input.admin.username, displayName: input.admin.displayName, role: 'admin' };
  ctx.store.transaction(() => {
    if (ctx.repos.operators.count() > 0) throw new CoreFailure('conflict', 'setup.justDone');
    if (input.stationId && input.stationId !== ctx.stationId) {
      ctx.repos.setSetting(STATION_ID_KEY, input.stationId);
      setStationId(input.stationId);
    }
    for (const checkpoint of [input.checkpoint, ...input.otherCheckpoints]) saveCheckpoint(ctx, checkpoint);
    for (const corridor of input.corridors) saveCorridor(ctx, corridor);
    ctx.repos.setSetting(STATION_CHECKPOINT_KEY, input.checkpoint.id);
    ctx.repos.corridors.saveStation(
      {
        id: ctx.stationId,
        checkpointId: input.checkpoint.id,
        label: `${input.checkpoint.name} (this station)`,
        publicKey: ctx.stationKey.publicKey,
        keyFingerprint: ctx.stationKey.fingerprint,
        isSelf: true,
        trusted: false,
      },
      now,
    );
    audit(ctx, 'station.configured', 'station', ctx.stationId, { checkpointId: input.checkpoint.id, corridors: input.corridors.map((c) => c.id) });
    ctx.repos.operators.insert({ id: admin.id, username: admin.username, displayName: admin.displayName, role: 'admin', pinHash, createdAt: now });
    audit(ctx, 'user.created', 'user', admin.id, { role: 'admin' });
  });
  ctx.session.signIn(admin, ctx.now().getTime());
  ctx.store.transaction(() => audit(ctx, 'auth.signed-in', 'user', admin.id, { via: 'first-run' }));
  return admin;
}
