import type { TFunction } from 'i18next';
import type { DccEvidenceItem, EvidenceItem } from '../../../shared/contract';

type T = TFunction<'evidence'>;
const testKind = (t: T, kind: string): string => (kind === 'pcr' || kind === 'rat' || kind === 'unknown' ? t(`testKind.${kind}`) : kind);
const result = (t: T, value: string): string => (value === 'negative' || value === 'positive' || value === 'unknown' ? t(`result.${value}`) : value);

/** One line naming a piece of evidence the way an operator says it, in the screen's language. */
export function evidenceTitle(t: T, item: EvidenceItem): string {
  switch (item.kind) {
    case 'dcc':
      return t('dccTitle', { what: dccWhat(t, item) });
    case 'paper-lab':
      return t('paperTitle', { number: item.certificateNumber, kind: testKind(t, item.testKind), result: result(t, item.result), lab: item.lab });
    case 'other-qr':
      if (item.labLink && item.labLink.status !== 'unknown-host') return t('labLink', { lab: item.labLink.lab, country: item.labLink.country });
      return item.form === 'url' ? t('linkTo', { host: item.host ?? t('aWebPage') }) : item.form === 'shc' ? t('shc') : t('unknownJson');
    case 'lab-result':
      return t('labListTitle', {
        lab: item.lab.name,
        kind: testKind(t, item.testKind),
        result: result(t, item.result),
        time: formatTime(t, item.sampleTime),
        list: item.list.version,
        reference: item.reference,
      });
  }
}

function dccWhat(t: T, item: DccEvidenceItem): string {
  if (item.test) return t('dccTest', { kind: testKind(t, item.test.kind), result: result(t, item.test.result), time: formatTime(t, item.test.sampleTime) });
  if (item.vaccination) return t('dccVaccination', { dose: item.vaccination.doseNumber, doses: item.vaccination.seriesDoses, date: item.vaccination.date });
  if (item.recovery) return t('dccRecovery', { from: item.recovery.validFrom, until: item.recovery.validUntil });
  const type = item.certificateType;
  return type === 'test' || type === 'vaccination' || type === 'recovery' ? t(`certType.${type}`) : (type ?? t('unreadable'));
}

/** `2021-06-01 06:30 UTC` for full date-times (certificates state UTC); anything else as written. */
export function formatTime(t: T, text: string): string {
  const ms = Date.parse(text);
  if (!/T\d{2}:\d{2}/.test(text) || Number.isNaN(ms)) return text;
  return t('utc', { time: new Date(ms).toISOString().slice(0, 16).replace('T', ' ') });
}

export const dccItems = (items: readonly EvidenceItem[] | undefined): DccEvidenceItem[] =>
  (items ?? []).filter((item): item is DccEvidenceItem => item.kind === 'dcc');
