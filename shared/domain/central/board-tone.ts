import type { GroupBoardRow } from '../corridor/journey';

/** How a bus's row on the corridor board is coloured: the worst thing about its people, in this order. */
export const BOARD_TONES = ['missing', 'overdue', 'refused', 'in-transit', 'done'] as const;
export type BoardTone = (typeof BOARD_TONES)[number];

export function boardTone(row: Pick<GroupBoardRow, 'states'>): BoardTone {
  const s = row.states;
  if (s.missing > 0) return 'missing';
  if (s.overdue > 0) return 'overdue';
  if (s.refused > 0 || s.held > 0 || s.unexpected > 0) return 'refused';
  if (s['in-transit'] > 0) return 'in-transit';
  return 'done';
}
