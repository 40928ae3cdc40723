import type { CorridorChain } from './chain';
import { groupPassedSteps, journeyStateAt } from './summary';
import { JOURNEY_STATES, type JourneyState, type JourneySummary } from './types';

/** Per checkpoint of a bus's corridor: how many passed, were refused, are held there, are still expected, are missing. */
export interface StepCount {
  readonly checkpointId: string;
  readonly passed: number;
  readonly refused: number;
  readonly held: number;
  readonly expected: number;
  readonly missing: number;
  /** The last time anyone of the group passed here. */
  readonly lastPassedAtMs: number | null;
}

/** One row of the corridor board: a bus (group) with its people counted per checkpoint and per state. */
export interface GroupBoardRow {
  readonly corridorId: string;
  readonly groupId: string | null;
  readonly people: number;
  readonly left: { readonly checkpointId: string; readonly atMs: number } | null;
  readonly steps: readonly StepCount[];
  readonly states: Readonly<Record<JourneyState, number>>;
  /** The step the bus is headed for (the one after the furthest step anyone passed) and when it should be there. */
  readonly nextStep: number | null;
  readonly etaMs: number | null;
  /** The earliest deadline already passed among its people in transit; null when nobody is overdue or missing. */
  readonly overdueSinceMs: number | null;
}

/**
 * A bus on the board, from its members' journey summaries at `nowMs`. The counts add up: every member is
 * counted once per step (passed, refused, held, expected or missing there, or not concerned).
 */
export function groupBoardRow(chain: CorridorChain, members: readonly JourneySummary[], nowMs: number): GroupBoardRow {
  const passedSteps = groupPassedSteps(members);
  const states = Object.fromEntries(JOURNEY_STATES.map((s) => [s, 0])) as Record<JourneyState, number>;
  const steps = chain.steps.map((s) => ({ checkpointId: s.checkpointId, passed: 0, refused: 0, held: 0, expected: 0, missing: 0, lastPassedAtMs: null as number | null }));
  let left: GroupBoardRow['left'] = null;
  let overdueSinceMs: number | null = null;
  let etaMs: number | null = null;
  const front = Math.max(-1, ...passedSteps);
  for (const m of members) {
    const state = journeyStateAt(m, nowMs, passedSteps);
    states[state] += 1;
    for (const [step, mark] of m.marks.entries()) {
      const count = steps[step]!;
      const at = m.passedAtMs[step] ?? null;
      if (at !== null) count.lastPassedAtMs = Math.max(count.lastPassedAtMs ?? -Infinity, at);
      if (mark === 'passed') count.passed += 1;
      else if (mark === 'refused') count.refused += 1;
      else if (mark === 'held') count.held += 1;
    }
    if (m.nextStep !== null) {
      if (state === 'missing') steps[m.nextStep]!.missing += 1;
      else steps[m.nextStep]!.expected += 1;
      if ((state === 'missing' || state === 'overdue') && m.deadlineMs !== null) overdueSinceMs = Math.min(overdueSinceMs ?? Infinity, m.deadlineMs);
      if (m.nextStep === front + 1 && m.expectedAtMs !== null) etaMs = Math.max(etaMs ?? -Infinity, m.expectedAtMs);
    }
    const leftAt = m.passedAtMs[0] ?? null;
    if (leftAt !== null && (!left || leftAt < left.atMs)) left = { checkpointId: chain.steps[0]!.checkpointId, atMs: leftAt };
  }
  return {
    corridorId: chain.id,
    groupId: members[0]?.groupId ?? null,
    people: members.length,
    left,
    steps,
    states,
    nextStep: front + 1 < chain.steps.length && front >= 0 ? front + 1 : null,
    etaMs: front + 1 < chain.steps.length ? etaMs : null,
    overdueSinceMs,
  };
}
