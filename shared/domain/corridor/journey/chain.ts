import { err, ok, type Problem, type Result } from '../../result';
import { CLOCK_SKEW_MS } from '../pairing';
import type { PassageDirection } from '../types';

/** One checkpoint of a corridor, passed in one direction: leaving Kazakhstan at Zhibek Zholy is `exit` there. */
export interface CorridorStep {
  readonly checkpointId: string;
  /** ISO 3166-1 alpha-3 of the country whose border this is. */
  readonly country: string;
  readonly direction: PassageDirection;
}

/** The way from one step to the next: how long a bus usually takes, and after how long someone is overdue. */
export interface CorridorLeg {
  readonly expectedMinutes: number;
  readonly maxMinutes: number;
}

/** A corridor as a chain of checkpoints across countries; `legs[i]` joins `steps[i]` to `steps[i + 1]`. */
export interface CorridorChain {
  readonly id: string;
  readonly steps: readonly CorridorStep[];
  readonly legs: readonly CorridorLeg[];
}

export type ChainProblemCode = 'corridor.too-short' | 'corridor.legs-count' | 'corridor.leg-times' | 'corridor.step-repeated' | 'corridor.id-empty';

/** Checks a chain as a hub administrator typed it: every step once, one leg between neighbours, max ≥ expected > 0. */
export function validateCorridorChain(chain: CorridorChain): Result<CorridorChain, Problem<ChainProblemCode>> {
  if (chain.id.trim() === '') return err({ code: 'corridor.id-empty', message: 'The corridor needs an id.' });
  if (chain.steps.length < 2) return err({ code: 'corridor.too-short', message: 'A corridor joins at least two checkpoints.' });
  if (chain.legs.length !== chain.steps.length - 1) {
    return err({ code: 'corridor.legs-count', message: `A corridor of ${chain.steps.length} checkpoints has ${chain.steps.length - 1} legs, not ${chain.legs.length}.` });
  }
  const seen = new Set<string>();
  for (const step of chain.steps) {
    const key = stepKey(step.checkpointId, step.direction);
    if (seen.has(key)) return err({ code: 'corridor.step-repeated', message: `Checkpoint ${step.checkpointId} (${step.direction}) appears twice in the corridor.` });
    seen.add(key);
  }
  for (const [i, leg] of chain.legs.entries()) {
    if (!(Number.isInteger(leg.expectedMinutes) && Number.isInteger(leg.maxMinutes) && leg.expectedMinutes > 0 && leg.maxMinutes >= leg.expectedMinutes)) {
      return err({ code: 'corridor.leg-times', message: `Leg ${i + 1}: expected minutes must be a whole number above 0 and maximum minutes at least that.` });
    }
  }
  return ok(chain);
}

const stepKey = (checkpointId: string, direction: PassageDirection): string => `${direction}\u0000${checkpointId}`;

/** Where a crossing falls on a corridor: its step, and whether it goes against the corridor (a return). */
export interface StepPlace {
  readonly step: number;
  readonly reverse: boolean;
}

const opposite = (d: PassageDirection): PassageDirection => (d === 'entry' ? 'exit' : 'entry');

/**
 * The step of a crossing at `checkpointId` in `direction`, as a station records it. A station's direction is
 * relative to its own corridor (`PassageDirection`): where travellers come into the corridor it records `entry`,
 * at the far end `exit`, even though leaving Kazakhstan at Zhibek Zholy is an exit from Kazakhstan. So at the
 * chain's first checkpoint `entry` goes forward and at its last `exit` does; at the checkpoints between, a
 * station's corridor ends at its own country's border posts, whose entry and exit are the border's (the steps'
 * directions). A crossing the other way through a corridor checkpoint (back into Kazakhstan at Zhibek Zholy)
 * is a return at that step; null when the checkpoint is not on the corridor.
 */
export function stepOf(chain: CorridorChain, checkpointId: string | null, direction: PassageDirection): StepPlace | null {
  if (checkpointId === null) return null;
  const at = chain.steps.flatMap((s, step) => (s.checkpointId === checkpointId ? [step] : []));
  if (at.length === 0) return null;
  const last = chain.steps.length - 1;
  if (at.length === 1 && (at[0] === 0 || at[0] === last)) {
    const step = at[0];
    return { step, reverse: direction !== (step === 0 ? 'entry' : 'exit') };
  }
  const forward = at.find((step) => chain.steps[step]!.direction === direction);
  if (forward !== undefined) return { step: forward, reverse: false };
  const back = at.find((step) => chain.steps[step]!.direction === opposite(direction));
  return back !== undefined ? { step: back, reverse: true } : null;
}

/** The direction a station at `step` records for a traveller going along the corridor (or back, `reverse`): stepOf's inverse. */
export function stationDirection(chain: CorridorChain, step: number, reverse = false): PassageDirection {
  const last = chain.steps.length - 1;
  const s = chain.steps[step]!;
  const end = (step === 0 || step === last) && chain.steps.filter((o) => o.checkpointId === s.checkpointId).length === 1;
  const forward: PassageDirection = end ? (step === 0 ? 'entry' : 'exit') : s.direction;
  return reverse ? opposite(forward) : forward;
}

/** Minutes a whole trip may take at most: the sum of the legs' maxima. */
export const corridorMaxMinutes = (chain: CorridorChain): number => chain.legs.reduce((sum, leg) => sum + leg.maxMinutes, 0);

/**
 * How far apart two crossings of one trip can be: the whole corridor at its maximum, plus a day for a
 * refusal and the way back, plus the clock skew between countries. Crossings further apart are two trips.
 */
export const tripWindowMs = (chain: CorridorChain): number => corridorMaxMinutes(chain) * 60_000 + 24 * 3_600_000 + CLOCK_SKEW_MS;
