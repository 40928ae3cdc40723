import type { PayloadKind } from '../payload';
import type { Decision } from './types';

/** What the station can say about a scan that is not a passport (until its own verifier handles it). */
export function decisionForNonDocument(kind: Exclude<PayloadKind, 'mrz'>): Decision {
  switch (kind) {
    case 'dcc':
      return {
        outcome: 'NEEDS_CROSS_CHECK',
        recordable: false,
        reasons: [{ code: 'dcc.needs-passport', severity: 'warning', message: 'COVID certificate read. Scan the passport to record the crossing.' }],
      };
    case 'url':
      return {
        outcome: 'NEEDS_CROSS_CHECK',
        recordable: false,
        reasons: [{ code: 'evidence.link', severity: 'warning', message: 'A web link (e.g. a lab result page) was scanned; it cannot be checked offline.' }],
      };
    case 'text':
    case 'unknown':
      return {
        outcome: 'NEEDS_CROSS_CHECK',
        recordable: false,
        reasons: [{ code: 'scan.not-recognised', severity: 'blocking', message: 'This is neither a passport zone nor a certificate. Scan again.' }],
      };
  }
}
