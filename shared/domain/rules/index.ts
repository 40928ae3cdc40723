// Corridor rule profiles: which COVID evidence a receiving state accepts, judged at the decision time.
export type { PaperRule, RecoveryRule, RuleDirection, RuleProfile, RuleProfileRef, TestRule, VaccinationRule } from './rule-profile';
export { DEFAULT_RULE_PROFILES, UZBEKISTAN_TRANSIT_PCR_72H } from './default-profiles';
export { selectRuleProfile, type Direction, type ProfileQuery } from './select-profile';
export { acceptedEvidenceText, dccIntegrityVerdict, evaluateEvidence, FUTURE_SAMPLE_TOLERANCE_MS, type EvidenceVerdict, type RuleContext } from './evaluate-evidence';
export { judgeTraveller, type BusinessRulesInForce, type JudgeInput, type Judgement } from './judge-traveller';
export { ageInYears, formatInstant, parseInstant } from './instant';
