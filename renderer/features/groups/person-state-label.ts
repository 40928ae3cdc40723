import type { PersonState } from '../../../shared/contract';

/** Words and an icon per state, never colour alone. */
export const PERSON_STATE_LABEL: Record<PersonState, { text: string; icon: string; className: string }> = {
  expected: { text: 'Expected', icon: '○', className: 'state--expected' },
  entered: { text: 'Entered', icon: '→', className: 'state--entered' },
  exited: { text: 'Exited', icon: '✓', className: 'state--exited' },
  overdue: { text: 'Overdue', icon: '!', className: 'state--alert' },
  missing: { text: 'Missing', icon: '✕', className: 'state--alert' },
  'no-show': { text: 'No-show', icon: '–', className: 'state--expected' },
  unexpected: { text: 'Unexpected', icon: '?', className: 'state--alert' },
};
