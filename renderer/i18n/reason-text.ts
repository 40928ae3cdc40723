import type { i18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANGUAGE } from './languages';

/** What the core says about a decision: a stable code, values for the sentence, and the English sentence. */
export interface CodedMessage {
  code: string;
  message: string;
  params?: Record<string, string | number> | undefined;
}

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * A core reason in the operator's language, looked up by its code in the `reasons` namespace (`mrz.valid`
 * is `reasons.mrz.valid`) and filled from `reason.params`. The core's own English message is shown in English,
 * when no translation exists, or when the translation needs a value the core did not send: a half-filled
 * sentence would be worse than English. (`en.json` keeps the English templates as the translators' reference.)
 */
export function reasonText(instance: i18n, reason: CodedMessage): string {
  const language = instance.resolvedLanguage ?? DEFAULT_LANGUAGE;
  // In English the core's own sentence is the original (it may say more than the shared template).
  if (language === DEFAULT_LANGUAGE) return reason.message;
  const template: unknown = instance.getResource(language, 'reasons', reason.code);
  if (typeof template !== 'string' || template === '') return reason.message;
  const params = reason.params ?? {};
  for (const match of template.matchAll(VARIABLE)) {
    if (!Object.hasOwn(params, match[1]!)) return reason.message;
  }
  return instance.t(`reasons:${reason.code}` as never, params as never) as unknown as string;
}

/** `reasonText` bound to the screen's language; re-renders on a language switch. */
export function useReasonText(): (reason: CodedMessage) => string {
  const { i18n: instance } = useTranslation();
  // resolvedLanguage in the deps: the callback changes identity when the operator switches language.
  const language = instance.resolvedLanguage;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((reason: CodedMessage) => reasonText(instance, reason), [instance, language]);
}
