import { describe, expect, it } from 'vitest';
import { ALERT_TYPES, alertMessage } from '../../../shared/domain/corridor';
import { createI18n } from '../../../renderer/i18n/create-i18n';
import { UI_LANGUAGES } from '../../../renderer/i18n/languages';
import { alertText } from '../../../renderer/i18n/alert-text';

describe('alert sentences in the operator language', () => {
  const people = ['RAHIMOV, DILSHOD (FA1234567)', 'KARIMOVA, ZARINA (FA7654321)'];
  const params = { people: people.join('; '), count: 2, group: 'BUS-7', minutes: 240, sequence: 41, expiry: '2020-01-31' };

  it('every alert type is said in every language with its names and values, never in English', () => {
    for (const language of UI_LANGUAGES.filter((l) => l !== 'en')) {
      const i18n = createI18n(language);
      for (const type of ALERT_TYPES) {
        const message = alertMessage(type, { people, groupLabel: 'BUS-7', minutes: 240, earlierSequence: 41, expiryDate: '2020-01-31' });
        const text = alertText(i18n, { type, message, params });
        expect(text, `${language} ${type}`).not.toBe(message);
        expect(text, `${language} ${type}`).toContain('RAHIMOV, DILSHOD (FA1234567)');
        expect(text, `${language} ${type}`).not.toMatch(/\{\{|undefined|Overdue|Scanned|group /);
      }
    }
  });

  it("English is the core's own sentence; the group and the count of names left out are worded", () => {
    const message = alertMessage('overdue', { people, groupLabel: 'BUS-7', minutes: 240 });
    expect(alertText(createI18n('en'), { type: 'overdue', message, params })).toBe(message);
    expect(alertText(createI18n('ru'), { type: 'overdue', message, params: { ...params, more: 3 } })).toBe(
      'Задержка в коридоре (группа BUS-7): RAHIMOV, DILSHOD (FA1234567); KARIMOVA, ZARINA (FA7654321) и ещё 3 въехал(а) и не выехал(а) за 240 мин.',
    );
    expect(alertText(createI18n('kk'), { type: 'duplicate-scan', message, params: { count: 0 } })).toBe('Екі рет сканерленді: жолаушы бұрын жазылған; екінші өту жасалмады.');
  });
});
