import type { PassageRecord } from '../../contract';
import type { PassageRecordRow } from '../../node/db';
import type { CoreContext } from '../core-context';

/** Crossings from either table with their pairing and latest override, as the consular screen shows them. */
export function toPassageRecords(ctx: CoreContext, rows: readonly PassageRecordRow[]): PassageRecord[] {
  const ids = rows.map((r) => r.id);
  const pairings = ctx.repos.passages.pairingsFor(ids);
  const partner = new Map<string, { id: string; method: 'document' | 'identity'; transitMinutes: number }>();
  for (const p of pairings) {
    partner.set(p.entryId, { id: p.exitId, method: p.method, transitMinutes: p.transitMinutes });
    partner.set(p.exitId, { id: p.entryId, method: p.method, transitMinutes: p.transitMinutes });
  }
  const overrides = ctx.repos.overrides.latestFor(ids);
  return rows.map((r) => {
    const override = overrides.get(r.id) ?? null;
    return {
      id: r.id,
      source: r.source,
      sequence: r.sequence,
      recordedAt: r.recordedAt,
      stationId: r.stationId,
      checkpointId: r.checkpointId,
      corridorId: r.corridorId,
      groupId: r.groupId,
      operatorId: r.operatorId,
      direction: r.direction,
      outcome: r.outcome,
      effectiveOutcome: r.currentOutcome,
      disposition: r.disposition,
      reasons: r.reasons,
      document: r.document,
      pairedWith: partner.get(r.id) ?? null,
      override,
    };
  });
}
