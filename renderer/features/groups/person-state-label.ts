import type { PersonState } from '../../../shared/contract';

/** An icon per state besides its (translated, `groups:state.<state>`) words: never colour alone. */
export const PERSON_STATE_LABEL: Record<PersonState, { icon: string; className: string }> = {
  expected: { icon: '○', className: 'state--expected' },
  entered: { icon: '→', className: 'state--entered' },
  exited: { icon: '✓', className: 'state--exited' },
  overdue: { icon: '!', className: 'state--alert' },
  missing: { icon: '✕', className: 'state--alert' },
  'no-show': { icon: '–', className: 'state--expected' },
  unexpected: { icon: '?', className: 'state--alert' },
  refused: { icon: '⛔', className: 'state--alert' },
  held: { icon: '⏸', className: 'state--alert' },
};
