/** Direction relative to the corridor: entry at its entry checkpoint, exit at its far end. */
export type PassageDirection = 'entry' | 'exit';

/** Who a crossing or a manifest line is about, as pairing compares people. */
export interface Identity {
  readonly documentNumber: string;
  readonly nationality: string;
  /** ISO date; null when the document's date was not a real date. */
  readonly birthDate: string | null;
  /** nameKey(surname + given names): ICAO transliteration, A–Z and single spaces. */
  readonly nameKey: string;
  /**
   * The name as written, in its own script, where the record keeps it (manifest lines): a Cyrillic name is then compared
   * in each Latin spelling its language allows, which the ICAO key alone has lost (Ўктам is OKTAM in Uzbek, UKTAM in ICAO).
   */
  readonly surname?: string;
  readonly givenNames?: string;
}

/** One crossing as pairing sees it: recorded here or carried over in a group file from the other end. */
export interface Passage extends Identity {
  readonly id: string;
  readonly direction: PassageDirection;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly stationId: string;
  readonly recordedAtMs: number;
}

export type PairMethod = 'document' | 'identity';

export interface Pairing {
  readonly entryId: string;
  readonly exitId: string;
  readonly method: PairMethod;
}

export interface CorridorTiming {
  readonly expectedTransitMinutes: number;
  readonly maxTransitMinutes: number;
}

/**
 * States per person of a group: expected → entered → exited / overdue / missing; plus no-show and unexpected;
 * and refused or held (for consular) at this station, who did not cross.
 */
export const PERSON_STATES = ['expected', 'entered', 'exited', 'overdue', 'missing', 'no-show', 'unexpected', 'refused', 'held'] as const;
export type PersonState = (typeof PERSON_STATES)[number];

export const ALERT_TYPES = [
  'overdue',
  'unexpected-arrival',
  'not-on-manifest',
  'duplicate-scan',
  'group-incomplete',
  'expired-passport',
  'minor-without-companion',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];
export type AlertSeverity = 'warning' | 'critical';
