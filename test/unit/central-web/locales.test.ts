import { describe, expect, it } from 'vitest';
import { HUB_MESSAGES } from '../../../central/web/i18n/hub-i18n';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('the hub web UI speaks five languages', () => {
  const english = HUB_MESSAGES.en;
  for (const [language, messages] of Object.entries(HUB_MESSAGES)) {
    it(`${language}: every English string is translated, with the same placeholders`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(english)) {
        const translated = messages[key as keyof typeof english] ?? '';
        expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(text) });
        if (language !== 'en' && !/^\{\{\w+\}\} \(\{\{\w+\}\}\)$/.test(text)) expect({ key, same: translated === text }).toEqual({ key, same: false });
      }
    });
  }
});
