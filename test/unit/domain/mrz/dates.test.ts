import { describe, expect, it } from 'vitest';
import { ageOn, daysUntil, resolveYear } from '../../../../shared/domain/mrz';
import { readMrzDate } from '../../../../shared/domain/mrz/dates';

const REF = new Date('2025-06-01T00:00:00Z');

describe('century policy', () => {
  it('puts birth dates on or before the reference date', () => {
    expect(readMrzDate('250531', 'birth', REF).iso).toBe('2025-05-31');
    expect(readMrzDate('250601', 'birth', REF).iso).toBe('2025-06-01');
    expect(readMrzDate('250602', 'birth', REF).iso).toBe('1925-06-02');
    expect(readMrzDate('740812', 'birth', REF).iso).toBe('1974-08-12');
    expect(readMrzDate('000101', 'birth', REF).iso).toBe('2000-01-01');
    expect(readMrzDate('991231', 'birth', REF).iso).toBe('1999-12-31');
  });

  it('reads expiry dates in [reference − 79, reference + 20] years', () => {
    expect(readMrzDate('450101', 'expiry', REF).iso).toBe('2045-01-01');
    expect(readMrzDate('460101', 'expiry', REF).iso).toBe('1946-01-01');
    expect(readMrzDate('120415', 'expiry', REF).iso).toBe('2012-04-15');
    expect(readMrzDate('940623', 'expiry', REF).iso).toBe('1994-06-23');
    expect(readMrzDate('301231', 'expiry', REF).iso).toBe('2030-12-31');
  });

  it('follows the injected reference date, also across a century', () => {
    const ref2090 = new Date('2090-01-01T00:00:00Z');
    expect(readMrzDate('050505', 'expiry', ref2090).iso).toBe('2105-05-05');
    expect(readMrzDate('950505', 'expiry', ref2090).iso).toBe('2095-05-05');
    expect(readMrzDate('950505', 'birth', ref2090).iso).toBe('1995-05-05');
    expect(readMrzDate('850505', 'birth', ref2090).iso).toBe('2085-05-05');
    expect(resolveYear(0, 1, 1, 'birth', new Date('1999-12-31T00:00:00Z'))).toBe(1900);
  });

  it('uses the UTC calendar day of the reference date', () => {
    const lateUtc = new Date('2025-05-31T23:30:00Z');
    expect(readMrzDate('250601', 'birth', lateUtc).iso).toBe('1925-06-01');
  });
});

describe('calendar validation', () => {
  it('rejects 30 February, 31 April, month 13 and day 00', () => {
    expect(readMrzDate('750230', 'birth', REF)).toEqual({
      iso: null,
      problem: { code: 'date-not-calendar', message: 'birth date 750230 is not a real date: February 1975 has 28 days', params: { value: '750230' } },
    });
    expect(readMrzDate('690431', 'birth', REF).problem?.message).toBe('birth date 690431 is not a real date: April has 30 days');
    expect(readMrzDate('341301', 'expiry', REF).problem?.message).toBe('expiry date 341301 is not a real date: month 13 does not exist');
    expect(readMrzDate('750100', 'birth', REF).problem?.message).toBe('birth date 750100 is not a real date: day 00 does not exist');
    expect(readMrzDate('750001', 'birth', REF).problem?.message).toBe('birth date 750001 is not a real date: month 00 does not exist');
  });

  it('knows leap years of the resolved century', () => {
    expect(readMrzDate('680229', 'birth', REF).iso).toBe('1968-02-29');
    expect(readMrzDate('750229', 'birth', REF).problem?.message).toBe('birth date 750229 is not a real date: February 1975 has 28 days');
    expect(readMrzDate('000229', 'birth', REF).iso).toBe('2000-02-29');
    // 1900 was not a leap year: with a reference before 29 Feb 2000, 000229 is 1900-02-29, which does not exist.
    expect(readMrzDate('000229', 'birth', new Date('2000-01-15T00:00:00Z')).problem?.code).toBe('date-not-calendar');
    expect(readMrzDate('280229', 'expiry', REF).iso).toBe('2028-02-29');
    expect(readMrzDate('270229', 'expiry', REF).iso).toBeNull();
  });

  it('reports letters and flags fillers as ambiguous', () => {
    expect(readMrzDate('7SIOZS', 'birth', REF)).toEqual({
      iso: null,
      problem: { code: 'date-not-numeric', message: 'birth date 7SIOZS contains characters other than digits', params: { value: '7SIOZS' } },
    });
    const filler = readMrzDate('58<<<<', 'birth', REF);
    expect(filler.iso).toBeNull();
    expect(filler.problem?.code).toBe('date-filler-ambiguous');
    expect(filler.problem?.message).toContain('the check digit cannot tell them apart');
  });
});

describe('ageOn and daysUntil', () => {
  it('counts completed years', () => {
    expect(ageOn('1974-08-12', REF)).toBe(50);
    expect(ageOn('1974-06-01', REF)).toBe(51);
    expect(ageOn('1974-06-02', REF)).toBe(50);
    expect(ageOn('2000-02-29', new Date('2025-02-28T12:00:00Z'))).toBe(24);
    expect(ageOn('2000-02-29', new Date('2025-03-01T12:00:00Z'))).toBe(25);
    expect(ageOn('not a date', REF)).toBeNull();
  });

  it('counts days to an expiry date, negative once past', () => {
    expect(daysUntil('2025-06-11', REF)).toBe(10);
    expect(daysUntil('2025-06-01', new Date('2025-06-01T23:59:00Z'))).toBe(0);
    expect(daysUntil('2025-05-31', REF)).toBe(-1);
    expect(daysUntil('2026-06-01', REF)).toBe(365);
    expect(daysUntil('garbage', REF)).toBeNull();
  });
});
