import { ageOn } from '../mrz';
import type { AlertSeverity, AlertType } from './types';

/** Age of majority for travel without a companion (both Tajikistan and Uzbekistan: 18). */
export const ADULT_AGE = 18;
/** The same document at the same station within this many minutes is a repeated scan, not a second person. */
export const DEFAULT_DUPLICATE_WINDOW_MINUTES = 10;

export const ALERT_SEVERITY: Record<AlertType, AlertSeverity> = {
  overdue: 'critical',
  'unexpected-arrival': 'critical',
  'not-on-manifest': 'warning',
  'duplicate-scan': 'warning',
  'group-incomplete': 'critical',
  'expired-passport': 'warning',
  'minor-without-companion': 'critical',
};

/** Entered and not out by the corridor's maximum transit time. */
export const isOverdue = (enteredAtMs: number, maxTransitMinutes: number, nowMs: number): boolean => nowMs > enteredAtMs + maxTransitMinutes * 60_000;

export const overdueSinceMs = (enteredAtMs: number, maxTransitMinutes: number): number => enteredAtMs + maxTransitMinutes * 60_000;

/** The earlier crossing a new scan repeats, if one falls within the window (the newest wins). */
export function findRepeatedScan<T extends { readonly recordedAtMs: number }>(earlier: readonly T[], nowMs: number, windowMinutes: number): T | undefined {
  let found: T | undefined;
  for (const row of earlier) {
    if (nowMs - row.recordedAtMs <= windowMinutes * 60_000 && row.recordedAtMs <= nowMs && (!found || row.recordedAtMs > found.recordedAtMs)) found = row;
  }
  return found;
}

/** Expired on the crossing day: the expiry date is the last valid day (ICAO 9303 Part 3 §4.2.2.1 prints it so). */
export const isExpiredOn = (expiryDate: string | null, on: Date): boolean => expiryDate !== null && expiryDate < on.toISOString().slice(0, 10);

/** A minor by the document's birth date or by the manifest's flag. */
export function isMinorOn(birthDate: string | null, on: Date, manifestSaysMinor = false): boolean {
  if (manifestSaysMinor) return true;
  if (birthDate === null) return false;
  const age = ageOn(birthDate, on);
  return age !== null && age < ADULT_AGE;
}

export interface AlertWording {
  readonly people?: readonly string[];
  readonly groupLabel?: string;
  readonly corridorName?: string;
  readonly minutes?: number;
  readonly earlierSequence?: number;
  readonly expiryDate?: string;
}

const list = (people: readonly string[] | undefined, max = 12): string => {
  if (!people || people.length === 0) return '';
  const shown = people.slice(0, max).join('; ');
  return people.length > max ? `${shown}; and ${people.length - max} more` : shown;
};

/** The sentence a tired shift lead reads; names come from the data tables at read time, never from the audit log. */
export function alertMessage(type: AlertType, w: AlertWording): string {
  const group = w.groupLabel ? ` (group ${w.groupLabel})` : '';
  const who = list(w.people);
  switch (type) {
    case 'overdue':
      return `Overdue in the corridor${group}: ${who || 'a traveller'} entered and has not exited within ${w.minutes ?? '?'} minutes.`;
    case 'unexpected-arrival':
      return `Unexpected arrival${group}: ${who || 'a traveller'} exited without a matching entry. Check the group file from the entry end.`;
    case 'not-on-manifest':
      return `Not on the manifest${group}: ${who || 'a traveller'} crossed with this group but is not on its list.`;
    case 'duplicate-scan':
      return `Scanned twice: ${who || 'this traveller'} was already recorded${w.earlierSequence === undefined ? '' : ` as #${w.earlierSequence}`}; no second crossing was made.`;
    case 'group-incomplete':
      return `Group incomplete${group}: ${w.people?.length ?? 0} did not arrive: ${who || '—'}.`;
    case 'expired-passport':
      return `Expired passport: ${who || 'a traveller'} crossed with a document that expired on ${w.expiryDate ?? '?'}.`;
    case 'minor-without-companion':
      return `Minor without companion${group}: ${who || 'a child'} crossed without the accompanying adult.`;
  }
}
