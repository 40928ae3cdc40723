import { worseOutcome, type Outcome, type Reason } from '../decision';
import type { TestKind } from '../evidence';
import { formatHours, formatInstant, HOUR_MS, parseInstant } from './instant';
import type { RuleProfile } from './rule-profile';
import type { Direction } from './select-profile';

/** What one piece of evidence is worth under a profile, on its own. */
export interface EvidenceVerdict {
  readonly evidenceId: string;
  readonly outcome: Outcome;
  readonly reasons: readonly Reason[];
  /** A verified positive test: it decides NOT OK whatever else the traveller shows. */
  readonly positive: boolean;
}

export interface RuleContext {
  readonly profile: RuleProfile;
  /** The decision time: ages are measured at this instant, never at the wall clock. */
  readonly at: Date;
  readonly direction: Direction;
}

/** Clock skew between a lab's computer and the station tolerated before a sample time counts as "in the future". */
export const FUTURE_SAMPLE_TOLERANCE_MS = 15 * 60 * 1000;

export const TEST_LABEL: Record<TestKind, string> = { pcr: 'PCR test', rat: 'Rapid antigen test', unknown: 'Test' };

export class Verdict {
  outcome: Outcome = 'OK';
  readonly reasons: Reason[] = [];
  positive = false;

  constructor(readonly evidenceId: string) {}

  add(outcome: Outcome, code: string, message: string, params?: Reason['params']): this {
    this.outcome = worseOutcome(this.outcome, outcome);
    const severity = outcome === 'OK' ? 'info' : outcome === 'NOT_OK' ? 'blocking' : 'warning';
    this.reasons.push(params ? { code, severity, message, params } : { code, severity, message });
    return this;
  }

  done(): EvidenceVerdict {
    return { evidenceId: this.evidenceId, outcome: this.outcome, reasons: this.reasons, positive: this.positive };
  }
}

/**
 * Sample age against the profile's limit: at the decision time, and on entry also at the time the
 * traveller is expected to leave the corridor (a test valid at entry but expired before the exit is
 * NEEDS CROSS-CHECK: the receiving state checks it again there).
 */
export function checkTestAge(v: Verdict, label: string, sampleTime: string, maxAgeHours: number, ctx: RuleContext, codePrefix: string): void {
  const sample = parseInstant(sampleTime);
  if (sample === undefined) {
    v.add('NEEDS_CROSS_CHECK', `${codePrefix}.sample-time-unreadable`, `${label}: the sample time "${sampleTime}" is not a date and time; read it from the paper.`);
    return;
  }
  const now = ctx.at.getTime();
  const ageMs = now - sample;
  const limitMs = maxAgeHours * HOUR_MS;
  if (ageMs < -FUTURE_SAMPLE_TOLERANCE_MS) {
    v.add('NEEDS_CROSS_CHECK', `${codePrefix}.sample-in-future`, `${label}: the sample time ${formatInstant(sample)} lies in the future; check the certificate.`);
    return;
  }
  const age = formatHours(Math.max(0, ageMs) / HOUR_MS);
  if (ageMs > limitMs) {
    v.add(
      'NOT_OK',
      `${codePrefix}.too-old`,
      `${label} is too old: sample taken ${formatInstant(sample)}, ${age} ago; at most ${maxAgeHours} hours are allowed.`,
      { sample: formatInstant(sample), ageHours: Math.floor(Math.max(0, ageMs) / HOUR_MS), maxAgeHours },
    );
    return;
  }
  const hoursToExit = ctx.profile.expectedHoursToExit;
  if (ctx.direction === 'entry' && hoursToExit !== null && ageMs + hoursToExit * HOUR_MS > limitMs) {
    const expiry = sample + limitMs;
    const exit = now + hoursToExit * HOUR_MS;
    v.add(
      'NEEDS_CROSS_CHECK',
      `${codePrefix}.expires-before-exit`,
      `${label} is valid now (${age} old) but expires at ${formatInstant(expiry)}, before the expected exit from the corridor at ${formatInstant(exit)}.`,
      { expiresAt: formatInstant(expiry), exitAt: formatInstant(exit) },
    );
    return;
  }
  v.add('OK', `${codePrefix}.age-ok`, `${label} sample taken ${formatInstant(sample)}, ${age} ago (limit ${maxAgeHours} hours).`, {
    sample: formatInstant(sample),
    ageHours: Math.floor(Math.max(0, ageMs) / HOUR_MS),
    maxAgeHours,
  });
}

export function testRuleFor(kind: TestKind, profile: RuleProfile): { maxAgeHours: number } | null {
  if (kind === 'pcr') return profile.accept.pcr;
  if (kind === 'rat') return profile.accept.rat;
  return null;
}

/** The evidence a profile accepts, in words for reasons. */
export function acceptedEvidenceText(profile: RuleProfile): string {
  const kinds: string[] = [];
  if (profile.accept.pcr) kinds.push(`a negative PCR test at most ${profile.accept.pcr.maxAgeHours} hours old`);
  if (profile.accept.rat) kinds.push(`a negative rapid antigen test at most ${profile.accept.rat.maxAgeHours} hours old`);
  if (profile.accept.vaccination) kinds.push('a vaccination certificate');
  if (profile.accept.recovery) kinds.push('a recovery certificate');
  return kinds.length > 0 ? kinds.join(', or ') : 'no evidence kind (check the rule profile)';
}

