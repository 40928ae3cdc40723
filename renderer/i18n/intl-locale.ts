import type { UiLanguage } from './languages';

/**
 * BCP 47 tags for Intl, best first. Browsers ship trimmed ICU data (Chromium has no Tajik, sometimes no
 * Uzbek or Kazakh), and an unsupported tag silently becomes the default locale — US English with a 12-hour
 * clock. So each language lists a fallback its readers know: Russian conventions (dd.mm.yyyy, 24 h,
 * space-grouped digits) are the region's standard.
 */
const CANDIDATES: Record<UiLanguage, readonly string[]> = {
  en: ['en-GB'],
  ru: ['ru-RU'],
  uz: ['uz-Latn-UZ', 'uz-UZ', 'uz', 'ru-RU'],
  tg: ['tg-TJ', 'tg', 'ru-RU'],
  kk: ['kk-KZ', 'kk', 'ru-RU'],
};

const resolved = new Map<UiLanguage, string>();

/** The first tag of the language's list that this runtime's Intl really has. */
export function intlLocale(language: UiLanguage): string {
  const known = resolved.get(language);
  if (known) return known;
  const candidates = CANDIDATES[language];
  const supported = candidates.find((tag) => Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0) ?? 'en-GB';
  resolved.set(language, supported);
  return supported;
}

export function intlCandidates(language: UiLanguage): readonly string[] {
  return CANDIDATES[language];
}
