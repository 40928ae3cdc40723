import { describe, expect, it } from 'vitest';
import { countryCodes, countryName } from '../../../../shared/domain/mrz';

describe('countryName (ICAO 9303 Part 3 §5 codes)', () => {
  it('knows ISO 3166 alpha-3 codes', () => {
    expect(countryName('FRA')).toBe('France');
    expect(countryName('KAZ')).toBe('Kazakhstan');
    expect(countryName('TJK')).toBe('Tajikistan');
    expect(countryName('UZB')).toBe('Uzbekistan');
    expect(countryName('RUS')).toBe('Russian Federation');
    expect(countryName('DEU')).toBe('Germany');
    expect(countryName('KOR')).toBe('South Korea');
  });

  it("knows ICAO's own codes", () => {
    expect(countryName('D')).toBe('Germany');
    expect(countryName('D<<')).toBe('Germany');
    expect(countryName('GBD')).toContain('British Overseas Territories Citizen');
    expect(countryName('GBN')).toContain('British National (Overseas)');
    expect(countryName('GBO')).toContain('British Overseas Citizen');
    expect(countryName('GBP')).toContain('British Protected Person');
    expect(countryName('GBS')).toContain('British Subject');
    expect(countryName('UNO')).toBe('United Nations Organization');
    expect(countryName('UNA')).toBe('United Nations specialized agency');
    expect(countryName('UNK')).toContain('Kosovo');
    expect(countryName('XXA')).toContain('Stateless');
    expect(countryName('XXB')).toContain('Refugee');
    expect(countryName('XXC')).toContain('Refugee');
    expect(countryName('XXX')).toBe('Unspecified nationality');
    expect(countryName('EUE')).toBe('European Union');
    expect(countryName('UTO')).toBe('Utopia (ICAO specimen)');
  });

  it('returns null for unknown codes', () => {
    expect(countryName('ASU')).toBeNull();
    expect(countryName('ZZZ')).toBeNull();
    expect(countryName('')).toBeNull();
    expect(countryName('<<<')).toBeNull();
  });

  it('accepts lower case', () => {
    expect(countryName('fra')).toBe('France');
  });

  it('holds the whole ISO list', () => {
    const iso = [...countryCodes().keys()].filter((c) => /^[A-Z]{3}$/.test(c));
    expect(iso.length).toBeGreaterThanOrEqual(249 + 20);
    expect(countryCodes().size).toBe(new Set(countryCodes().keys()).size);
  });
});
