import type { EvidenceItem, ScanResult } from '../../contract';
import type { Evidence } from '../../domain/evidence';
import { judgeTraveller, type EvidenceVerdict } from '../../domain/rules';
import type { ResolvedRules } from '../rules/rule-profile-service';
import { JUDGEMENT_TTL_MS } from './judged-travellers';
import type { LaneTraveller } from './lane-traveller';

export interface JudgeContext {
  readonly at: Date;
  readonly rules: ResolvedRules;
  /** The traveller's latest scan. */
  readonly classification: ScanResult['classification'];
  readonly source: ScanResult['source'];
}

/** The combined decision on a traveller at `at`, as the lane shows it and recordCrossing records it. */
export function judgeLaneTraveller(tx: LaneTraveller, ctx: JudgeContext): ScanResult {
  const judgement = judgeTraveller({
    at: ctx.at,
    direction: tx.direction,
    corridor: ctx.rules.corridor,
    profile: ctx.rules.profile,
    ...(tx.passport ? { passport: { decision: tx.passport.decision, person: tx.passport.person } } : {}),
    evidence: tx.evidence.map((part) => part.evidence),
    ...(ctx.rules.businessRules ? { businessRules: ctx.rules.businessRules } : {}),
  });
  const verdicts = new Map(judgement.verdicts.map((v) => [v.evidenceId, v]));
  const document = tx.passport?.document;
  const mrz = tx.passport?.mrz;
  return {
    scanId: tx.id,
    receivedAt: ctx.at.toISOString(),
    expiresAt: new Date(ctx.at.getTime() + JUDGEMENT_TTL_MS).toISOString(),
    source: ctx.source,
    classification: ctx.classification,
    ...(document ? { document } : {}),
    ...(mrz ? { mrz } : {}),
    decision: { outcome: judgement.decision.outcome, recordable: judgement.decision.recordable && document !== undefined, reasons: judgement.decision.reasons },
    evidence: tx.evidence.map(({ evidence }) => toItem(evidence, verdicts.get(evidence.id))),
    ...(judgement.match ? { match: judgement.match } : {}),
    ...(ctx.rules.ref ? { ruleProfile: ctx.rules.ref } : {}),
  };
}

/** The contract's (mutable, zod-typed) form of a piece of evidence, with its verdict. */
function toItem(evidence: Evidence, verdict: EvidenceVerdict | undefined): EvidenceItem {
  const judged = verdict ? { verdict: { outcome: verdict.outcome, reasons: [...verdict.reasons] } } : {};
  if (evidence.kind !== 'dcc') return { ...evidence, ...judged };
  return { ...evidence, problems: [...evidence.problems], codes: [...evidence.codes], ...judged } as EvidenceItem;
}
