import type { z } from 'zod';
import { CoreFailure, type Crossing, type RecordCrossingInputSchema } from '../../contract';
import type { StationStore } from '../../node/db';
import type { DraftStore } from '../scan/draft-store';

export interface RecordDeps {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly drafts: DraftStore;
  readonly store: StationStore;
  readonly stationId: string;
}

/**
 * Turns a confirmed scan into a durable crossing. Only the scan id travels from the screen:
 * the outcome and the document come from the core's own draft.
 */
export function recordCrossing(input: z.output<typeof RecordCrossingInputSchema>, deps: RecordDeps): { crossing: Crossing; created: boolean } {
  const pending = deps.drafts.get(input.scanId);
  if (!pending) {
    throw new CoreFailure('not-found', 'This scan is no longer available (scans are kept 15 minutes and not across a restart). Scan the document again.');
  }
  if (pending.recordedCrossingId !== undefined) {
    const existing = deps.store.getCrossing(pending.recordedCrossingId);
    if (existing) return { crossing: existing, created: false };
  }
  const now = deps.now();
  if (now.getTime() > pending.expiresAtMs) {
    throw new CoreFailure('expired', 'This scan is older than 15 minutes. Scan the document again so the decision is current.');
  }
  if (!pending.result.draft.recordable || !pending.document) {
    throw new CoreFailure('conflict', 'This scan does not identify a traveller, so it cannot be recorded. Scan the passport.');
  }
  const crossing = deps.store.recordCrossing(
    {
      id: deps.newId(),
      recordedAt: now.toISOString(),
      stationId: deps.stationId,
      operatorId: null,
      direction: input.direction,
      outcome: pending.result.draft.outcome,
      reasons: pending.result.draft.reasons,
      document: pending.document,
      scanSource: pending.result.source,
      note: input.note ?? null,
    },
    'station',
  );
  pending.recordedCrossingId = crossing.id;
  return { crossing, created: true };
}
