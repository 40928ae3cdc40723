import { describe, expect, it } from 'vitest';
import { RuleProfileSchema } from '../../../../shared/contract';
import type { Decision } from '../../../../shared/domain/decision';
import type { DccEvidence, Evidence, OtherQrEvidence, PaperLabEvidence, PassportPerson } from '../../../../shared/domain/evidence';
import {
  evaluateEvidence,
  judgeTraveller,
  parseInstant,
  selectRuleProfile,
  UZBEKISTAN_TRANSIT_PCR_72H,
  type RuleProfile,
} from '../../../../shared/domain/rules';

const HOUR = 3_600_000;
const AT = new Date('2021-06-03T08:00:00Z');
const PROFILE = UZBEKISTAN_TRANSIT_PCR_72H;
const NO_TRANSIT: RuleProfile = { ...PROFILE, expectedHoursToExit: null };

function pcr(sampleTime: string, overrides: Partial<DccEvidence> = {}, test: Partial<NonNullable<DccEvidence['test']>> = {}): DccEvidence {
  return {
    kind: 'dcc',
    id: 'dcc-1',
    capturedAt: AT.toISOString(),
    payloadSha256: 'ab'.repeat(32),
    valid: true,
    steps: {},
    problems: [],
    certificateType: 'test',
    signer: { country: 'UZ', kid: 'AAAAAAAAAAA=' },
    holder: { surnameStandardised: 'JURAEV', givenNamesStandardised: 'RUSTAM', birthDate: '1990-01-15' },
    test: {
      kind: 'pcr',
      typeCode: 'LP6464-4',
      result: 'negative',
      resultCode: '260415000',
      sampleTime,
      country: 'UZ',
      issuer: 'Ministry of Health',
      certificateId: 'URN:UVCI:01:UZ:1',
      ...test,
    },
    codes: [],
    ...overrides,
  };
}

const hoursBefore = (hours: number): string => new Date(AT.getTime() - hours * HOUR).toISOString();
const ctx = (profile: RuleProfile = PROFILE, direction: 'entry' | 'exit' = 'entry') => ({ profile, at: AT, direction });
const codes = (reasons: readonly { code: string }[]) => reasons.map((r) => r.code);

describe('rule profiles', () => {
  it('the default Uzbekistan transit profile is valid data: negative PCR at most 72 hours', () => {
    expect(RuleProfileSchema.parse(PROFILE)).toEqual(PROFILE);
    expect(PROFILE.accept.pcr).toEqual({ maxAgeHours: 72 });
    expect(PROFILE.accept.rat).toBeNull();
  });

  it('refuses malformed profiles with a reason', () => {
    const bad = RuleProfileSchema.safeParse({ ...PROFILE, accept: { ...PROFILE.accept, pcr: { maxAgeHours: -1 } } });
    expect(bad.success).toBe(false);
    expect(RuleProfileSchema.safeParse({ ...PROFILE, extra: 1 }).success).toBe(false);
    expect(RuleProfileSchema.safeParse({ ...PROFILE, effectiveFrom: 'tomorrow' }).success).toBe(false);
  });
});

describe('evaluateEvidence: test age', () => {
  it('accepts a PCR test exactly 72 hours old and refuses one a second older (no transit re-check)', () => {
    expect(evaluateEvidence(pcr(hoursBefore(72)), ctx(NO_TRANSIT)).outcome).toBe('OK');
    const late = evaluateEvidence(pcr(new Date(AT.getTime() - 72 * HOUR - 1000).toISOString()), ctx(NO_TRANSIT));
    expect(late.outcome).toBe('NOT_OK');
    expect(codes(late.reasons)).toContain('dcc.test.too-old');
    expect(late.reasons.find((r) => r.code === 'dcc.test.too-old')?.message).toMatch(/at most 72 hours/);
  });

  it('re-checks at the expected exit: valid at entry but expired before the bus leaves the corridor is NEEDS CROSS-CHECK', () => {
    // 12 hours of transit: a 61-hour-old test is 73 hours old at the exit.
    const verdict = evaluateEvidence(pcr(hoursBefore(61)), ctx(PROFILE, 'entry'));
    expect(verdict.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(codes(verdict.reasons)).toContain('dcc.test.expires-before-exit');
    expect(evaluateEvidence(pcr(hoursBefore(60)), ctx(PROFILE, 'entry')).outcome).toBe('OK');
  });

  it('does not re-check for a later exit when the traveller is leaving (exit direction)', () => {
    expect(evaluateEvidence(pcr(hoursBefore(61)), ctx(PROFILE, 'exit')).outcome).toBe('OK');
  });

  it('reads sample times without a zone as UTC, and questions samples from the future', () => {
    expect(parseInstant('2021-06-01T06:30:00')).toBe(Date.parse('2021-06-01T06:30:00Z'));
    expect(parseInstant('2021-06-01T08:30:00+02:00')).toBe(Date.parse('2021-06-01T06:30:00Z'));
    expect(parseInstant('not a date')).toBeUndefined();
    const future = evaluateEvidence(pcr(new Date(AT.getTime() + 2 * HOUR).toISOString()), ctx());
    expect(future.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(codes(future.reasons)).toContain('dcc.test.sample-in-future');
    expect(evaluateEvidence(pcr(new Date(AT.getTime() + 5 * 60_000).toISOString()), ctx()).outcome).toBe('OK');
  });
});

describe('evaluateEvidence: kinds', () => {
  it('refuses a rapid antigen test when the profile accepts PCR only, and accepts it when a version allows it', () => {
    const rat = pcr(hoursBefore(10), {}, { kind: 'rat', typeCode: 'LP217198-3' });
    const refused = evaluateEvidence(rat, ctx());
    expect(refused.outcome).toBe('NOT_OK');
    expect(refused.reasons[1]?.message).toMatch(/not accepted here\. Required: a negative PCR test at most 72 hours old/);
    const v2: RuleProfile = { ...PROFILE, version: 2, accept: { ...PROFILE.accept, rat: { maxAgeHours: 24 } } };
    expect(evaluateEvidence(rat, ctx(v2)).outcome).toBe('OK');
  });

  it('a positive result is NOT OK and marked positive', () => {
    const verdict = evaluateEvidence(pcr(hoursBefore(10), {}, { result: 'positive', resultCode: '260373001' }), ctx());
    expect(verdict).toMatchObject({ outcome: 'NOT_OK', positive: true });
  });

  it('codes outside the EU value sets need a cross-check, not a rejection', () => {
    const verdict = evaluateEvidence(pcr(hoursBefore(10), { codes: [{ path: 't/0/tr', code: 'NEGATIVO', known: false }] }, { result: 'unknown', resultCode: 'NEGATIVO' }), ctx());
    expect(verdict.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(codes(verdict.reasons)).toEqual(expect.arrayContaining(['dcc.code-unknown', 'dcc.test-result-unknown']));
  });

  it('maps verification failures: forged signature NOT OK, unknown signer and unreadable QR NEEDS CROSS-CHECK', () => {
    const failed = (step: string, code: string) =>
      evaluateEvidence(pcr(hoursBefore(10), { valid: false, problems: [{ step: step as never, code, message: 'detail' }] }), ctx()).outcome;
    expect(failed('signature', 'bad_signature')).toBe('NOT_OK');
    expect(failed('signature', 'unknown_kid')).toBe('NEEDS_CROSS_CHECK');
    expect(failed('base45', 'invalid_character')).toBe('NEEDS_CROSS_CHECK');
    expect(failed('keyUsage', 'not_permitted')).toBe('NOT_OK');
    expect(failed('expiry', 'expired')).toBe('NOT_OK');
    expect(failed('expiry', 'not_yet_valid')).toBe('NEEDS_CROSS_CHECK');
  });

  it('paper lab certificates are at most NEEDS CROSS-CHECK unless the profile says paper is enough', () => {
    const paper: PaperLabEvidence = {
      kind: 'paper-lab',
      id: 'paper-1',
      capturedAt: AT.toISOString(),
      lab: 'Tashkent Central Lab',
      testKind: 'pcr',
      sampleTime: hoursBefore(20),
      result: 'negative',
      certificateNumber: 'TCL-12345',
      hasPhoto: false,
    };
    expect(evaluateEvidence(paper, ctx()).outcome).toBe('NEEDS_CROSS_CHECK');
    const enough: RuleProfile = { ...PROFILE, accept: { ...PROFILE.accept, paperLabCertificate: { sufficient: true } } };
    expect(evaluateEvidence(paper, ctx(enough)).outcome).toBe('OK');
    expect(evaluateEvidence({ ...paper, sampleTime: hoursBefore(80) }, ctx(enough)).outcome).toBe('NOT_OK');
    const none: RuleProfile = { ...PROFILE, accept: { ...PROFILE.accept, paperLabCertificate: null } };
    expect(evaluateEvidence(paper, ctx(none)).outcome).toBe('NOT_OK');
  });

  it('other QR codes (lab links, SMART Health Cards, JSON) are recorded but need a cross-check', () => {
    const link: OtherQrEvidence = { kind: 'other-qr', id: 'q', capturedAt: AT.toISOString(), payloadSha256: 'cd'.repeat(32), form: 'url', text: 'https://lab.example.uz/r/1', host: 'lab.example.uz' };
    const verdict = evaluateEvidence(link, ctx());
    expect(verdict.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(verdict.reasons[0]?.message).toMatch(/lab\.example\.uz/);
    expect(evaluateEvidence(link, ctx({ ...PROFILE, accept: { ...PROFILE.accept, otherQr: false } })).outcome).toBe('NOT_OK');
  });
});

describe('selectRuleProfile: versions and effective-from', () => {
  const v1 = PROFILE;
  const v2: RuleProfile = { ...PROFILE, version: 2, effectiveFrom: '2021-06-04T00:00:00+05:00', accept: { ...PROFILE.accept, pcr: { maxAgeHours: 48 } } };

  it('uses the version in effect at the decision time: a rule saved for tomorrow takes over at midnight', () => {
    expect(selectRuleProfile([v1, v2], { corridor: 'KZ-UZ-TJ', direction: 'entry', at: AT })?.version).toBe(1);
    expect(selectRuleProfile([v2, v1], { corridor: 'KZ-UZ-TJ', direction: 'entry', at: new Date('2021-06-03T19:00:00Z') })?.version).toBe(2);
  });

  it('a correction with an earlier effective-from replaces its predecessor at once', () => {
    const fix: RuleProfile = { ...PROFILE, version: 3, effectiveFrom: '2020-01-01T00:00:00Z' };
    expect(selectRuleProfile([v1, v2, fix], { corridor: 'KZ-UZ-TJ', direction: 'entry', at: AT })?.version).toBe(3);
  });

  it('filters by corridor and direction, or by the profile id a corridor names', () => {
    const exitOnly: RuleProfile = { ...PROFILE, id: 'tj-exit', direction: 'exit', corridor: 'KZ-UZ-TJ', effectiveFrom: '2021-01-01T00:00:00Z' };
    expect(selectRuleProfile([v1, exitOnly], { corridor: 'KZ-UZ-TJ', direction: 'exit', at: AT })?.id).toBe('tj-exit');
    expect(selectRuleProfile([v1, exitOnly], { corridor: 'KZ-UZ-TJ', direction: 'entry', at: AT })?.id).toBe('uz-transit-pcr');
    expect(selectRuleProfile([v1], { corridor: 'OTHER', direction: 'entry', at: AT })).toBeUndefined();
    expect(selectRuleProfile([v1], { corridor: 'OTHER', direction: 'entry', at: AT, profileId: 'uz-transit-pcr' })?.id).toBe('uz-transit-pcr');
    expect(selectRuleProfile([v1], { corridor: 'KZ-UZ-TJ', direction: 'entry', at: new Date('2020-01-01T00:00:00Z') })).toBeUndefined();
  });
});

describe('judgeTraveller: the combined decision', () => {
  const okPassport: Decision = { outcome: 'OK', recordable: true, reasons: [{ code: 'mrz.valid', severity: 'info', message: 'Passport zone read.' }] };
  const person = (birthDate: string): PassportPerson => ({ surname: 'JURAEV', givenNames: 'RUSTAM', birthDate });
  const judge = (evidence: Evidence[], birthDate = '1990-01-15', profile: RuleProfile | undefined = PROFILE) =>
    judgeTraveller({ at: AT, direction: 'entry', corridor: 'KZ-UZ-TJ', profile, passport: { decision: okPassport, person: person(birthDate) }, evidence });

  it('passport alone is NOT OK under a PCR profile, with what is required in plain words', () => {
    const j = judge([]);
    expect(j.decision.outcome).toBe('NOT_OK');
    expect(j.decision.reasons.find((r) => r.code === 'evidence.missing')?.message).toMatch(/negative PCR test at most 72 hours old/);
    expect(j.decision.recordable).toBe(true);
  });

  it('passport + valid matching PCR certificate is OK, and names the profile', () => {
    const j = judge([pcr(hoursBefore(20))]);
    expect(j.decision.outcome).toBe('OK');
    expect(j.match?.status).toBe('match');
    expect(j.decision.reasons.at(-1)?.message).toMatch(/uz-transit-pcr v1/);
  });

  it('a certificate of someone else is NEEDS CROSS-CHECK with both names side by side', () => {
    const other = pcr(hoursBefore(20), { holder: { surnameStandardised: 'KARIMOVA', givenNamesStandardised: 'DILNOZA', birthDate: '1985-12-03' } });
    const j = judge([other]);
    expect(j.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    const reason = j.decision.reasons.find((r) => r.code === 'match.name-different');
    expect(reason?.message).toContain('Certificate: KARIMOVA, DILNOZA');
    expect(reason?.message).toContain('Passport: JURAEV, RUSTAM');
    expect(j.match?.status).toBe('mismatch');
  });

  it('one sufficient piece of evidence is enough; the rejected one stays as information', () => {
    const rat = pcr(hoursBefore(5), { id: 'rat' }, { kind: 'rat', typeCode: 'LP217198-3' });
    const j = judge([rat, pcr(hoursBefore(20), { id: 'pcr' })]);
    expect(j.decision.outcome).toBe('OK');
    expect(j.decision.reasons.find((r) => r.code === 'dcc.rat-not-accepted')?.severity).toBe('info');
  });

  it('a positive test is NOT OK whatever else is shown', () => {
    const positive = pcr(hoursBefore(5), { id: 'pos' }, { result: 'positive', resultCode: '260373001' });
    expect(judge([pcr(hoursBefore(20), { id: 'neg' }), positive]).decision.outcome).toBe('NOT_OK');
  });

  it('children under the exemption age (by the passport birth date) need no evidence', () => {
    // Born 2016-06-04: 4 years old on 2021-06-03, 5 the next day.
    const child = judge([], '2016-06-04');
    expect(child.exempt).toBe(true);
    expect(child.decision.outcome).toBe('OK');
    expect(child.decision.reasons.map((r) => r.code)).toContain('rules.exempt-child');
    expect(judge([], '2016-06-03').decision.outcome).toBe('NOT_OK');
  });

  it('without a passport the evidence is judged but nothing is recordable', () => {
    const j = judgeTraveller({ at: AT, direction: 'entry', corridor: 'KZ-UZ-TJ', profile: PROFILE, evidence: [pcr(hoursBefore(20))] });
    expect(j.decision).toMatchObject({ outcome: 'NEEDS_CROSS_CHECK', recordable: false });
    expect(j.decision.reasons[0]?.code).toBe('transaction.needs-passport');
  });

  it('without a profile in effect the decision is NEEDS CROSS-CHECK and says why', () => {
    const j = judgeTraveller({
      at: AT,
      direction: 'entry',
      corridor: 'KZ-UZ-TJ',
      profile: undefined,
      passport: { decision: okPassport, person: person('1990-01-15') },
      evidence: [pcr(hoursBefore(20))],
    });
    expect(j.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(j.decision.reasons.at(-1)?.code).toBe('rules.none');
  });
});
