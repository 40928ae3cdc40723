import { worseOutcome, type Decision, type Outcome, type Reason } from '../decision';
import { judgeByRuleSet, type BusinessRuleSet } from '../business-rules';
import { matchPerson, type DccEvidence, type Evidence, type PassportPerson, type PersonMatch } from '../evidence';
import { acceptedEvidenceText, evaluateEvidence, type EvidenceVerdict } from './evaluate-evidence';
import { ageInYears, formatInstant } from './instant';
import type { RuleProfile } from './rule-profile';
import type { Direction } from './select-profile';

export interface JudgeInput {
  /** The decision time. */
  readonly at: Date;
  readonly direction: Direction;
  readonly corridor: string;
  /** The profile in effect (selectRuleProfile); `undefined` when none is. */
  readonly profile: RuleProfile | undefined;
  /** The passport of the transaction: the decision its MRZ supports alone, and the person it names. */
  readonly passport?: { readonly decision: Decision; readonly person: PassportPerson };
  readonly evidence: readonly Evidence[];
  /**
   * The receiving state's EU business rules (CertLogic), when the station has imported them: every verified DCC must
   * also pass the rules in force for its type. The corridor profile still judges what CertLogic does not express.
   */
  readonly businessRules?: BusinessRulesInForce;
}

export interface BusinessRulesInForce {
  readonly set: BusinessRuleSet;
  /** The station's import number of this set, stamped on the crossing in the reasons. */
  readonly version: number;
  readonly valueSets: Readonly<Record<string, readonly string[]>>;
}

export interface Judgement {
  readonly decision: Decision;
  readonly verdicts: readonly EvidenceVerdict[];
  /** Certificate holder ↔ passport, for the certificate that decided (else the first one with a holder). */
  readonly match?: PersonMatch;
  readonly exempt: boolean;
}

const RANK: Record<Outcome, number> = { OK: 0, NEEDS_CROSS_CHECK: 1, NOT_OK: 2 };
const better = (a: Outcome, b: Outcome): Outcome => (RANK[b] < RANK[a] ? b : a);

/**
 * The combined decision on a traveller at the lane: the passport's own checks, the evidence judged by the
 * corridor's rule profile, and whether the certificate belongs to the passport holder.
 * - One sufficient piece of evidence is enough (a valid PCR certificate next to a rejected rapid test
 *   is OK), except that a verified positive result is NOT OK whatever else is shown.
 * - A certificate whose holder does not match the passport is at most NEEDS CROSS-CHECK, with both
 *   versions side by side in the reasons.
 * - Children under the profile's exemption age (by the passport's birth date) need no evidence.
 */
export function judgeTraveller(input: JudgeInput): Judgement {
  const { profile, passport } = input;
  const reasons: Reason[] = [];
  let outcome: Outcome;
  let recordable: boolean;
  if (passport) {
    outcome = passport.decision.outcome;
    recordable = passport.decision.recordable;
    reasons.push(...passport.decision.reasons);
  } else {
    outcome = 'NEEDS_CROSS_CHECK';
    recordable = false;
    reasons.push({ code: 'transaction.needs-passport', severity: 'warning', message: 'Scan the passport to complete the check and record the crossing.' });
  }

  if (!profile) {
    reasons.push({
      code: 'rules.none',
      severity: 'warning',
      message: `No COVID rule profile is in effect for corridor ${input.corridor} (${input.direction}); the evidence cannot be judged. Ask the shift lead.`,
    });
    return { decision: { outcome: worseOutcome(outcome, 'NEEDS_CROSS_CHECK'), recordable, reasons }, verdicts: [], exempt: false };
  }

  const ctx = { profile, at: input.at, direction: input.direction };
  let firstMatch: PersonMatch | undefined;
  const matches = new Map<string, PersonMatch>();
  const verdicts = input.evidence.map((evidence): EvidenceVerdict => {
    const evaluated = evaluateEvidence(evidence, ctx);
    const verdict = evidence.kind === 'dcc' && input.businessRules ? withBusinessRules(evaluated, evidence, input.businessRules, input.at) : evaluated;
    // A lab list names its people like a certificate does: the holder is compared with the passport the same way.
    if ((evidence.kind !== 'dcc' && evidence.kind !== 'lab-result' && evidence.kind !== 'paper-lab') || !evidence.holder || !passport) return verdict;
    const match = matchPerson(evidence.holder, passport.person);
    firstMatch ??= match;
    matches.set(evidence.id, match);
    return withMatch(verdict, match);
  });

  const exemptAge = profile.exemptions.childrenUnderYears;
  const age = passport?.person.birthDate ? ageInYears(passport.person.birthDate, input.at) : undefined;
  const exempt = exemptAge !== null && age !== undefined && age < exemptAge;

  let evidenceOutcome: Outcome;
  if (verdicts.some((v) => v.positive)) {
    evidenceOutcome = 'NOT_OK';
  } else if (verdicts.length === 0) {
    evidenceOutcome = exempt ? 'OK' : 'NOT_OK';
  } else {
    evidenceOutcome = verdicts.map((v) => v.outcome).reduce(better);
    if (exempt) evidenceOutcome = 'OK';
  }

  if (profile.evidenceRequired === false && !verdicts.some((v) => v.positive)) {
    evidenceOutcome = 'OK';
    reasons.push({ code: 'rules.no-evidence-required', severity: 'info', message: 'No COVID evidence is required on this corridor now: the passport decides.' });
  } else if (exempt) {
    reasons.push({ code: 'rules.exempt-child', severity: 'info', message: `A child under ${exemptAge} (age ${age}): no COVID evidence is required.`, params: { exemptAge, age } });
  } else if (verdicts.length === 0) {
    reasons.push({
      code: 'evidence.missing',
      severity: 'blocking',
      message: `No COVID evidence presented. Required: ${acceptedEvidenceText(profile)}. Scan the certificate, or enter a paper certificate (F8).`,
    });
  }
  for (const verdict of verdicts) {
    // Reasons of evidence that did not decide the outcome stay visible, but only as information.
    const demote = RANK[verdict.outcome] > RANK[evidenceOutcome];
    for (const reason of verdict.reasons) reasons.push(demote && reason.severity !== 'info' ? { ...reason, severity: 'info' } : reason);
  }
  const effective = formatInstant(Date.parse(profile.effectiveFrom));
  reasons.push({
    code: 'rules.profile',
    severity: 'info',
    message: `Judged by rule profile “${profile.name}” (${profile.id} v${profile.version}, in effect since ${effective}).`,
    params: { name: profile.name, id: profile.id, version: profile.version, effective },
  });

  const deciding = verdicts.find((v) => v.outcome === evidenceOutcome && matches.has(v.evidenceId));
  const match = deciding ? matches.get(deciding.evidenceId) : firstMatch;
  return {
    decision: { outcome: worseOutcome(outcome, evidenceOutcome), recordable, reasons },
    verdicts,
    ...(match ? { match } : {}),
    exempt,
  };
}

const RULE_TYPE = { test: 'Test', vaccination: 'Vaccination', recovery: 'Recovery' } as const;

/**
 * A verified DCC against the receiving state's business rules: a rule that gives false (or cannot be evaluated) makes
 * it NOT OK, naming the rule. The set's country and version are stamped in the reasons either way.
 */
function withBusinessRules(verdict: EvidenceVerdict, evidence: DccEvidence, rules: BusinessRulesInForce, at: Date): EvidenceVerdict {
  if (!evidence.valid || !evidence.hcert || !evidence.certificateType) return verdict;
  const result = judgeByRuleSet(rules.set, {
    payload: evidence.hcert,
    certificateType: RULE_TYPE[evidence.certificateType],
    at,
    ...(evidence.claims?.issuedAt ? { issuedAt: evidence.claims.issuedAt } : {}),
    ...(evidence.claims?.expiresAt ? { expiresAt: evidence.claims.expiresAt } : {}),
    ...(evidence.signer ? { issuerCountry: evidence.signer.country } : {}),
    valueSets: rules.valueSets,
  });
  const reasons: Reason[] = [...verdict.reasons];
  const country = rules.set.country;
  for (const failed of result.failed) {
    reasons.push({
      code: 'rules.business-rule-failed',
      severity: 'blocking',
      message: `The certificate does not meet ${country}'s rule ${failed.id}: ${failed.description}`,
      params: { country, rule: failed.id, description: failed.description },
    });
  }
  for (const broken of result.broken) {
    reasons.push({
      code: 'rules.business-rule-broken',
      severity: 'blocking',
      message: `${country}'s rule ${broken.id} could not be evaluated (${broken.message}); the certificate cannot pass it. Ask the shift lead to import the rules again.`,
      params: { country, rule: broken.id },
    });
  }
  reasons.push({
    code: 'rules.business-rules',
    severity: 'info',
    message: `Checked against ${country}'s EU business rules (version ${rules.version}, ${result.evaluated.length} rules in force).`,
    params: { country, version: rules.version, rules: result.evaluated.length },
  });
  const outcome = result.failed.length + result.broken.length > 0 ? worseOutcome(verdict.outcome, 'NOT_OK') : verdict.outcome;
  return { ...verdict, outcome, reasons };
}

/** A certificate that names someone else than the passport cannot make the crossing OK by itself. */
function withMatch(verdict: EvidenceVerdict, match: PersonMatch): EvidenceVerdict {
  const reasons = [...verdict.reasons];
  let outcome = verdict.outcome;
  const name = match.name;
  if (name.status === 'different' || name.status === 'unknown') {
    outcome = worseOutcome(outcome, 'NEEDS_CROSS_CHECK');
    const original = name.certificateOriginal ? ` (${name.certificateOriginal})` : '';
    reasons.push({
      code: 'match.name-different',
      severity: 'warning',
      message: `The names differ. Certificate: ${name.certificate || '(none)'}${original}. Passport: ${name.passport}. Check that the certificate belongs to this traveller.`,
      params: { certificate: `${name.certificate || '—'}${original}`, passport: name.passport },
    });
  } else if (name.status === 'swapped') {
    reasons.push({
      code: 'match.name-swapped',
      severity: 'info',
      message: `Surname and given names are swapped on the certificate (${name.certificate}); the names match.`,
      params: { certificate: name.certificate },
    });
  } else if (name.givenNamesPartial) {
    reasons.push({
      code: 'match.name-partial',
      severity: 'info',
      message: `Names match; one document leaves out a given name (certificate: ${name.certificate}, passport: ${name.passport}).`,
      params: { certificate: name.certificate, passport: name.passport },
    });
  }
  const dob = match.birthDate;
  if (dob.status === 'different') {
    outcome = worseOutcome(outcome, 'NEEDS_CROSS_CHECK');
    reasons.push({
      code: 'match.birth-date-different',
      severity: 'warning',
      message: `The dates of birth differ. Certificate: ${dob.certificate || '(none)'}. Passport: ${dob.passport ?? '(unreadable)'}.`,
      params: { certificate: dob.certificate || '—', passport: dob.passport ?? '?' },
    });
  } else if (dob.status === 'unknown') {
    reasons.push({ code: 'match.birth-date-unknown', severity: 'info', message: 'The date of birth could not be compared (missing on one document).' });
  }
  if (match.status === 'match') {
    const both = dob.status === 'same' ? ' (name and date of birth agree)' : '';
    reasons.push({ code: 'match.ok', severity: 'info', message: `The certificate names the passport holder${both}.` });
  }
  return { ...verdict, outcome, reasons };
}
