import { describe, expect, it } from 'vitest';
import { isoDateOf, mrzDateOf, readTypedDate, readTypedDateTime } from '../../../../shared/domain/typed-date';

describe('readTypedDate', () => {
  it('reads day-first dates with dots, slashes or dashes, and ISO', () => {
    const june = { year: 2021, month: 6, day: 1, centuryTyped: true };
    expect(readTypedDate('01.06.2021')).toEqual(june);
    expect(readTypedDate(' 1.6.2021 ')).toEqual(june);
    expect(readTypedDate('01/06/2021')).toEqual(june);
    expect(readTypedDate('01-06-2021')).toEqual(june);
    expect(readTypedDate('2021-06-01')).toEqual(june);
  });

  it('keeps a two-digit year as typed and says the century was not', () => {
    expect(readTypedDate('12.08.74')).toEqual({ year: 74, month: 8, day: 12, centuryTyped: false });
    expect(mrzDateOf(readTypedDate('12.08.74')!)).toBe('740812');
    expect(mrzDateOf(readTypedDate('05.01.2003')!)).toBe('030105');
  });

  it('refuses days that do not exist and shapes it does not know', () => {
    expect(readTypedDate('31.04.2021')).toBeNull();
    expect(readTypedDate('29.02.2023')).toBeNull();
    expect(readTypedDate('29.02.2024')).not.toBeNull();
    expect(readTypedDate('29.02.1900')).toBeNull();
    // 29.02.00 may be 2000 (a leap year): let it through, the MRZ check resolves the century.
    expect(readTypedDate('29.02.00')).not.toBeNull();
    expect(readTypedDate('29.02.01')).toBeNull();
    expect(readTypedDate('13.13.2021')).toBeNull();
    expect(readTypedDate('01.06.2021.')).toBeNull();
    expect(readTypedDate('01.06-2021')).toBeNull();
    expect(readTypedDate('2021/06/01')).toBeNull();
    expect(readTypedDate('June 1, 2021')).toBeNull();
    expect(readTypedDate('')).toBeNull();
  });
});

describe('readTypedDateTime', () => {
  it('reads a sample time as printed on a Kazakh or Uzbek lab result, or in ISO', () => {
    const at = { year: 2021, month: 6, day: 1, centuryTyped: true, hour: 14, minute: 30 };
    expect(readTypedDateTime('01.06.2021 14:30')).toEqual(at);
    expect(readTypedDateTime('01.06.2021  14.30')).toEqual(at);
    expect(readTypedDateTime('2021-06-01 14:30')).toEqual(at);
    expect(readTypedDateTime('2021-06-01T14:30')).toEqual(at);
    expect(readTypedDateTime('1.6.2021 9:05')).toEqual({ ...at, hour: 9, minute: 5 });
  });

  it('refuses a two-digit year, an hour past 23 and a missing time', () => {
    expect(readTypedDateTime('01.06.21 14:30')).toBeNull();
    expect(readTypedDateTime('01.06.2021 24:00')).toBeNull();
    expect(readTypedDateTime('01.06.2021 14:60')).toBeNull();
    expect(readTypedDateTime('01.06.2021')).toBeNull();
    expect(readTypedDateTime('30.02.2021 10:00')).toBeNull();
  });
});

describe('isoDateOf', () => {
  it('writes a typed date the way the store keeps it', () => {
    expect(isoDateOf(readTypedDate('1.6.2021')!)).toBe('2021-06-01');
  });
});
