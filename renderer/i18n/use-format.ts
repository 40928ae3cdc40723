import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters, type Formatters } from './format';
import { isUiLanguage, DEFAULT_LANGUAGE } from './languages';

/** Dates, times and numbers in the screen's current language (re-rendered when the operator switches). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;
  return useMemo(() => formatters(language), [language]);
}
