import { describe, expect, it } from 'vitest';
import { certificateTypeOf, lookupValueSet, validateHcert, type JsonValue } from '../../../../shared/domain/dcc';
import { recoveryHcert, testHcert, vaccinationHcert, without } from '../../../fixtures/dcc/build-dcc';

const json = (v: unknown) => v as JsonValue;
const errorOf = (v: unknown) => {
  const r = validateHcert(json(v));
  return r.ok ? undefined : r.error;
};

describe('HCERT schema 1.3', () => {
  it('accepts a test, a vaccination and a recovery certificate', () => {
    for (const hcert of [testHcert(), vaccinationHcert(), recoveryHcert()]) {
      expect(validateHcert(json(hcert))).toMatchObject({ ok: true });
    }
  });

  it('tells the certificate type from the group it holds', () => {
    expect(certificateTypeOf(testHcert())).toBe('test');
    expect(certificateTypeOf(vaccinationHcert())).toBe('vaccination');
    expect(certificateTypeOf(recoveryHcert())).toBe('recovery');
    expect(certificateTypeOf({ ...testHcert(), v: [] })).toBeUndefined();
  });

  it('requires exactly one of v, t, r', () => {
    expect(errorOf({ ...testHcert(), v: vaccinationHcert().v })?.message).toContain('exactly one of v, t, r');
    expect(errorOf(without(testHcert(), 't'))?.message).toContain('none of v, t, r');
  });

  it('allows one entry per group', () => {
    const t = testHcert().t as unknown[];
    expect(errorOf({ ...testHcert(), t: [t[0], t[0]] })?.code).toBe('schema_violation');
  });

  it('accepts partial and empty dates of birth, and rejects others', () => {
    for (const dob of ['1979', '1979-04', '1979-04-14', '']) expect(errorOf(testHcert({ dob }))).toBeUndefined();
    for (const dob of ['1815-08-24', '79-04-14', '1979-04-14T00:00:00']) {
      expect(errorOf(testHcert({ dob }))?.message).toContain('dob');
    }
  });

  it('needs a standardised surname or forename, of A-Z and < only', () => {
    expect(errorOf(testHcert({ nam: { gnt: 'IVAN' } }))).toBeUndefined();
    expect(errorOf(testHcert({ nam: { fn: 'Ivanov', gn: 'Ivan' } }))?.message).toContain('fnt');
    expect(errorOf(testHcert({ nam: { fnt: 'Ivanov' } }))?.message).toContain('nam/fnt');
  });

  it('counts maxLength in code points, as JSON Schema does', () => {
    const emoji = '😀'.repeat(80); // 160 UTF-16 units, 80 code points
    expect(errorOf(testHcert({ nam: { fnt: 'X', fn: emoji } }))).toBeUndefined();
    expect(errorOf(testHcert({ nam: { fnt: 'X', fn: emoji + 'a' } }))?.message).toContain('nam/fn');
  });

  it('allows unknown properties and keeps them', () => {
    const result = validateHcert(json({ ...testHcert(), extra: { any: 1 } }));
    expect(result.ok && (result.value.hcert as Record<string, unknown>).extra).toEqual({ any: 1 });
  });

  it('rejects wrong types, missing required fields and doses below 1', () => {
    expect(errorOf({ ...vaccinationHcert(), v: [{ ...(vaccinationHcert().v as object[])[0], dn: 0 }] })?.message).toContain('v/0/dn');
    expect(errorOf(testHcert({ ver: 1 }))?.message).toContain('ver');
    expect(errorOf(without(testHcert(), 'dob'))?.message).toContain('dob: is required');
    const [entry] = testHcert().t as Record<string, unknown>[];
    expect(errorOf(testHcert({ t: [without(entry ?? {}, 'sc')] }))?.message).toContain('t/0/sc: is required');
  });

  it('looks up value sets without failing on codes outside them', () => {
    const result = validateHcert(json(testHcert()));
    expect(result.ok && result.value.codes).toEqual([
      { path: 't/0/tg', valueSet: 'disease-agent-targeted', code: '840539006', known: true, display: 'COVID-19' },
      { path: 't/0/tt', valueSet: 'test-type', code: 'LP6464-4', known: true, display: 'Nucleic acid amplification with probe detection' },
      { path: 't/0/tr', valueSet: 'test-result', code: '260415000', known: true, display: 'Not detected' },
      { path: 't/0/co', valueSet: 'country-2-codes', code: 'UZ', known: true, display: 'Uzbekistan' },
    ]);
    const odd = validateHcert(json(testHcert({ t: [{ ...(testHcert().t as object[])[0], tt: 'a test', co: 'XY' }] })));
    expect(odd.ok && odd.value.codes.filter((c) => !c.known).map((c) => c.code)).toEqual(['a test', 'XY']);
  });
});

describe('value sets', () => {
  it('names vaccines, manufacturers and prophylaxis', () => {
    expect(lookupValueSet('vaccine-medicinal-product', 'EU/1/20/1528')).toBe('Comirnaty');
    expect(lookupValueSet('vaccine-mah-manf', 'ORG-100030215')).toBe('Biontech Manufacturing GmbH');
    expect(lookupValueSet('vaccine-prophylaxis', '1119349007')).toBe('SARS-CoV-2 mRNA vaccine');
    expect(lookupValueSet('test-type', 'LP217198-3')).toBe('Rapid immunoassay');
    expect(lookupValueSet('test-result', '260373001')).toBe('Detected');
  });

  it('keeps deprecated codes: certificates issued with them are genuine', () => {
    expect(lookupValueSet('vaccine-prophylaxis', 'J07BX03')).toContain('deprecated');
  });

  it('knows ISO 3166-1 countries plus Kosovo, nothing else', () => {
    expect(lookupValueSet('country-2-codes', 'UZ')).toBe('Uzbekistan');
    expect(lookupValueSet('country-2-codes', 'XK')).toBe('Kosovo');
    expect(lookupValueSet('country-2-codes', 'XY')).toBeUndefined();
    expect(lookupValueSet('country-2-codes', 'EU')).toBeUndefined();
  });

  it('does not mistake inherited properties for codes', () => {
    expect(lookupValueSet('test-type', 'toString')).toBeUndefined();
    expect(lookupValueSet('test-type', '__proto__')).toBeUndefined();
  });
});
