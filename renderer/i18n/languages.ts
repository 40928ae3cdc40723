import { UI_LANGUAGES, type UiLanguage } from '../../shared/contract/preferences';

export { UI_LANGUAGES, type UiLanguage };

export const DEFAULT_LANGUAGE: UiLanguage = 'en';

/** Each language named in itself, so an operator finds theirs whatever the screen is showing. */
export const LANGUAGE_NAME: Record<UiLanguage, string> = {
  en: 'English',
  ru: 'Русский',
  uz: 'Oʻzbekcha',
  tg: 'Тоҷикӣ',
  kk: 'Қазақша',
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}
