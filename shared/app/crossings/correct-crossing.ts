import { CoreFailure, type Crossing } from '../../contract';
import { currentState, type CorrectionChange, type CrossingState } from '../../domain/corridor';
import { correctionSeal, type AlertRow, type CorrectionRow } from '../../node/db';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { settleCrossing } from './settle-crossing';

/** A local crossing and its state now, or a clear not-found. */
export function crossingWithState(ctx: CoreContext, crossingId: string): { crossing: Crossing; state: CrossingState } {
  const crossing = ctx.store.getCrossing(crossingId);
  if (!crossing) {
    const elsewhere = ctx.repos.passages.get(crossingId);
    if (elsewhere) throw new CoreFailure('conflict', 'crossing.correctedElsewhere', { station: elsewhere.stationId });
    throw new CoreFailure('not-found', 'crossing.noSuchCrossingHere');
  }
  const recorded: CrossingState = { disposition: crossing.disposition, direction: crossing.direction, outcome: crossing.outcome, reasons: crossing.reasons, groupId: crossing.groupId };
  const corrections = ctx.repos.corrections.forCrossings([crossing.id]).get(crossing.id) ?? [];
  const state = currentState(
    recorded,
    corrections.map((c) => ({
      kind: c.kind,
      ...(c.disposition ? { disposition: c.disposition } : {}),
      ...(c.direction ? { direction: c.direction } : {}),
      ...(c.outcome ? { outcome: c.outcome } : {}),
      ...(c.reasons ? { reasons: c.reasons } : {}),
      ...(c.kind === 'group' ? { groupId: c.groupId } : {}),
    })),
  );
  return { crossing, state };
}

/**
 * Appends one correction to a local crossing (never editing the row), moves its current state on, audits it
 * with the correction's content hash, and settles what follows (pairing, alerts). Call inside a transaction.
 */
export function appendCorrection(
  ctx: CoreContext,
  target: { crossing: Crossing; state: CrossingState },
  change: CorrectionChange,
  meta: { reason: string; overrideId?: string },
): { state: CrossingState; alerts: AlertRow[] } {
  const next = currentState(target.state, [change]);
  const row: CorrectionRow = {
    id: ctx.newId(),
    crossingId: target.crossing.id,
    kind: change.kind,
    disposition: change.disposition ?? null,
    direction: change.direction ?? null,
    outcome: change.outcome ?? null,
    reasons: change.reasons ?? null,
    groupId: change.kind === 'group' ? (change.groupId ?? null) : null,
    reason: meta.reason,
    operatorId: ctx.session.current?.id ?? null,
    overrideId: meta.overrideId ?? null,
    at: ctx.now().toISOString(),
  };
  ctx.repos.corrections.append(row, { disposition: next.disposition, direction: next.direction, outcome: next.outcome, groupId: next.groupId });
  audit(ctx, 'crossing.corrected', 'correction', row.id, {
    crossingId: row.crossingId,
    kind: row.kind,
    from: { disposition: target.state.disposition, direction: target.state.direction, outcome: target.state.outcome },
    to: { disposition: next.disposition, direction: next.direction, outcome: next.outcome },
    ...correctionSeal(row),
  });
  // A changed direction pairs afresh; a crossing that no longer crossed loses its pairing in settleCrossing.
  if (next.direction !== target.state.direction) {
    const undone = ctx.repos.passages.removePairingOf(row.crossingId);
    if (undone) audit(ctx, 'pairing.removed', 'pairing', undone.exitId, { entryId: undone.entryId, exitId: undone.exitId, cause: 'direction' });
  }
  const corridor = target.crossing.corridorId ? ctx.repos.corridors.getCorridor(target.crossing.corridorId) : undefined;
  const settled = settleCrossing(ctx, row.crossingId, corridor);
  return { state: next, alerts: settled.alerts };
}
