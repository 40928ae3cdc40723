import type { i18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatters } from './format';
import { DEFAULT_LANGUAGE, isUiLanguage } from './languages';

/** A failed core call as the screen receives it (CoreError, or a host's transport error without a key). */
export interface CoreErrorLike {
  readonly code: string;
  readonly message: string;
  readonly key?: string | undefined;
  readonly params?: Readonly<Record<string, string | number>> | undefined;
  readonly issues?: readonly { path: string; message: string; code?: string | undefined; params?: Readonly<Record<string, string | number>> | undefined }[] | undefined;
}

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;
const lookup = (instance: i18n, language: string, key: string): string | undefined => {
  const value: unknown = instance.getResource(language, 'errors', key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Params that carry codes are shown in words of the language (roles, outcomes, corridor ends…), instants as times. */
function shownParams(instance: i18n, language: string, params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const t = (key: string, fallback: string): string => {
    const [ns, path] = key.split(':') as [string, string];
    const value: unknown = instance.getResource(language, ns, path);
    return typeof value === 'string' && value !== '' ? value : fallback;
  };
  const shown: Record<string, string | number> = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const text = String(value);
    if (name === 'role') shown[name] = t(`common:roles.${text}`, text);
    else if (name === 'roles') shown[name] = text.split(',').map((role) => t(`common:roles.${role}`, role)).join(', ');
    else if (name === 'outcome') shown[name] = t(`common:outcome.${text}`, text);
    else if (name === 'end') shown[name] = t(`groups:role.${text}`, text);
    else if (name === 'status') shown[name] = t(`alerts:status.${text}`, text);
    else if (name === 'stage') shown[name] = t(`groups:stage.${text}`, text);
    else if (name === 'until') shown[name] = formatters(isUiLanguage(language) ? language : DEFAULT_LANGUAGE).time(text);
  }
  return shown;
}

function fill(template: string, params: Record<string, string | number>): string | undefined {
  let missing = false;
  const text = template.replace(VARIABLE, (_slot, name: string) => {
    if (params[name] === undefined) missing = true;
    return String(params[name] ?? '');
  });
  return missing ? undefined : text;
}

/** The first invalid field in words: its label (or its path) and what zod found wrong with it. */
function issueText(instance: i18n, language: string, issue: NonNullable<CoreErrorLike['issues']>[number]): string | undefined {
  if (!issue.code) return undefined;
  const params = issue.params ?? {};
  const origin = typeof params.origin === 'string' ? params.origin : '';
  const problemTemplate = lookup(instance, language, `issue.${issue.code}_${origin}`) ?? lookup(instance, language, `issue.${issue.code}`) ?? lookup(instance, language, 'issue.other');
  const problem = problemTemplate === undefined ? undefined : fill(problemTemplate, { ...params });
  if (problem === undefined) return undefined;
  const segments = issue.path.split('.');
  const last = segments[segments.length - 1] ?? issue.path;
  const field = lookup(instance, language, `field.${last}`) ?? issue.path;
  const sentence = lookup(instance, language, 'issue.sentence');
  return sentence === undefined ? undefined : fill(sentence, { field, problem });
}

/**
 * A core error in the operator's language: the first invalid field of an invalid input, else the error's
 * key from the `errors` namespace filled from its params, else a sentence for its code. The core's English
 * `message` is never shown in another language (in English it is the fallback for an error without a key).
 */
export function errorText(instance: i18n, error: CoreErrorLike): string {
  const language = instance.resolvedLanguage ?? DEFAULT_LANGUAGE;
  const issue = error.issues?.[0];
  if (issue) {
    const text = issueText(instance, language, issue);
    if (text !== undefined) return text;
  }
  if (error.key) {
    const template = lookup(instance, language, error.key);
    const text = template === undefined ? undefined : fill(template, shownParams(instance, language, error.params ?? {}));
    if (text !== undefined) return text;
  }
  if (language === DEFAULT_LANGUAGE) return error.message;
  return lookup(instance, language, `code.${error.code}`) ?? lookup(instance, language, 'code.internal') ?? error.message;
}

/** `errorText` bound to the screen's language; re-renders on a language switch. */
export function useErrorText(): (error: CoreErrorLike) => string {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((error: CoreErrorLike) => errorText(instance, error), [instance, language]);
}
