import type { DccEvidenceItem, EvidenceItem } from '../../../shared/contract';

const TEST_KIND: Record<string, string> = { pcr: 'PCR test', rat: 'Rapid antigen test', unknown: 'Test of unknown type' };
const CERTIFICATE_TYPE: Record<string, string> = { test: 'Test', vaccination: 'Vaccination', recovery: 'Recovery' };

/** One line naming a piece of evidence the way an operator says it. */
export function evidenceTitle(item: EvidenceItem): string {
  switch (item.kind) {
    case 'dcc':
      return `EU COVID certificate — ${dccWhat(item)}`;
    case 'paper-lab':
      return `Paper lab certificate ${item.certificateNumber} — ${TEST_KIND[item.testKind] ?? item.testKind}, ${item.result}, ${item.lab}`;
    case 'other-qr':
      return item.form === 'url'
        ? `Link to ${item.host ?? 'a web page'}`
        : item.form === 'shc'
          ? 'SMART Health Card'
          : 'Unknown data code (JSON)';
  }
}

function dccWhat(item: DccEvidenceItem): string {
  if (item.test) return `${TEST_KIND[item.test.kind] ?? 'Test'}, ${item.test.result}, sample ${formatTime(item.test.sampleTime)}`;
  if (item.vaccination) return `Vaccination, dose ${item.vaccination.doseNumber} of ${item.vaccination.seriesDoses} on ${item.vaccination.date}`;
  if (item.recovery) return `Recovery, valid ${item.recovery.validFrom} to ${item.recovery.validUntil}`;
  return item.certificateType ? CERTIFICATE_TYPE[item.certificateType] ?? item.certificateType : 'could not be read';
}

/** `2021-06-01 06:30 UTC` for full date-times; anything else as written. */
export function formatTime(text: string): string {
  const ms = Date.parse(text);
  if (!/T\d{2}:\d{2}/.test(text) || Number.isNaN(ms)) return text;
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const dccItems = (items: readonly EvidenceItem[] | undefined): DccEvidenceItem[] =>
  (items ?? []).filter((item): item is DccEvidenceItem => item.kind === 'dcc');
