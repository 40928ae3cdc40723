import { createHash } from 'node:crypto';
import type {
  ExportCorrection,
  ExportDisposition,
  ExportEvidence,
  ExportOverride,
  ExportPairing,
  ExportPerson,
  ExportableCrossingState,
} from '../../domain/export';
import type { CrossingDetails, CrossingExportColumns, ExportUserRow } from '../db';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Reason lists are JSON in the row; a correction carries only the codes it set. */
const reasonCodes = (json: string | null): string[] | null => (json === null ? null : (JSON.parse(json) as { code: string }[]).map((r) => r.code));

/**
 * Builds the version 2 state of each crossing of a page from its columns and the page's details. People are
 * named by id, name and role as the station knows them when the bundle is written.
 */
export function crossingStateReader(users: readonly ExportUserRow[]): (page: readonly CrossingExportColumns[], details: CrossingDetails) => Map<string, ExportableCrossingState> {
  const byId = new Map(users.map((u) => [u.id, u]));
  const person = (userId: string, role?: string | null): ExportPerson => {
    const user = byId.get(userId);
    return { userId, name: user?.name ?? null, role: role ?? user?.role ?? null };
  };
  return (page, details) => {
    const overrides = new Map<string, ExportOverride[]>();
    for (const o of details.overrides) {
      const by = person(o.authorisedBy ?? o.operatorId, o.authorisedBy === null ? null : o.authoriserRole);
      const list = overrides.get(o.crossingId) ?? [];
      list.push({
        id: o.id,
        at: o.at,
        by,
        enteredBy: o.authorisedBy === null || o.authorisedBy === o.operatorId ? null : person(o.operatorId),
        reason: o.reason,
        from: { outcome: o.previousOutcome, disposition: o.previousDisposition },
        to: { outcome: o.outcome, disposition: o.disposition },
      });
      overrides.set(o.crossingId, list);
    }
    const corrections = new Map<string, ExportCorrection[]>();
    for (const k of details.corrections) {
      const list = corrections.get(k.crossingId) ?? [];
      list.push({
        id: k.id,
        at: k.at,
        kind: k.kind,
        by: k.operatorId === null ? null : person(k.operatorId),
        reason: k.reason,
        set: { disposition: k.disposition, direction: k.direction, outcome: k.outcome, reasonCodes: reasonCodes(k.reasonsJson), groupId: k.groupId },
        overrideId: k.overrideId,
      });
      corrections.set(k.crossingId, list);
    }
    const evidence = new Map<string, ExportEvidence[]>();
    for (const e of details.evidence) {
      const list = evidence.get(e.crossingId) ?? [];
      const tested = e.testType !== null || e.sampleTime !== null || e.testResult !== null;
      list.push({
        id: e.id,
        kind: e.kind,
        capturedAt: e.capturedAt,
        certificateType: e.certificateType,
        issuer: e.issuer,
        certificateIdSha256: e.certificateId === null || e.certificateId === '' ? null : sha256(e.certificateId),
        test: tested ? { type: e.testType, sampleTime: e.sampleTime, result: e.testResult } : null,
        verdict: e.outcome,
      });
      evidence.set(e.crossingId, list);
    }
    const pairings = new Map<string, ExportPairing>();
    for (const p of details.pairings) {
      pairings.set(p.entryId, { crossingId: p.exitId, method: p.method, transitMinutes: p.transitMinutes });
      pairings.set(p.exitId, { crossingId: p.entryId, method: p.method, transitMinutes: p.transitMinutes });
    }
    const states = new Map<string, ExportableCrossingState>();
    for (const c of page) {
      const id = c[1];
      states.set(id, {
        disposition: c[16] as ExportDisposition,
        current: { disposition: c[17] as ExportDisposition, direction: c[18], outcome: c[19], groupId: c[20] },
        overrides: overrides.get(id) ?? [],
        corrections: corrections.get(id) ?? [],
        evidence: evidence.get(id) ?? [],
        pairing: pairings.get(id) ?? null,
      });
    }
    return states;
  };
}
