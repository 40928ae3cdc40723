import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMrz, MRZ_SPECIMENS, parseMrz, type MrzProblem } from '../../../../shared/domain/mrz';
import { createI18n, mrzProblemText, UI_LANGUAGES } from '../../../../renderer/i18n';
import { deriveManualMrz, EMPTY_FIELDS } from '../../../../renderer/features/manual-mrz/use-manual-mrz';
import { IMPOSSIBLE_BIRTH_DATE_PASSPORT, TAJIK_PASSPORT } from '../../../fixtures/mrz/passports';

const REF = new Date('2026-12-07T12:00:00Z');
const [line1, line2] = TAJIK_PASSPORT.lines;
const at = (line: string, index: number, ch: string) => line.slice(0, index) + ch + line.slice(index + 1);

/** What an officer can make the manual-MRZ form and its paste box say: typed fields and pasted zones gone wrong. */
function problemsAnOfficerCanSee(): MrzProblem[] {
  const typed = { ...EMPTY_FIELDS, issuingState: 'TJK', nationality: 'TJK', surname: 'JURAEV', givenNames: 'RUSTAM', documentNumber: '401234567', birthDate: '15.01.1990', expiryDate: '20.06.2030' };
  const built = [
    { ...typed, birthDate: '31/31/90' },
    { ...typed, issuingState: 'TJ-K' },
    { ...typed, nationality: 'TAJIK' },
    { ...typed, documentNumber: 'AB<1' },
    { ...typed, documentNumber: '4012345678901234567890' },
    { ...typed, optionalData: 'Ж12' },
    { ...typed, format: 'TD1' as const, optionalData: 'ABCDEFGHIJKLMNOPQRSTUV' },
  ].flatMap((fields) => [...deriveManualMrz(fields, REF).problemsByField.values()].flat());
  const french = buildMrz({ ...typed, format: 'FRENCH_ID', documentNumber: '12345' });
  const pasted = [
    '',
    'P<UTOERIKSSO',
    `${line1}<\n${line2}`,
    `${line1}\n${at(line2, 9, '5')}`,
    `${line1}\n${at(line2, 9, '<')}`,
    `${line1}\n${at(line2, 19, '<')}`,
    `${line1}\n${at(line2, 9, 'X')}`,
    `${at(line1, 2, 'Q')}\n${line2}`,
    `${at(at(line1, 2, 'U'), 3, 'T').replace('TJKJ', 'UTOJ')}\n${line2}`,
    `${at(line1, 2, '1')}\n${line2}`,
    `${at(line1, 3, '<')}\n${line2}`,
    `${at(line1, 0, '<')}\n${line2}`,
    `${line1.replace('RUSTAM<<', 'RUSTAM<K')}\n${line2}`,
    `${line1}\n${at(line2, 20, 'Q')}`,
    `${line1}\n${line2.replace('9001158', '90A1158')}`,
    `${line1}\n${line2.replace('9001158', '90<<<<8')}`,
    `${line1}\n${line2.replace('3006209', '1006209')}`,
    `${line1.replace('RUSTAM', 'RU5TAM')}\n${line2}`,
    `${line1}\n${line2.replace('401234567', '4O1234567')}`,
    `P<TJK${'A'.repeat(39)}\n${line2}`,
    IMPOSSIBLE_BIRTH_DATE_PASSPORT.lines.join('\n'),
    `${line1}\n${line2}\n${line2}`,
    `${at(line1, 10, '*')}\n${line2}`,
    ...MRZ_SPECIMENS.map((s) => s.lines.join('\n')),
  ].flatMap((text) => parseMrz(text, { referenceDate: REF }).problems);
  return [...built, ...(french.ok ? [] : french.error), ...pasted];
}

describe('MRZ problems in the operator’s language', () => {
  const problems = problemsAnOfficerCanSee();

  it('the corpus reaches the problems of the form and the paste box (so the check below means something)', () => {
    const keys = new Set(problems.map((p) => p.key ?? p.code));
    for (const key of ['input-date', 'input-characters', 'input-too-long', 'input-document-number', 'input-french-number', 'layout', 'layout-line', 'invalid-character', 'check-digit-mismatch', 'check-digit-filler', 'check-digit-not-digit', 'invalid-state-code', 'specimen-state-code', 'unknown-state-code', 'name-invalid-characters', 'name-filler-read-as-k', 'invalid-document-code', 'name-truncated', 'date-not-numeric', 'date-filler-ambiguous', 'date-not-calendar', 'expiry-out-of-range', 'invalid-sex', 'name-corrected', 'empty-input']) {
      expect(keys, key).toContain(key);
    }
  });

  it('every problem an officer can see is a sentence of the language, all values filled, never the English one', () => {
    const untranslated: string[] = [];
    for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
      const i18n = createI18n(language);
      for (const problem of problems) {
        const text = mrzProblemText(i18n, problem);
        if (text === problem.message || text.includes('{{') || /mrzProblems:|field\./.test(text)) untranslated.push(`${language} ${problem.key ?? problem.code}: ${text}`);
      }
    }
    expect(untranslated).toEqual([]);
  });

  it('names the field and writes dates as the language does; English keeps the domain’s sentence', () => {
    const [mismatch] = parseMrz(`${line1}\n${at(line2, 9, '5')}`, { referenceDate: REF }).problems;
    expect(mrzProblemText(createI18n('ru'), mismatch!)).toBe('Контрольная цифра поля «Номер документа»: 5, ожидается 6.');
    expect(mrzProblemText(createI18n('en'), mismatch!)).toBe(mismatch!.message);
    const old = parseMrz(`${line1}\n${line2.replace('3006209', '1006209')}`, { referenceDate: REF }).problems.find((p) => p.code === 'expiry-out-of-range')!;
    expect(mrzProblemText(createI18n('kk'), old)).toContain('20.06.2010');
  });

  it('no manual-MRZ screen shows a problem’s English message itself: every one goes through mrzProblemText', () => {
    const dir = 'renderer/features/manual-mrz';
    const offenders = fs
      .readdirSync(dir)
      .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').map((line, index) => [`${name}:${index + 1}`, line] as const))
      .filter(([, line]) => /\.message\b/.test(line))
      .map(([where, line]) => `${where}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
