import type { StationStore } from '../../node/db';
import { EvidenceRepo } from '../../node/db/evidence-repo';
import type { CoreContext } from '../core-context';
import type { JudgedTraveller } from './judged-travellers';

const repos = new WeakMap<StationStore, EvidenceRepo>();

/** The rule profile a traveller was judged by, as the crossing row records it. */
export function ruleProfileOf(judged: JudgedTraveller): { ruleProfileId: string | null; ruleProfileVersion: number | null } {
  const ref = judged.result.ruleProfile;
  return { ruleProfileId: ref?.id ?? null, ruleProfileVersion: ref?.version ?? null };
}

/**
 * Stores the evidence a recorded traveller showed next to their crossing, with an audit row naming each
 * piece by id, kind and payload hash (no personal data). Call inside the crossing's database transaction.
 */
export function recordEvidence(ctx: CoreContext, crossingId: string, judged: JudgedTraveller): void {
  const parts = judged.traveller?.evidence ?? [];
  if (parts.length === 0) return;
  let repo = repos.get(ctx.store);
  if (!repo) {
    repo = new EvidenceRepo(ctx.store.database);
    repos.set(ctx.store, repo);
  }
  const outcomes = new Map((judged.result.evidence ?? []).map((item) => [item.id, item.verdict?.outcome]));
  const rows = parts.map((part) => ({
    evidence: part.evidence,
    outcome: outcomes.get(part.evidence.id) ?? 'NEEDS_CROSS_CHECK',
    ...(part.photo ? { photo: part.photo } : {}),
  }));
  repo.insertForCrossing(crossingId, rows);
  ctx.store.appendAudit({
    at: ctx.now().toISOString(),
    actor: ctx.session.actor(),
    action: 'crossing.evidence-recorded',
    entity: 'crossing',
    entityId: crossingId,
    payload: {
      ruleProfile: judged.result.ruleProfile ? `${judged.result.ruleProfile.id}@${judged.result.ruleProfile.version}` : null,
      evidence: rows.map(({ evidence, outcome }) => ({
        id: evidence.id,
        kind: evidence.kind,
        outcome,
        payloadSha256: evidence.kind === 'paper-lab' ? null : evidence.payloadSha256,
      })),
    },
  });
}
