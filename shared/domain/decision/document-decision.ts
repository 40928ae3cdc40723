import type { MrzResult } from '../mrz';
import { worseOutcome, type Decision, type Outcome, type Reason } from './types';

/**
 * The decision a travel document supports on its own, before any health rule is applied:
 * is the MRZ trustworthy, and is the document still valid on the decision day.
 */
export function decisionForDocument(mrz: MrzResult, decisionDate: Date): Decision {
  if (!mrz.readable) {
    return {
      outcome: 'NEEDS_CROSS_CHECK',
      recordable: false,
      reasons: [
        { code: 'mrz.unreadable', severity: 'blocking', message: 'The passport zone could not be read; scan again or enter it by hand.' },
        ...mrz.problems.map((problem): Reason => ({ code: `mrz.${problem.code}`, severity: 'warning', message: problem.message })),
      ],
    };
  }
  const reasons: Reason[] = [];
  let outcome: Outcome = 'OK';
  if (mrz.status === 'invalid') {
    outcome = 'NEEDS_CROSS_CHECK';
    reasons.push({
      code: 'mrz.invalid',
      severity: 'warning',
      message: 'The passport zone has errors; compare the data page with the screen.',
    });
    for (const problem of mrz.problems) reasons.push({ code: `mrz.${problem.code}`, severity: 'warning', message: problem.message });
  } else {
    reasons.push({ code: 'mrz.valid', severity: 'info', message: 'Passport zone read; all check digits are correct.' });
    if (mrz.status === 'valid-after-correction') {
      const fixes = mrz.corrections.map((c) => `${c.field} ${c.from}→${c.to}`).join(', ');
      reasons.push({ code: 'mrz.corrected', severity: 'info', message: `Scanner misreads corrected: ${fixes}.`, params: { fixes } });
    }
  }
  const expiry = mrz.fields.expiryDate;
  const today = decisionDate.toISOString().slice(0, 10);
  if (expiry === null) {
    outcome = worseOutcome(outcome, 'NEEDS_CROSS_CHECK');
    reasons.push({ code: 'document.expiry-unknown', severity: 'warning', message: 'The expiry date is not a real date; check the data page.' });
  } else if (expiry < today) {
    outcome = worseOutcome(outcome, 'NOT_OK');
    reasons.push({ code: 'document.expired', severity: 'blocking', message: `The document expired on ${expiry}.`, params: { expiry } });
  }
  const recordable = mrz.fields.documentNumber.length > 0;
  if (!recordable) {
    outcome = worseOutcome(outcome, 'NEEDS_CROSS_CHECK');
    reasons.push({ code: 'document.number-missing', severity: 'blocking', message: 'No document number could be read.' });
  }
  return { outcome, recordable, reasons };
}
