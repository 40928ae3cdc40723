import type { TFunction } from 'i18next';
import en from '../../i18n/locales/en.json';

export type DeliveryReasonCode = keyof typeof en.export.reason;

const isReasonCode = (code: string): code is DeliveryReasonCode => Object.hasOwn(en.export.reason, code);

/**
 * Why a bundle is not acknowledged, in the operator's language: the hub's or the outbox's reason code,
 * translated; the core's English message only for a code this version does not know.
 */
export function deliveryReason(t: TFunction<'export'>, code: string | null, message: string): string {
  return code !== null && isReasonCode(code) ? t(`reason.${code}`) : message;
}
