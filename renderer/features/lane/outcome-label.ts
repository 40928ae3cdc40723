import type { Outcome } from '../../../shared/contract';

/** Colour is never the only signal: every outcome also has an icon and words. */
export const OUTCOME_LABEL: Record<Outcome, { text: string; icon: string; className: string }> = {
  OK: { text: 'OK', icon: '✓', className: 'outcome--ok' },
  NOT_OK: { text: 'NOT OK', icon: '✕', className: 'outcome--not-ok' },
  NEEDS_CROSS_CHECK: { text: 'NEEDS CROSS-CHECK', icon: '!', className: 'outcome--cross-check' },
};
