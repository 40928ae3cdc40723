import type { i18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../shared/contract';
import { DEFAULT_LANGUAGE } from './languages';

/**
 * An alert's sentence in the operator's language from its type and params (`alerts:message.<type>`); the
 * core's English sentence in English, and when the core sent no params (an older core).
 */
export function alertText(instance: i18n, alert: Pick<Alert, 'type' | 'message' | 'params'>): string {
  const language = instance.resolvedLanguage ?? DEFAULT_LANGUAGE;
  if (language === DEFAULT_LANGUAGE || !alert.params) return alert.message;
  const p = alert.params;
  const t = (key: string, values: Record<string, unknown> = {}) => instance.t(`alerts:${key}` as never, values as never) as unknown as string;
  const names = typeof p.people === 'string' && p.people !== '' ? p.people : '';
  const who = names === '' ? t('someone') : typeof p.more === 'number' && p.more > 0 ? `${names}${t('andMore', { more: p.more })}` : names;
  const group = p.group === undefined ? '' : t('inGroup', { group: p.group });
  const sequence = p.sequence === undefined ? '' : t('asNumber', { sequence: p.sequence });
  return t(`message.${alert.type}`, { who, group, sequence, minutes: p.minutes ?? '?', expiry: p.expiry ?? '?', count: p.count ?? 0 });
}

/** `alertText` bound to the screen's language. */
export function useAlertText(): (alert: Pick<Alert, 'type' | 'message' | 'params'>) => string {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((alert: Pick<Alert, 'type' | 'message' | 'params'>) => alertText(instance, alert), [instance, language]);
}
