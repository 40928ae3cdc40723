import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../../renderer/i18n/create-i18n';
import { reasonText } from '../../../../renderer/i18n/reason-text';
import { formatters } from '../../../../renderer/i18n/format';
import { intlLocale } from '../../../../renderer/i18n/intl-locale';
import { UI_LANGUAGES } from '../../../../renderer/i18n/languages';
import { decisionForDocument } from '../../../../shared/domain/decision';
import { parseMrz } from '../../../../shared/domain/mrz';
import { EXPIRED_UZBEK_PASSPORT, mrzText } from '../../../fixtures/mrz/passports';

describe('decision reasons in the operator language', () => {
  const expired = { code: 'document.expired', message: 'The document expired on 2020-01-31.', params: { expiry: '2020-01-31' } };

  it('translates by code and fills the values the core sent', () => {
    expect(reasonText(createI18n('ru'), expired)).toBe('Срок действия документа истёк 2020-01-31.');
    expect(reasonText(createI18n('kk'), expired)).toBe('Құжаттың жарамдылық мерзімі 2020-01-31 аяқталған.');
  });

  it("keeps the core's English sentence in English, for unknown codes and when a value is missing", () => {
    const ru = createI18n('ru');
    expect(reasonText(createI18n('en'), expired)).toBe(expired.message);
    expect(reasonText(ru, { code: 'dcc.problem', message: 'Something new the screen does not know.' })).toBe('Something new the screen does not know.');
    expect(reasonText(ru, { code: 'document.expired', message: expired.message })).toBe(expired.message);
  });

  it('every reason the domain gives for a real passport has params for its translation in every language', () => {
    const mrz = parseMrz(mrzText(EXPIRED_UZBEK_PASSPORT), { referenceDate: new Date('2021-06-01T00:00:00Z') });
    const decision = decisionForDocument(mrz, new Date('2021-06-01T03:00:00Z'));
    expect(decision.reasons.map((r) => r.code)).toContain('document.expired');
    for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
      const i18n = createI18n(language);
      for (const reason of decision.reasons) expect(reasonText(i18n, reason), `${language} ${reason.code}`).not.toBe(reason.message);
    }
  });
});

describe('dates and times per language', () => {
  const at = new Date('2021-06-01T15:04:05Z');
  it('24-hour clock and numeric dates in every language, never US English', () => {
    for (const language of UI_LANGUAGES) {
      const f = formatters(language);
      expect(f.time(at, { utc: true }), language).toMatch(/^15[:.]04$/);
      expect(f.dateTime(at, { utc: true }), language).toMatch(/2021/);
      expect(f.date(at, { utc: true }), language).not.toMatch(/^6\/1\//);
      expect(intlLocale(language), language).not.toBe('en-US');
    }
    expect(formatters('ru').date(at, { utc: true })).toBe('01.06.2021');
    expect(formatters('en').date(at, { utc: true })).toBe('01/06/2021');
    // Russian groups digits with a (narrow) no-break space.
    expect(formatters('ru').number(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
  });
  it('gives back an unparsable date as written', () => {
    expect(formatters('kk').date('not a date')).toBe('not a date');
  });
});

describe('country names per language', () => {
  it("names a passport's state in the operator's language", () => {
    expect(formatters('en').country('RUS')).toBe('Russian Federation');
    expect(formatters('ru').country('RUS')).toBe('Российская Федерация');
    expect(formatters('ru').country('TJK')).toBe('Таджикистан');
    // Germany's ICAO code is one letter.
    expect(formatters('ru').country('D')).toBe('Германия');
    expect(formatters('kk').country('UZB')).toBe('Өзбекстан');
    expect(formatters('uz').country('TJK')).toBe('Tojikiston');
    expect(formatters('tg').country('RUS')).toBe('Русия');
    expect(formatters('uz').country('UZB')).toBe('Oʻzbekiston');
  });
  it("keeps ICAO's own codes in the MRZ table's words and gives nothing for an unknown code", () => {
    expect(formatters('ru').country('XXA')).toBe('Stateless person (1954 Convention)');
    expect(formatters('ru').country('UNO')).toBe('United Nations Organization');
    expect(formatters('ru').country('QQQ')).toBeNull();
  });
});
