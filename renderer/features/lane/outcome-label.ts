import type { Outcome } from '../../../shared/contract';

/**
 * Colour is never the only signal: every outcome also has an icon and words. The words are translated
 * (`common:outcome.<OUTCOME>`); icon and colour are the same in every language.
 */
export const OUTCOME_LABEL: Record<Outcome, { icon: string; className: string }> = {
  OK: { icon: '✓', className: 'outcome--ok' },
  NOT_OK: { icon: '✕', className: 'outcome--not-ok' },
  NEEDS_CROSS_CHECK: { icon: '!', className: 'outcome--cross-check' },
};
