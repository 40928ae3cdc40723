import type { z } from 'zod';
import { CoreFailure, type Crossing, type RecordCrossingInputSchema, type RecordedCrossing } from '../../contract';
import { DEFAULT_DUPLICATE_WINDOW_MINUTES, admitRefusal, dispositionOnEnter, findRepeatedScan, type Disposition, type Passage } from '../../domain/corridor';
import { personNameKey } from '../../domain/mrz';
import { overrideSeal, type AlertRow, type CorridorRow, type GroupRow, type OverrideRow } from '../../node/db';
import { toAlertViews } from '../alerts/alert-view';
import { raiseAlert } from '../alerts/raise-alert';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { LANE_GROUP_KEY, stationCheckpointId, stationRole } from '../corridors/station-config';
import type { JudgedTravellers } from '../scan/judged-travellers';
import { recordEvidence, ruleProfileOf } from '../scan/record-evidence';
import { authorise, type Authoriser } from './authorise';
import { withCurrent } from './crossing-current';
import { settleCrossing } from './settle-crossing';

export const DUPLICATE_WINDOW_KEY = 'crossing.duplicateWindowMinutes';
export { manifestLineOf } from './settle-crossing';

export const passageOf = (c: Crossing): Passage => ({
  id: c.id,
  direction: c.direction,
  corridorId: c.corridorId,
  groupId: c.groupId,
  stationId: c.stationId,
  recordedAtMs: Date.parse(c.recordedAt),
  documentNumber: c.document.documentNumber,
  nationality: c.document.nationality,
  birthDate: c.document.birthDate,
  nameKey: personNameKey(c.document),
});

/** Without a group, the corridor is the only active one this station's checkpoint is an end of. */
export function laneCorridor(ctx: CoreContext, group: GroupRow | undefined, checkpointId: string | null): CorridorRow | undefined {
  if (group) return ctx.repos.corridors.getCorridor(group.corridorId);
  const mine = ctx.repos.corridors.listCorridors().filter((c) => c.active && stationRole(c, checkpointId) !== null);
  return mine.length === 1 ? mine[0] : undefined;
}

/**
 * Turns a confirmed scan into a durable record. Only the scan id travels from the screen: the outcome and
 * the document come from the core's own judgement, and Enter records the safe thing for that outcome (OK
 * crossed, NOT OK refused, NEEDS CROSS-CHECK held); crossing despite it takes a second person's PIN (an
 * override). In the same transaction: the repeated-scan check, and for a crossing that crossed its pairing
 * and alerts (settleCrossing), each with its audit row.
 */
export async function recordCrossing(
  input: z.output<typeof RecordCrossingInputSchema>,
  ctx: CoreContext,
  travellers: JudgedTravellers,
): Promise<{ crossing: RecordedCrossing; created: boolean }> {
  const judged = travellers.get(input.scanId);
  if (!judged) {
    throw new CoreFailure('not-found', 'crossing.scanGone');
  }
  if (judged.recordedCrossingId !== undefined) {
    const existing = ctx.store.getCrossing(judged.recordedCrossingId);
    if (existing) return { crossing: { ...withCurrent(ctx, [existing])[0]!, duplicate: false, alerts: [] }, created: false };
  }
  if (judged.amends !== undefined) {
    throw new CoreFailure('conflict', 'crossing.recordedAlready');
  }
  const now = ctx.now();
  // Cancelling records no decision, so a traveller left parked past the decision's time can still be cancelled.
  if (now.getTime() > judged.expiresAtMs && input.cancelReason === undefined) {
    throw new CoreFailure('expired', 'crossing.scanExpired');
  }
  const document = judged.document;
  if (!judged.result.decision.recordable || !document) {
    throw new CoreFailure('conflict', 'crossing.noTraveller');
  }
  if (input.override && input.cancelReason) throw new CoreFailure('invalid-input', 'crossing.letThroughOrCancel');
  const outcome = judged.result.decision.outcome;
  const onEnter = dispositionOnEnter(outcome);
  const user = ctx.session.current;
  let authoriser: Authoriser | undefined;
  if (input.override) {
    if (outcome === 'OK') throw new CoreFailure('conflict', 'crossing.okNeedsNoOverride');
    authoriser = await authorise(ctx, input.override.username, input.override.pin);
    const refusal = admitRefusal({ state: { disposition: onEnter, direction: input.direction, outcome, reasons: [], groupId: null }, authoriser, operatorId: user?.id ?? null });
    if (refusal === 'authoriser-role') throw new CoreFailure('forbidden', 'crossing.authoriserRole', { person: authoriser.displayName });
    if (refusal === 'authoriser-is-operator') throw new CoreFailure('forbidden', 'correction.authoriserIsOperator');
  }
  const disposition: Disposition = input.cancelReason ? 'cancelled' : authoriser ? 'crossed' : onEnter;

  const checkpointId = stationCheckpointId(ctx);
  const groupId = input.groupId !== undefined ? input.groupId : (ctx.repos.setting(LANE_GROUP_KEY) ?? null);
  const group = groupId ? ctx.repos.groups.get(groupId) : undefined;
  if (groupId && !group) throw new CoreFailure('not-found', 'crossing.groupGone');
  const corridor = laneCorridor(ctx, group, checkpointId);
  const role = corridor ? stationRole(corridor, checkpointId) : null;
  if (corridor && role && role !== input.direction) {
    throw new CoreFailure('conflict', 'crossing.wrongDirection', { end: role, corridor: corridor.name });
  }
  const windowMinutes = Number(ctx.repos.setting(DUPLICATE_WINDOW_KEY) ?? DEFAULT_DUPLICATE_WINDOW_MINUTES);

  const result = ctx.store.transaction(() => {
    const alerts: AlertRow[] = [];
    // Whatever Enter leads to (a new row, or the earlier one shown again), this traveller is not waiting any more.
    travellers.unpark(judged);
    const earlier = findRepeatedScan(
      ctx.repos.passages
        .recentAtStation(ctx.stationId, { documentNumber: document.documentNumber, nationality: document.nationality }, now.getTime() - windowMinutes * 60_000)
        .filter((r) => r.direction === input.direction),
      now.getTime(),
      windowMinutes,
    );
    const earlierCrossing = earlier ? ctx.store.getCrossing(earlier.id) : undefined;
    if (earlierCrossing) {
      // A second scan of the same document minutes later shows the earlier row instead of a second one.
      const row = raiseAlert(ctx, { type: 'duplicate-scan', dedupeKey: `duplicate-scan:${input.scanId}`, corridorId: earlierCrossing.corridorId, groupId: earlierCrossing.groupId, crossingId: earlierCrossing.id });
      if (row) alerts.push(row);
      return { crossing: earlierCrossing, duplicate: true, alerts };
    }

    const crossing = ctx.store.recordCrossing(
      {
        id: ctx.newId(),
        recordedAt: now.toISOString(),
        stationId: ctx.stationId,
        operatorId: user?.id ?? null,
        direction: input.direction,
        outcome,
        reasons: judged.result.decision.reasons,
        document,
        scanSource: judged.result.source,
        note: input.cancelReason ?? input.note ?? null,
        disposition,
        checkpointId,
        corridorId: corridor?.id ?? null,
        groupId: group?.id ?? null,
        ...ruleProfileOf(judged),
      },
      ctx.session.actor(),
    );
    recordEvidence(ctx, crossing.id, judged);
    if (authoriser && input.override) {
      const override: OverrideRow = {
        id: ctx.newId(),
        crossingId: crossing.id,
        previousOutcome: outcome,
        outcome,
        reason: input.override.reason,
        operatorId: user?.id ?? authoriser.id,
        at: now.toISOString(),
        authorisedBy: authoriser.id,
        authoriserRole: authoriser.role,
        previousDisposition: onEnter,
        disposition: 'crossed',
      };
      ctx.repos.overrides.insert(override);
      audit(ctx, 'crossing.admitted', 'crossing', crossing.id, { overrideId: override.id, authorisedBy: authoriser.id, from: onEnter, to: 'crossed', ...overrideSeal(override) });
    }
    alerts.push(...settleCrossing(ctx, crossing.id, corridor).alerts);
    return { crossing, duplicate: false, alerts };
  });
  judged.recordedCrossingId = result.crossing.id;
  return {
    crossing: { ...withCurrent(ctx, [result.crossing])[0]!, duplicate: result.duplicate, alerts: toAlertViews(ctx, result.alerts) },
    created: !result.duplicate,
  };
}
