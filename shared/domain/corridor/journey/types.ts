import type { Identity, PairMethod, PassageDirection } from '../types';
import type { StepPlace } from './chain';

/** How a traveller at the lane ended (bundle v2): only `crossed` moves a person along; `cancelled` was scanned in error. */
export const DISPOSITIONS = ['crossed', 'refused', 'held', 'cancelled'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** One crossing as the hub holds it: a row of some station's bundle, in its current state (original + corrections). */
export interface JourneyCrossing extends Identity {
  readonly id: string;
  /** 0 for the row as first recorded; each correction or superseding bundle that changes it counts one up. */
  readonly revision: number;
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly direction: PassageDirection;
  readonly disposition: Disposition;
  readonly recordedAtMs: number;
}

/** A crossing placed on a journey: at which step of the corridor, and whether it went back the other way. */
export interface JourneyEvent extends StepPlace {
  readonly crossing: JourneyCrossing;
}

/**
 * One person's trip through one corridor. `key` is the smallest crossing id among its events, so the same
 * crossings give the same key whatever order they arrived in; events are ordered by time, then id.
 */
export interface Journey {
  readonly key: string;
  readonly corridorId: string;
  readonly events: readonly JourneyEvent[];
}

/** What a journey says without a clock: time turns `in-transit` into overdue or missing at read time (journeyStateAt). */
export const STORED_JOURNEY_STATES = ['in-transit', 'arrived', 'refused', 'held', 'returned', 'unexpected'] as const;
export type StoredJourneyState = (typeof STORED_JOURNEY_STATES)[number];

export const JOURNEY_STATES = [...STORED_JOURNEY_STATES, 'overdue', 'missing'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

/** Per step of the corridor, what the journey shows there. */
export type StepMark = 'passed' | 'refused' | 'held' | 'none';

export interface SeenAt {
  readonly step: number;
  readonly checkpointId: string;
  readonly atMs: number;
  readonly disposition: Disposition;
  readonly reverse: boolean;
  readonly stationId: string;
}

/** The journey as the board stores and shows it. */
export interface JourneySummary {
  readonly key: string;
  readonly corridorId: string;
  readonly groupId: string | null;
  readonly state: StoredJourneyState;
  readonly marks: readonly StepMark[];
  /** Per step, when the person passed there (the latest crossing if more than one); null where not passed. */
  readonly passedAtMs: readonly (number | null)[];
  readonly firstSeen: SeenAt;
  readonly lastSeen: SeenAt;
  /** The step the person is expected at next, with the usual and the latest time; null once the trip has ended. */
  readonly nextStep: number | null;
  readonly expectedAtMs: number | null;
  readonly deadlineMs: number | null;
  /** The exit step passed without any entry upstream of it, when there is one. */
  readonly unexpectedAt: number | null;
  /** `identity` when the journey joins crossings made with different documents (a replaced passport). */
  readonly pairedBy: PairMethod;
  readonly documents: readonly string[];
  /** The person as the latest crossing shows them. */
  readonly identity: Identity;
  readonly crossingIds: readonly string[];
}
