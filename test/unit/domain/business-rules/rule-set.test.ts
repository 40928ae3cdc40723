/**
 * Business rule sets at the lane: a real signed DCC (generated signer, verifyDcc, evidenceFromDcc) judged by the
 * corridor profile and by a receiving state's CertLogic rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { judgeByRuleSet, parseRuleSet, rulesInForce, type BusinessRuleSet } from '../../../../shared/domain/business-rules';
import { buildTrustList, certLogicValueSets, parseDscCertificate, verifyDcc } from '../../../../shared/domain/dcc';
import { evidenceFromDcc, type DccEvidence } from '../../../../shared/domain/evidence';
import { judgeTraveller, UZBEKISTAN_TRANSIT_PCR_72H } from '../../../../shared/domain/rules';
import { makeDcc, makeSigner, T0, testHcert } from '../../../fixtures/dcc/build-dcc';

const AT = new Date((T0 + 3600) * 1000); // 2021-06-01T09:00Z, the sample was taken at 06:30Z

/** UZ's rules in the EU shape: a PCR sample at most 6 hours old (tight, so a test can fail it), and a General rule. */
function rule(id: string, version: string, logic: unknown, extra: Record<string, unknown> = {}) {
  return {
    Identifier: id,
    Type: 'Acceptance',
    Country: 'UZ',
    Version: version,
    SchemaVersion: '1.0.0',
    Engine: 'CERTLOGIC',
    EngineVersion: '1.0.0',
    CertificateType: 'Test',
    Description: [{ lang: 'en', desc: `rule ${id} v${version}` }],
    ValidFrom: '2021-01-01T00:00:00Z',
    ValidTo: '2030-01-01T00:00:00Z',
    AffectedFields: ['t.0.sc'],
    Logic: logic,
    ...extra,
  };
}
const sampleWithin = (hours: number) => ({
  'not-after': [{ plusTime: [{ var: 'external.validationClock' }, 0, 'hour'] }, { plusTime: [{ var: 'payload.t.0.sc' }, hours, 'hour'] }],
});
const negative = { in: [{ var: 'payload.t.0.tr' }, { var: 'external.valueSets.covid-19-lab-result' }] };

const ruleSet = (rules: unknown[]): BusinessRuleSet => {
  const parsed = parseRuleSet(JSON.stringify(rules));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
};

describe('business rule sets', () => {
  let evidence: DccEvidence;
  beforeAll(async () => {
    const signer = await makeSigner('ES256', { country: 'UZ' });
    const dsc = await parseDscCertificate(signer.der);
    if (!dsc.ok) throw new Error(dsc.error.message);
    const verification = await verifyDcc(await makeDcc(signer, { hcert: testHcert() }), { trustList: buildTrustList([dsc.value]), at: AT });
    evidence = evidenceFromDcc(verification, { id: 'dcc-1', capturedAt: AT, payloadSha256: '' });
    expect(evidence.valid).toBe(true);
  });

  const judge = (set: BusinessRuleSet | undefined) =>
    judgeTraveller({
      at: AT,
      direction: 'entry',
      corridor: 'KZ-UZ-TJ',
      profile: UZBEKISTAN_TRANSIT_PCR_72H,
      evidence: [evidence],
      ...(set ? { businessRules: { set, version: 3, valueSets: certLogicValueSets() } } : {}),
    });

  it('passes a certificate that meets every rule in force, stamping the set version', () => {
    const j = judge(ruleSet([rule('TR-UZ-0001', '1.0.0', sampleWithin(6)), rule('GR-UZ-0001', '1.0.0', negative, { CertificateType: 'General' })]));
    expect(j.verdicts[0]?.outcome).toBe('OK');
    expect(j.decision.reasons).toContainEqual(expect.objectContaining({ code: 'rules.business-rules', params: { country: 'UZ', version: 3, rules: 2 } }));
  });

  it('makes a certificate that fails a rule NOT OK, naming the rule (the corridor profile alone says OK)', () => {
    expect(judge(undefined).verdicts[0]?.outcome).toBe('OK');
    const j = judge(ruleSet([rule('TR-UZ-0001', '1.0.0', sampleWithin(2))]));
    expect(j.verdicts[0]?.outcome).toBe('NOT_OK');
    expect(j.decision.outcome).toBe('NOT_OK');
    expect(j.decision.reasons).toContainEqual(expect.objectContaining({ code: 'rules.business-rule-failed', params: { country: 'UZ', rule: 'TR-UZ-0001', description: 'rule TR-UZ-0001 v1.0.0' } }));
  });

  it('uses the highest version in force of each rule, and only rules of the certificate type', () => {
    const set = ruleSet([
      rule('TR-UZ-0001', '1.0.0', sampleWithin(2)),
      rule('TR-UZ-0001', '1.1.0', sampleWithin(6)),
      rule('TR-UZ-0001', '2.0.0', sampleWithin(1), { ValidFrom: '2029-01-01T00:00:00Z' }),
      rule('VR-UZ-0001', '1.0.0', false, { CertificateType: 'Vaccination' }),
    ]);
    expect(rulesInForce(set, AT, 'Test').map((r) => `${r.Identifier} ${r.Version}`)).toEqual(['TR-UZ-0001 1.1.0']);
    expect(judgeByRuleSet(set, { payload: evidence.hcert, certificateType: 'Test', at: AT, valueSets: certLogicValueSets() }).failed).toEqual([]);
  });

  it('refuses rule files that cannot be used whole, with a sentence', () => {
    const cases: [string, RegExp][] = [
      ['not json', /not JSON/],
      ['{"a": 1}', /must be a list of EU business rules/],
      ['[]', /holds no rules/],
      [JSON.stringify([rule('TR-UZ-0001', '1.0.0', { frobnicate: [1] })]), /TR-UZ-0001: the logic is not valid CertLogic/],
      [JSON.stringify([{ ...rule('TR-UZ-0001', '1.0.0', true), Engine: 'OTHER' }]), /TR-UZ-0001: Engine/],
      [JSON.stringify([rule('TR-UZ-0001', '1.0.0', true), { ...rule('TR-KZ-0001', '1.0.0', true), Country: 'KZ' }]), /mixes UZ, KZ/],
    ];
    for (const [text, message] of cases) {
      const parsed = parseRuleSet(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(message);
    }
  });
});
