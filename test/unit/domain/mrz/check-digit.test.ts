import { describe, expect, it } from 'vitest';
import { computeCheckDigit, isCheckDigitValid } from '../../../../shared/domain/mrz';

describe('computeCheckDigit (ICAO 9303 Part 3 §4.9, weights 7-3-1)', () => {
  it('computes the check digits of the ICAO TD3 specimen', () => {
    // L898902C3: L=21 8 9 8 9 0 2 C=12 3 → 147+24+9+56+27+0+14+36+3 = 316 → 6
    expect(computeCheckDigit('L898902C3')).toBe('6');
    // 740812 → 49+12+0+56+3+2 = 122 → 2
    expect(computeCheckDigit('740812')).toBe('2');
    expect(computeCheckDigit('120415')).toBe('9');
    expect(computeCheckDigit('ZE184226B<<<<<')).toBe('1');
    // composite: line 2 positions 1–10, 14–20, 22–43
    expect(computeCheckDigit('L898902C36' + '7408122' + '1204159ZE184226B<<<<<1')).toBe('0');
  });

  it('values < as 0, digits as themselves and A–Z as 10–35', () => {
    expect(computeCheckDigit('<')).toBe('0');
    expect(computeCheckDigit('0')).toBe('0');
    expect(computeCheckDigit('A')).toBe('0'); // 10 × 7 = 70
    expect(computeCheckDigit('Z')).toBe('5'); // 35 × 7 = 245
    expect(computeCheckDigit('<Z')).toBe('5'); // 35 × 3 = 105
    expect(computeCheckDigit('<<Z')).toBe('5'); // 35 × 1
    expect(computeCheckDigit('')).toBe('0');
  });

  it('cannot tell the blind spots of the scheme apart', () => {
    // < = 0, and K (20), U (30), A (10) are ≡ 0 mod 10; G ≡ 6, S ≡ 8, L ≡ 1.
    expect(computeCheckDigit('AB1<34')).toBe(computeCheckDigit('AB1034'));
    expect(computeCheckDigit('123G45')).toBe(computeCheckDigit('123645'));
    expect(computeCheckDigit('S12')).toBe(computeCheckDigit('812'));
  });

  it('returns null for characters outside the MRZ alphabet', () => {
    expect(computeCheckDigit('abc')).toBeNull();
    expect(computeCheckDigit('12 34')).toBeNull();
    expect(computeCheckDigit('É')).toBeNull();
  });

  it('isCheckDigitValid accepts only the right decimal digit', () => {
    expect(isCheckDigitValid('740812', '2')).toBe(true);
    expect(isCheckDigitValid('740812', '3')).toBe(false);
    expect(isCheckDigitValid('740812', '<')).toBe(false);
    expect(isCheckDigitValid('740812', 'Z')).toBe(false);
    expect(isCheckDigitValid('740812', '22')).toBe(false);
    expect(isCheckDigitValid('74a812', '2')).toBe(false);
  });
});
