import { describe, expect, it } from 'vitest';
import { alertMessage, isExpiredOn, isMinorOn, manifestRowsFromTable, parseManifestDate } from '../../../../shared/domain/corridor';

describe('manifest rows', () => {
  it('reads English or Russian headers in any order, DD.MM.YYYY dates, minors and companions', () => {
    const { rows, problems } = manifestRowsFromTable([
      ['№', 'Фамилия', 'Имя', 'Номер паспорта', 'Гражданство', 'Дата рождения', 'Пол', 'Несовершеннолетний', 'Сопровождающий'],
      ['1', 'JURAEV', 'RUSTAM', '401 234 567', 'tjk', '15.01.1990', 'М', '', ''],
      ['2', 'JURAEVA', 'MADINA', 'TJ4100005', 'TJK', '2012-03-06', 'Ж', 'да', '401234567'],
      ['', '', '', '', '', '', '', '', ''],
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, documentNumber: '401234567', nationality: 'TJK', surname: 'JURAEV', givenNames: 'RUSTAM', birthDate: '1990-01-15', sex: 'M', minor: false, companionDocumentNumber: null },
      { line: 3, documentNumber: 'TJ4100005', nationality: 'TJK', surname: 'JURAEVA', givenNames: 'MADINA', birthDate: '2012-03-06', sex: 'F', minor: true, companionDocumentNumber: '401234567' },
    ]);
  });

  it('reports each unreadable line with its number and imports the rest', () => {
    const { rows, problems } = manifestRowsFromTable([
      ['Passport', 'Nationality', 'Surname', 'DOB'],
      ['A1', 'TJK', 'ONE', '31.02.1990'],
      ['', 'TJK', 'TWO', ''],
      ['A3', 'Tajik', 'THREE', ''],
      ['A1', 'TJK', 'ONE AGAIN', ''],
      ['A5', 'TJK', '', ''],
    ]);
    expect(rows.map((r) => [r.documentNumber, r.birthDate])).toEqual([['A1', null]]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6]);
    expect(problems[0]?.message).toMatch(/31\.02\.1990.*not a date/);
    expect(manifestRowsFromTable([['Name', 'Age']]).problems[0]?.message).toMatch(/no column for document number, nationality, surname/);
  });

  it('parses only real dates', () => {
    expect(parseManifestDate('1.2.1990')).toBe('1990-02-01');
    expect(parseManifestDate('1990-02-29')).toBeNull();
    expect(parseManifestDate('2000-02-29T00:00:00.000Z')).toBe('2000-02-29');
    expect(parseManifestDate('yesterday')).toBeNull();
  });
});

describe('alert rules', () => {
  const day = new Date('2021-03-01T10:00:00Z');
  it('calls a passport expired from the day after its expiry date', () => {
    expect(isExpiredOn('2021-03-01', day)).toBe(false);
    expect(isExpiredOn('2021-02-28', day)).toBe(true);
    expect(isExpiredOn(null, day)).toBe(false);
  });
  it('calls someone under 18 on the crossing day a minor, or whoever the manifest says is one', () => {
    expect(isMinorOn('2003-03-02', day)).toBe(true);
    expect(isMinorOn('2003-03-01', day)).toBe(false);
    expect(isMinorOn(null, day, true)).toBe(true);
  });
  it('words alerts for people, names included', () => {
    expect(alertMessage('group-incomplete', { groupLabel: 'Bus 07', people: ['A, B (1)', 'C, D (2)'] })).toBe('Group incomplete (group Bus 07): 2 did not arrive: A, B (1); C, D (2).');
    const many = Array.from({ length: 15 }, (_, i) => `P${i}`);
    expect(alertMessage('group-incomplete', { people: many })).toContain('; and 3 more');
  });
});
