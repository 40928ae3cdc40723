import type { i18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { MrzProblem } from '../../shared/domain/mrz';
import { formatters } from './format';
import { DEFAULT_LANGUAGE, isUiLanguage } from './languages';

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An MRZ problem (manual entry, pasted MRZ) in the operator's language: `mrzProblems.<key>` (the problem's
 * `key`, else its code) filled from its `params`, with `{{field}}` and `{{check}}` naming the MRZ field in
 * words of the language and ISO dates written as the language writes dates. In English, and when the
 * language lacks the sentence or the problem lacks a value it needs, the domain's English sentence.
 */
export function mrzProblemText(instance: i18n, problem: Pick<MrzProblem, 'code' | 'message' | 'field' | 'key' | 'params'>): string {
  const language = instance.resolvedLanguage ?? DEFAULT_LANGUAGE;
  if (language === DEFAULT_LANGUAGE || !isUiLanguage(language)) return problem.message;
  const key = problem.key ?? problem.code;
  const template: unknown = instance.getResource(language, 'mrzProblems', key);
  if (typeof template !== 'string' || template === '') return problem.message;
  const fieldName = (name: string | number | undefined) => (name === undefined ? undefined : instance.t(`mrzProblems:field.${name}` as never) as unknown as string);
  const format = formatters(language);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem.params ?? {})) values[name] = typeof value === 'string' && ISO_DATE.test(value) ? format.date(value) : value;
  if (problem.params?.check !== undefined) values.check = fieldName(problem.params.check)!;
  if (problem.field !== undefined) values.field = fieldName(problem.field)!;
  for (const match of template.matchAll(VARIABLE)) {
    if (!Object.hasOwn(values, match[1]!)) return problem.message;
  }
  return instance.t(`mrzProblems:${key}` as never, values as never) as unknown as string;
}

/** `mrzProblemText` bound to the screen's language; re-renders on a language switch. */
export function useMrzProblemText(): (problem: MrzProblem) => string {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((problem: MrzProblem) => mrzProblemText(instance, problem), [instance, language]);
}
