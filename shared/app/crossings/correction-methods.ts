import { CoreFailure, type CoreApi, type Crossing, type ErrorKey } from '../../contract';
import {
  DEFAULT_AMEND_WINDOW_MINUTES,
  admitRefusal,
  amendRefusal,
  amendment,
  refuseRefusal,
  type CorrectionRefusal,
} from '../../domain/corridor';
import { overrideSeal, type OverrideRow } from '../../node/db';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { JudgedTraveller, JudgedTravellers } from '../scan/judged-travellers';
import { authorise, sessionAuthoriser, type Authoriser } from './authorise';
import { appendCorrection, crossingWithState } from './correct-crossing';
import { withCurrent } from './crossing-current';
import { personNames } from './person-names';

export const AMEND_WINDOW_KEY = 'crossing.amendWindowMinutes';

const REFUSAL_MESSAGES: Record<CorrectionRefusal, ErrorKey> = {
  'not-yours': 'correction.notYours',
  'not-your-last': 'correction.notYourLast',
  'window-passed': 'correction.windowPassed',
  cancelled: 'correction.cancelled',
  'no-change': 'correction.noChange',
  'not-held-or-refused': 'correction.notHeldOrRefused',
  'authoriser-role': 'correction.authoriserRole',
  'authoriser-is-operator': 'correction.authoriserIsOperator',
};

const fail = (refusal: CorrectionRefusal): never => {
  throw new CoreFailure(refusal === 'no-change' ? 'conflict' : refusal === 'cancelled' || refusal === 'not-held-or-refused' ? 'conflict' : 'forbidden', REFUSAL_MESSAGES[refusal]);
};

const reread = (ctx: CoreContext, id: string): Crossing => {
  const crossing = ctx.store.getCrossing(id);
  if (!crossing) throw new CoreFailure('internal', 'crossing.correctionVanished');
  return withCurrent(ctx, [crossing])[0]!;
};

const changed = (ctx: CoreContext) => {
  ctx.events.emit({ type: 'log-changed', what: 'pairings' }, ctx.onListenerError);
  ctx.events.emit({ type: 'log-changed', what: 'alerts' }, ctx.onListenerError);
};

/** Corrections (amend, void, change of direction, re-judging with new evidence) and the consular held queue. */
export function correctionMethods(ctx: CoreContext, travellers: JudgedTravellers): Pick<CoreApi, 'amendCrossing' | 'admitCrossing' | 'refuseCrossing' | 'listHeld'> {
  return {
    amendCrossing: defineMethod(
      'amendCrossing',
      (input) => {
        const user = ctx.session.current;
        if (!user) throw new CoreFailure('unauthenticated', 'session.required');
        const target = crossingWithState(ctx, input.crossingId);
        const refusal = amendRefusal({
          actor: user,
          crossing: { operatorId: target.crossing.operatorId, recordedAtMs: Date.parse(target.crossing.recordedAt) },
          actorsLastCrossingId: ctx.repos.corrections.lastRecordedBy(user.id),
          crossingId: target.crossing.id,
          state: target.state,
          nowMs: ctx.now().getTime(),
          windowMinutes: Number(ctx.repos.setting(AMEND_WINDOW_KEY) ?? DEFAULT_AMEND_WINDOW_MINUTES),
        });
        if (refusal) fail(refusal);
        const change = input.change;
        let asked: Parameters<typeof amendment>[1];
        let rejudgedBy: JudgedTraveller | undefined;
        if (change.kind === 'rejudge') {
          const judged = travellers.get(change.scanId);
          const document = judged?.document;
          if (!judged || !document || ctx.now().getTime() > judged.expiresAtMs) {
            throw new CoreFailure('not-found', 'crossing.amendScanGone');
          }
          const recorded = target.crossing.document;
          if (document.documentNumber !== recorded.documentNumber || document.nationality !== recorded.nationality) {
            throw new CoreFailure('conflict', 'crossing.amendOtherPassport');
          }
          asked = { kind: 'rejudge', outcome: judged.result.decision.outcome, reasons: judged.result.decision.reasons };
          rejudgedBy = judged;
        } else asked = change.kind === 'void' ? { kind: 'void' } : { kind: 'direction', direction: change.direction };
        const correction = amendment(target.state, asked);
        if (typeof correction === 'string') return fail(correction);
        ctx.store.transaction(() => {
          appendCorrection(ctx, target, correction, { reason: change.reason || 'Evidence added after recording' });
          // The passport scanned again to show the late certificate is that crossing's traveller, not one still waiting.
          if (rejudgedBy) travellers.unpark(rejudgedBy);
        });
        if (rejudgedBy && rejudgedBy.amends === undefined) rejudgedBy.recordedCrossingId = target.crossing.id;
        changed(ctx);
        return reread(ctx, target.crossing.id);
      },
      ctx,
    ),
    admitCrossing: defineMethod(
      'admitCrossing',
      async (input) => {
        const user = ctx.session.current;
        if (!user) throw new CoreFailure('unauthenticated', 'session.required');
        const authoriser: Authoriser | undefined = input.authoriser ? await authorise(ctx, input.authoriser.username, input.authoriser.pin) : sessionAuthoriser(ctx);
        if (!authoriser) throw new CoreFailure('forbidden', REFUSAL_MESSAGES['authoriser-role']);
        const target = crossingWithState(ctx, input.crossingId);
        const refusal = admitRefusal({ state: target.state, authoriser, operatorId: target.crossing.operatorId });
        if (refusal) fail(refusal);
        const override: OverrideRow = {
          id: ctx.newId(),
          crossingId: target.crossing.id,
          previousOutcome: target.state.outcome,
          outcome: target.state.outcome,
          reason: input.reason,
          operatorId: user.id,
          at: ctx.now().toISOString(),
          authorisedBy: authoriser.id,
          authoriserRole: authoriser.role,
          previousDisposition: target.state.disposition,
          disposition: 'crossed',
        };
        ctx.store.transaction(() => {
          ctx.repos.overrides.insert(override);
          audit(ctx, 'crossing.admitted', 'crossing', target.crossing.id, { overrideId: override.id, authorisedBy: authoriser.id, from: override.previousDisposition, to: 'crossed', ...overrideSeal(override) });
          appendCorrection(ctx, target, { kind: 'admit', disposition: 'crossed' }, { reason: input.reason, overrideId: override.id });
        });
        changed(ctx);
        return reread(ctx, target.crossing.id);
      },
      ctx,
    ),
    refuseCrossing: defineMethod(
      'refuseCrossing',
      (input) => {
        const target = crossingWithState(ctx, input.crossingId);
        const refusal = refuseRefusal(target.state);
        if (refusal) fail(refusal);
        ctx.store.transaction(() => appendCorrection(ctx, target, { kind: 'refuse', disposition: 'refused' }, { reason: input.reason }));
        changed(ctx);
        return reread(ctx, target.crossing.id);
      },
      ctx,
    ),
    listHeld: defineMethod('listHeld', (input) => {
      const held = ctx.repos.corrections.held(input.limit);
      const names = personNames(ctx, held.items.map((c) => c.operatorId));
      return { items: withCurrent(ctx, held.items).map((c) => ({ ...c, operatorName: c.operatorId ? (names.get(c.operatorId) ?? null) : null })), total: held.total };
    }, ctx),
  };
}
