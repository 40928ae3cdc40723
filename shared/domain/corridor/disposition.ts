import type { Outcome, Reason } from '../decision';
import type { PassageDirection } from './types';

/** How a traveller leaves the lane: exactly one of these, for every traveller the lane recorded. */
export const DISPOSITIONS = ['crossed', 'refused', 'held', 'cancelled'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** The roles that may let a NOT OK or NEEDS CROSS-CHECK traveller cross (the second, authorised person). */
export const OVERRIDE_ROLES = ['consular', 'shift-lead'] as const;
export type OverrideRole = (typeof OVERRIDE_ROLES)[number];

/** An operator amends their own last crossing within this many minutes; later only a shift lead can. */
export const DEFAULT_AMEND_WINDOW_MINUTES = 15;

/**
 * What Enter does for the outcome on the screen: the safe thing. OK records the crossing, NOT OK records
 * the refusal, NEEDS CROSS-CHECK holds the traveller for consular staff. Crossing despite the outcome
 * is never Enter alone: it takes an override by a second, authorised person.
 */
export function dispositionOnEnter(outcome: Outcome): Exclude<Disposition, 'cancelled'> {
  switch (outcome) {
    case 'OK':
      return 'crossed';
    case 'NOT_OK':
      return 'refused';
    case 'NEEDS_CROSS_CHECK':
      return 'held';
  }
}

/** Only a crossing that crossed counts as an entry or exit, pairs, and raises the alerts about a crossing. */
export const hasCrossed = (disposition: Disposition): boolean => disposition === 'crossed';

/** The state of a crossing that changes over its life; the recorded row is the first such state. */
export interface CrossingState {
  readonly disposition: Disposition;
  readonly direction: PassageDirection;
  readonly outcome: Outcome;
  readonly reasons: readonly Reason[];
  readonly groupId: string | null;
}

export type CorrectionKind = 'void' | 'direction' | 'rejudge' | 'admit' | 'refuse' | 'override' | 'group';

/** One append-only correction: what it sets (absent: unchanged). */
export interface CorrectionChange {
  readonly kind: CorrectionKind;
  readonly disposition?: Disposition;
  readonly direction?: PassageDirection;
  readonly outcome?: Outcome;
  readonly reasons?: readonly Reason[];
  /** `null` unlinks; absent keeps the group. */
  readonly groupId?: string | null;
}

export function applyCorrection(state: CrossingState, change: CorrectionChange): CrossingState {
  return {
    disposition: change.disposition ?? state.disposition,
    direction: change.direction ?? state.direction,
    outcome: change.outcome ?? state.outcome,
    reasons: change.reasons ?? state.reasons,
    groupId: change.groupId === undefined ? state.groupId : change.groupId,
  };
}

/** The current state: the recorded row with its corrections applied in the order they were made. */
export const currentState = (recorded: CrossingState, corrections: readonly CorrectionChange[]): CrossingState =>
  corrections.reduce(applyCorrection, recorded);

/** Why a change is not allowed, as a code the screens translate. */
export type CorrectionRefusal =
  | 'not-yours'
  | 'not-your-last'
  | 'window-passed'
  | 'cancelled'
  | 'no-change'
  | 'not-held-or-refused'
  | 'authoriser-role'
  | 'authoriser-is-operator';

export interface AmendFacts {
  readonly actor: { readonly id: string; readonly role: string };
  readonly crossing: { readonly operatorId: string | null; readonly recordedAtMs: number };
  /** The newest crossing this actor recorded at the station: an operator amends only that one. */
  readonly actorsLastCrossingId: string | null;
  readonly crossingId: string;
  readonly state: CrossingState;
  readonly nowMs: number;
  readonly windowMinutes: number;
}

/**
 * Who may amend: a shift lead any crossing; an operator their own last crossing within the window
 * (the mistake of the moment, not history). A voided crossing stays voided.
 */
export function amendRefusal(f: AmendFacts): CorrectionRefusal | null {
  if (f.state.disposition === 'cancelled') return 'cancelled';
  if (f.actor.role === 'shift-lead') return null;
  if (f.crossing.operatorId !== f.actor.id) return 'not-yours';
  if (f.actorsLastCrossingId !== f.crossingId) return 'not-your-last';
  if (f.nowMs - f.crossing.recordedAtMs > f.windowMinutes * 60_000) return 'window-passed';
  return null;
}

/** The new state an amendment asks for, or why it changes nothing. */
export function amendment(
  state: CrossingState,
  change: { readonly kind: 'void' } | { readonly kind: 'direction'; readonly direction: PassageDirection } | { readonly kind: 'rejudge'; readonly outcome: Outcome; readonly reasons: readonly Reason[] },
): CorrectionChange | CorrectionRefusal {
  switch (change.kind) {
    case 'void':
      return { kind: 'void', disposition: 'cancelled' };
    case 'direction':
      return change.direction === state.direction ? 'no-change' : { kind: 'direction', direction: change.direction };
    case 'rejudge': {
      // A crossing let through by an override stays crossed when re-judged; otherwise Enter's rule applies again.
      const disposition = state.disposition === 'crossed' && state.outcome !== 'OK' ? 'crossed' : dispositionOnEnter(change.outcome);
      if (change.outcome === state.outcome && disposition === state.disposition) return 'no-change';
      return { kind: 'rejudge', outcome: change.outcome, reasons: change.reasons, disposition };
    }
  }
}

/**
 * Admitting a held or refused traveller: a second person with an override role, other than the one who
 * recorded, confirms with their own PIN and a reason.
 */
export function admitRefusal(f: { readonly state: CrossingState; readonly authoriser: { readonly id: string; readonly role: string }; readonly operatorId: string | null }): CorrectionRefusal | null {
  if (f.state.disposition !== 'held' && f.state.disposition !== 'refused') return 'not-held-or-refused';
  if (!(OVERRIDE_ROLES as readonly string[]).includes(f.authoriser.role)) return 'authoriser-role';
  if (f.authoriser.id === f.operatorId) return 'authoriser-is-operator';
  return null;
}

/** Refusing a held traveller after the consular check. */
export const refuseRefusal = (state: CrossingState): CorrectionRefusal | null => (state.disposition === 'held' ? null : 'not-held-or-refused');

/** What is known about a crossing when its alerts are decided (all plain facts, no lookups). */
export interface CrossingAlertFacts {
  readonly disposition: Disposition;
  readonly direction: PassageDirection;
  /** The crossing is on a corridor (so an exit should close an entry). */
  readonly onCorridor: boolean;
  readonly paired: boolean;
  readonly inGroup: boolean;
  /** On the group's manifest (found there, or added by this scan because the group builds its list by scanning). */
  readonly onManifest: boolean;
  readonly expired: boolean;
  readonly minor: boolean;
  /** A companion is named on the manifest: checked when the group closes (the adult may be next in line). */
  readonly companionNamed: boolean;
}

/**
 * The alerts a recorded crossing raises. An alert says a person crossed, so a refused, held or cancelled
 * traveller raises none: they did not cross.
 */
export function crossingAlertTypes(f: CrossingAlertFacts): ('unexpected-arrival' | 'not-on-manifest' | 'expired-passport' | 'minor-without-companion')[] {
  if (!hasCrossed(f.disposition)) return [];
  const types: ('unexpected-arrival' | 'not-on-manifest' | 'expired-passport' | 'minor-without-companion')[] = [];
  if (f.direction === 'exit' && f.onCorridor && !f.paired) types.push('unexpected-arrival');
  else if (f.inGroup && !f.onManifest) types.push('not-on-manifest');
  if (f.expired) types.push('expired-passport');
  if (f.minor && !(f.inGroup && f.companionNamed)) types.push('minor-without-companion');
  return types;
}
