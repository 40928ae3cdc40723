import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labResultsFromTable, readSampleTime } from '../../../../shared/domain/lab-results';
import { OLYMP_CSV, csvTable } from '../../../fixtures/lab-lists/lab-list-files';

describe('readSampleTime', () => {
  it('reads the wall time in the named zone, an offset, or the lab country’s zone, with the offset in force then', () => {
    expect(readSampleTime('01.06.2021 09:15', 'Asia/Almaty')).toBe('2021-06-01T09:15:00+06:00');
    // Kazakhstan moved to one zone (UTC+5) on 1 March 2024.
    expect(readSampleTime('01.06.2024 09:15', 'Asia/Almaty')).toBe('2024-06-01T09:15:00+05:00');
    expect(readSampleTime('2021-06-01 09:15:30', 'Asia/Tashkent')).toBe('2021-06-01T09:15:00+05:00');
    expect(readSampleTime('01.06.2021 09:15', 'UTC+3')).toBe('2021-06-01T09:15:00+03:00');
    expect(readSampleTime('2021-06-01T09:15:00+04:00', 'Asia/Almaty')).toBe('2021-06-01T09:15:00+04:00');
    expect(readSampleTime('01.06.2021 09:15', 'Mars/Olympus')).toBeUndefined();
    expect(readSampleTime('01.06.2021 09:15', undefined)).toBeUndefined();
    expect(readSampleTime('yesterday', 'Asia/Almaty')).toBeUndefined();
  });
});

describe('labResultsFromTable', () => {
  it('reads a real lab list: Latin and Cyrillic names, Russian words, the zone of the line or the lab’s country', () => {
    const { rows, problems } = labResultsFromTable(csvTable(fs.readFileSync(OLYMP_CSV, 'utf8')), { country: 'KZ' });
    expect(rows.map((r) => [r.documentNumber, r.nationality, r.sampleTime, r.testKind, r.result, r.reference])).toEqual([
      ['N12345678', 'KAZ', '2021-06-01T09:15:00+06:00', 'pcr', 'negative', 'OLY-2021-0601-0001'],
      // No zone on the line: the lab's country (KZ, Asia/Almaty).
      ['FA7654321', 'UZB', '2021-06-01T09:20:00+06:00', 'pcr', 'negative', 'OLY-2021-0601-0002'],
      ['401234567', 'TJK', '2021-06-01T09:24:00+06:00', 'pcr', 'negative', 'OLY-2021-0601-0003'],
      ['AB1112223', 'RUS', '2021-06-01T09:31:00+06:00', 'pcr', 'positive', 'OLY-2021-0601-0004'],
    ]);
    expect(rows[0]!.holder).toEqual({ surname: 'Нұрланов', givenNames: 'Асқар', surnameStandardised: 'NURLANOV', givenNamesStandardised: 'ASKAR', birthDate: '1985-03-14' });
    expect(rows[1]!.holder).toEqual({ surname: 'Алимов', givenNames: 'Бобур', birthDate: '1979-11-02' });
    expect(problems).toEqual([{ line: 6, message: 'Line 6: the birth date "31.02.1991" is not a date; it was left out.' }]);
  });

  it('names the missing columns, and leaves out repeated references and unknown results', () => {
    expect(labResultsFromTable([['passport', 'surname']], { country: 'KZ' }).problems[0]!.message).toBe(
      'The header has no column for birth date, sample time, test type, result, lab reference.',
    );
    const header = ['Номер паспорта', 'Фамилия', 'Имя', 'Дата рождения', 'Время забора', 'Тип теста', 'Результат', 'Номер анализа'];
    const { rows, problems } = labResultsFromTable(
      [
        header,
        ['N 1234-5678', 'Иванов', 'Иван', '1980-01-02', '01.06.2021 10:00', 'экспресс-тест', 'отр', 'R1'],
        ['N7', 'Петров', 'Пётр', '1980-01-02', '01.06.2021 10:00', 'ПЦР', 'сомнительный', 'R2'],
        ['N8', 'Сидоров', 'Сидор', '1980-01-02', '01.06.2021 10:00', 'ПЦР', 'отр', 'R1'],
      ],
      { country: 'UZ' },
    );
    expect(rows).toEqual([
      expect.objectContaining({ documentNumber: 'N12345678', testKind: 'rat', result: 'negative', sampleTime: '2021-06-01T10:00:00+05:00', holder: { surname: 'Иванов', givenNames: 'Иван', birthDate: '1980-01-02' } }),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'Line 3: the result "сомнительный" is neither negative nor positive; it was left out.',
      'Line 4: the lab reference R1 appears twice; the second was left out.',
    ]);
  });
});
