import type { CoreError, Crossing, Direction, ScanResult } from '../../../shared/contract';

/** A form over the lane: manual MRZ entry, the paper certificate, a second person's PIN, a correction. */
export type LaneDialog = 'manual' | 'paper' | 'override' | 'amend';

/** What Enter (or a correction since) made of the traveller on screen. */
export interface LaneRecord {
  readonly crossing: Crossing;
  /** Enter found the same document recorded minutes ago and showed that row instead of saving another. */
  readonly duplicate: boolean;
  /** The row was corrected at the lane since (amended, or let through with an override). */
  readonly corrected: boolean;
}

/**
 * The lane screen's state. `traveller` is the person on screen as the core judged them (a passport and the
 * evidence shown with it); `parked` are travellers decided and not recorded yet, oldest first, as the core
 * keeps them (listParked) — the "not yet recorded" strip.
 */
export interface LaneState {
  readonly direction: Direction;
  readonly traveller: ScanResult | null;
  readonly record: LaneRecord | null;
  readonly parked: readonly ScanResult[];
  readonly busy: boolean;
  readonly error: CoreError | null;
  readonly dialog: LaneDialog | null;
  readonly details: boolean;
}

export type LaneAction =
  /** A call on the traveller's behalf went out (scan, record, correction). */
  | { readonly type: 'sent' }
  /** The core judged a scan: the same traveller joined by it, or the next one. */
  | { readonly type: 'scanned'; readonly traveller: ScanResult }
  /** Enter's answer for the traveller on screen. */
  | { readonly type: 'recorded'; readonly crossing: Crossing; readonly duplicate: boolean }
  /** The traveller's crossing was corrected (amended, voided, let through with a second person's PIN). */
  | { readonly type: 'corrected'; readonly crossing: Crossing }
  | { readonly type: 'failed'; readonly error: CoreError }
  /** The core's list of travellers not yet recorded. */
  | { readonly type: 'parked-listed'; readonly parked: readonly ScanResult[] }
  /** Back to a parked traveller (by id; without one, the oldest). */
  | { readonly type: 'resumed'; readonly scanId?: string }
  /** Esc: the next traveller, with an empty screen. */
  | { readonly type: 'next' }
  | { readonly type: 'direction'; readonly direction?: Direction }
  | { readonly type: 'dialog'; readonly dialog: LaneDialog | null }
  | { readonly type: 'dialog-toggled'; readonly dialog: LaneDialog }
  | { readonly type: 'details-toggled' };

export const initialLaneState: LaneState = {
  direction: 'entry',
  traveller: null,
  record: null,
  parked: [],
  busy: false,
  error: null,
  dialog: null,
  details: false,
};

const sameDocument = (a: ScanResult, b: ScanResult): boolean =>
  a.document !== undefined && b.document !== undefined && a.document.documentNumber === b.document.documentNumber && a.document.nationality === b.document.nationality;

/** Decided and not recorded: leaving the screen parks them. A certificate offered as an amendment is not such a traveller. */
export function isWaiting(traveller: ScanResult | null, record: LaneRecord | null): traveller is ScanResult {
  return traveller !== null && record === null && traveller.decision.recordable && traveller.amends === undefined;
}

/** The strip without `traveller`: one entry per person (the newest judgement of a document wins). */
const without = (parked: readonly ScanResult[], traveller: ScanResult): ScanResult[] =>
  parked.filter((p) => p.scanId !== traveller.scanId && !sameDocument(p, traveller));

/** Leaving `state.traveller` for someone else: parked at the end of the strip if still waiting. */
function leave(state: LaneState): readonly ScanResult[] {
  return isWaiting(state.traveller, state.record) ? [...without(state.parked, state.traveller), state.traveller] : state.parked;
}

function show(state: LaneState, traveller: ScanResult, parked: readonly ScanResult[]): LaneState {
  // A correction dialog belongs to the traveller it was opened for.
  const dialog = state.dialog === 'override' || state.dialog === 'amend' ? null : state.dialog;
  return { ...state, traveller, record: null, parked: without(parked, traveller), busy: false, error: null, dialog };
}

export function laneReducer(state: LaneState, action: LaneAction): LaneState {
  switch (action.type) {
    case 'sent':
      return { ...state, busy: true };
    case 'scanned': {
      const joined = state.traveller !== null && state.traveller.scanId === action.traveller.scanId;
      return show(state, action.traveller, joined ? state.parked : leave(state));
    }
    case 'recorded': {
      if (!state.traveller) return { ...state, busy: false };
      const parked = without(state.parked, state.traveller);
      return { ...state, record: { crossing: action.crossing, duplicate: action.duplicate, corrected: false }, parked, busy: false, error: null, dialog: null };
    }
    case 'corrected':
      return { ...state, record: { crossing: action.crossing, duplicate: false, corrected: true }, busy: false, error: null, dialog: null };
    case 'failed':
      return { ...state, busy: false, error: action.error };
    case 'parked-listed': {
      // The core keeps every waiting traveller; the one on screen is not "behind" the operator.
      const onScreen = state.traveller;
      return { ...state, parked: onScreen ? action.parked.filter((p) => p.scanId !== onScreen.scanId) : [...action.parked] };
    }
    case 'resumed': {
      const target = action.scanId === undefined ? state.parked[0] : state.parked.find((p) => p.scanId === action.scanId);
      if (!target || target.scanId === state.traveller?.scanId) return state;
      return { ...show(state, target, leave(state)), details: false };
    }
    case 'next':
      return { ...state, traveller: null, record: null, parked: leave(state), error: null, dialog: null, details: false };
    case 'direction':
      return { ...state, direction: action.direction ?? (state.direction === 'entry' ? 'exit' : 'entry') };
    case 'dialog':
      return { ...state, dialog: action.dialog };
    case 'dialog-toggled':
      return { ...state, dialog: state.dialog === action.dialog ? null : action.dialog };
    case 'details-toggled':
      return { ...state, details: !state.details };
  }
}

/** What Enter does for the traveller on screen. */
export type EnterAction = 'record' | 'rejudge' | 'none';

export function enterAction(state: LaneState): EnterAction {
  const traveller = state.traveller;
  if (!traveller || state.busy || state.record) return 'none';
  // The certificate of a traveller recorded moments ago: Enter re-judges that crossing with it.
  if (traveller.amends !== undefined) return 'rejudge';
  return isWaiting(traveller, state.record) ? 'record' : 'none';
}

/**
 * Letting a NOT OK / NEEDS CROSS-CHECK traveller cross takes a second person's PIN: before Enter it is
 * recorded crossed with an override, after Enter the refusal or hold is admitted.
 */
export type OverridePath = { readonly kind: 'record'; readonly scanId: string } | { readonly kind: 'admit'; readonly crossingId: string } | null;

export function overridePath(state: LaneState): OverridePath {
  const traveller = state.traveller;
  if (!traveller || traveller.decision.outcome === 'OK') return null;
  if (isWaiting(traveller, state.record)) return { kind: 'record', scanId: traveller.scanId };
  const crossing = state.record?.crossing;
  const disposition = crossing?.current?.disposition ?? crossing?.disposition;
  if (crossing && !state.record?.duplicate && (disposition === 'refused' || disposition === 'held')) return { kind: 'admit', crossingId: crossing.id };
  return null;
}

/** A crossing the operator may correct from the lane, with what the lane knows of it. */
export interface AmendTarget {
  readonly crossingId: string;
  /** Its sequence and direction now, when the lane knows them (not for a certificate offered as an amendment). */
  readonly sequence?: number;
  readonly direction?: Direction;
  /** The scan whose evidence can re-judge it (the same passport scanned again, or the certificate shown late). */
  readonly rejudgeScanId?: string;
}

/** The crossing the operator may correct from the lane: the one just recorded, else the earlier one the scan found. */
export function amendTarget(state: LaneState): AmendTarget | null {
  const traveller = state.traveller;
  if (!traveller) return null;
  if (state.record) {
    const crossing = state.record.crossing;
    const now = crossing.current ?? crossing;
    return now.disposition === 'cancelled' ? null : { crossingId: crossing.id, sequence: crossing.sequence, direction: now.direction };
  }
  if (traveller.amends !== undefined) return { crossingId: traveller.amends, rejudgeScanId: traveller.scanId };
  const earlier = traveller.notices?.find((n) => n.code === 'already-recorded' && n.disposition !== 'cancelled');
  if (earlier?.code !== 'already-recorded') return null;
  // A passport scanned again after recording: this scan's evidence can re-judge that crossing.
  return { crossingId: earlier.crossingId, sequence: earlier.sequence, direction: earlier.direction, ...(traveller.decision.recordable ? { rejudgeScanId: traveller.scanId } : {}) };
}
