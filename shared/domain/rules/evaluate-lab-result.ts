import type { LabResultEvidence } from '../evidence';
import { acceptedEvidenceText, checkTestAge, TEST_LABEL, testRuleFor, Verdict, type EvidenceVerdict, type RuleContext } from './test-verdict';

const FOUND_BY: Record<LabResultEvidence['matchedBy'], string> = {
  document: 'found by the passport number',
  identity: 'found by name and date of birth',
  link: 'found by the scanned result link',
};

/**
 * A result on a lab's signed list: verified evidence (the list's signature by the lab's registered key was checked
 * at import), judged like a test certificate by the corridor's rule. The reasons name the lab and the list.
 */
export function evaluateLabResult(evidence: LabResultEvidence, ctx: RuleContext): EvidenceVerdict {
  const v = new Verdict(evidence.id);
  const list = `list ${evidence.list.version} (${evidence.list.source})`;
  const params = { lab: evidence.lab.name, country: evidence.lab.country, list: evidence.list.version, source: evidence.list.source, reference: evidence.reference };
  v.add('OK', `lab-list.${evidence.matchedBy}`, `Result ${evidence.reference} on the signed result list of ${evidence.lab.name} (${evidence.lab.country}), ${list}, ${FOUND_BY[evidence.matchedBy]}.`, params);
  const label = `${TEST_LABEL[evidence.testKind]} (${evidence.lab.name}, ${list})`;
  if (evidence.result === 'positive') {
    v.positive = true;
    v.add('NOT_OK', 'lab-list.test-positive', `${label}: the result is POSITIVE.`, params);
    return v.done();
  }
  const rule = testRuleFor(evidence.testKind, ctx.profile);
  if (!rule) {
    v.add('NOT_OK', `lab-list.${evidence.testKind}-not-accepted`, `${TEST_LABEL[evidence.testKind]}s are not accepted here. Required: ${acceptedEvidenceText(ctx.profile)}.`);
    return v.done();
  }
  checkTestAge(v, label, evidence.sampleTime, rule.maxAgeHours, ctx, 'lab-list.test');
  return v.done();
}
