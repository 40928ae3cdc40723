import type { NamedOverride, PassageCorrection, PassageEvidence, PassageRecord } from '../../contract';
import { ExportDetails, type PassageRecordRow } from '../../node/db';
import type { CoreContext } from '../core-context';
import { personNames } from './person-names';

// The evidence summary is read by the same query the export bundle uses, so both say the same about a certificate.
const details = new WeakMap<CoreContext['store']['database'], ExportDetails>();
function detailsOf(ctx: CoreContext): ExportDetails {
  const db = ctx.store.database;
  let found = details.get(db);
  if (!found) {
    found = new ExportDetails(db);
    details.set(db, found);
  }
  return found;
}

const byCrossing = <T extends { crossingId: string }>(rows: readonly T[]): Map<string, T[]> => {
  const by = new Map<string, T[]>();
  for (const row of rows) by.set(row.crossingId, [...(by.get(row.crossingId) ?? []), row]);
  return by;
};

/**
 * Crossings from either table as the consular screen shows them: pairing, every override and correction with
 * people's names, and the evidence shown at this station.
 */
export function toPassageRecords(ctx: CoreContext, rows: readonly PassageRecordRow[]): PassageRecord[] {
  const ids = rows.map((r) => r.id);
  const pairings = ctx.repos.passages.pairingsFor(ids);
  const partner = new Map<string, { id: string; method: 'document' | 'identity'; transitMinutes: number }>();
  for (const p of pairings) {
    partner.set(p.entryId, { id: p.exitId, method: p.method, transitMinutes: p.transitMinutes });
    partner.set(p.exitId, { id: p.entryId, method: p.method, transitMinutes: p.transitMinutes });
  }
  const local = rows.filter((r) => r.source === 'local').map((r) => r.id);
  const overrides = ctx.repos.overrides.allFor(local);
  const corrections = ctx.repos.corrections.forCrossings(local);
  const evidence = byCrossing(detailsOf(ctx).forCrossings(local).evidence);
  const names = personNames(ctx, [
    ...rows.map((r) => (r.source === 'local' ? r.operatorId : null)),
    ...[...overrides.values()].flat().flatMap((o) => [o.operatorId, o.authorisedBy]),
    ...[...corrections.values()].flat().map((c) => c.operatorId),
  ]);
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? null) : null);
  return rows.map((r) => {
    const own = overrides.get(r.id) ?? [];
    const named: NamedOverride[] = own.map((o) => ({ ...o, operatorName: nameOf(o.operatorId), authorisedByName: nameOf(o.authorisedBy) }));
    const corrected: PassageCorrection[] = (corrections.get(r.id) ?? []).map((c) => ({
      id: c.id,
      kind: c.kind,
      at: c.at,
      reason: c.reason,
      byName: nameOf(c.operatorId),
      disposition: c.disposition,
      direction: c.direction,
      outcome: c.outcome,
    }));
    const shown: PassageEvidence[] = (evidence.get(r.id) ?? []).map((e) => ({
      kind: e.kind,
      capturedAt: e.capturedAt,
      outcome: e.outcome,
      certificateType: e.certificateType,
      issuer: e.issuer,
      testType: e.testType,
      sampleTime: e.sampleTime,
      testResult: e.testResult,
    }));
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
      override: own.at(-1) ?? null,
      operatorName: r.source === 'local' ? nameOf(r.operatorId) : null,
      overrides: named,
      corrections: corrected,
      evidence: shown,
    };
  });
}
