import type { CorridorChain } from './chain';
import { JOURNEY_STATES, type JourneyState, type JourneySummary, type StepMark, type StoredJourneyState } from './types';

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
 * Members of a bus that look alike on the board: same stored state, marks and next step, and on the same
 * side of their deadline. The database hands the board these classes (GROUP BY) instead of every person.
 */
export interface MemberClass {
  readonly count: number;
  readonly state: StoredJourneyState;
  readonly marks: readonly StepMark[];
  readonly nextStep: number | null;
  /** Whether the class's deadline has passed at the board's time. */
  readonly due: boolean;
  readonly earliestDeadlineMs: number | null;
  readonly latestExpectedAtMs: number | null;
  /** Per step, the latest time anyone of the class passed there. */
  readonly lastPassedAtMs: readonly (number | null)[];
  readonly firstPassedAtMs: number | null;
}

/** The board's classes of a list of summaries at `nowMs` (one class per person: the in-memory path). */
export const memberClasses = (members: readonly JourneySummary[], nowMs: number): MemberClass[] =>
  members.map((m) => ({
    count: 1,
    state: m.state,
    marks: m.marks,
    nextStep: m.nextStep,
    due: m.deadlineMs !== null && nowMs > m.deadlineMs,
    earliestDeadlineMs: m.deadlineMs,
    latestExpectedAtMs: m.expectedAtMs,
    lastPassedAtMs: m.passedAtMs,
    firstPassedAtMs: m.passedAtMs[0] ?? null,
  }));

/**
 * A bus on the board. The counts add up: every member is counted once per step (passed, refused, held,
 * expected or missing there, or not concerned). A member past the leg's maximum is missing when others of the
 * bus have passed the checkpoint it was expected at, overdue otherwise (as journeyStateAt says).
 */
export function boardRowOf(chain: CorridorChain, groupId: string | null, classes: readonly MemberClass[]): GroupBoardRow {
  const passedSteps = new Set<number>();
  for (const c of classes) for (const [step, mark] of c.marks.entries()) if (mark === 'passed') passedSteps.add(step);
  const states = Object.fromEntries(JOURNEY_STATES.map((s) => [s, 0])) as Record<JourneyState, number>;
  const steps = chain.steps.map((s) => ({ checkpointId: s.checkpointId, passed: 0, refused: 0, held: 0, expected: 0, missing: 0, lastPassedAtMs: null as number | null }));
  let firstAt: number | null = null;
  let overdueSinceMs: number | null = null;
  let etaMs: number | null = null;
  let people = 0;
  const front = Math.max(-1, ...passedSteps);
  for (const c of classes) {
    people += c.count;
    const travelling = c.state === 'in-transit' || c.state === 'unexpected';
    const state: JourneyState = travelling && c.due ? (c.nextStep !== null && passedSteps.has(c.nextStep) ? 'missing' : 'overdue') : c.state;
    states[state] += c.count;
    for (const [step, mark] of c.marks.entries()) {
      const count = steps[step]!;
      const at = c.lastPassedAtMs[step] ?? null;
      if (at !== null) count.lastPassedAtMs = Math.max(count.lastPassedAtMs ?? -Infinity, at);
      if (mark === 'passed') count.passed += c.count;
      else if (mark === 'refused') count.refused += c.count;
      else if (mark === 'held') count.held += c.count;
    }
    if (travelling && c.nextStep !== null) {
      if (state === 'missing') steps[c.nextStep]!.missing += c.count;
      else steps[c.nextStep]!.expected += c.count;
      if ((state === 'overdue' || state === 'missing') && c.earliestDeadlineMs !== null) overdueSinceMs = Math.min(overdueSinceMs ?? Infinity, c.earliestDeadlineMs);
      if (c.nextStep === front + 1 && c.latestExpectedAtMs !== null) etaMs = Math.max(etaMs ?? -Infinity, c.latestExpectedAtMs);
    }
    if (c.firstPassedAtMs !== null) firstAt = Math.min(firstAt ?? Infinity, c.firstPassedAtMs);
  }
  const headed = front >= 0 && front + 1 < chain.steps.length;
  return {
    corridorId: chain.id,
    groupId,
    people,
    left: firstAt === null ? null : { checkpointId: chain.steps[0]!.checkpointId, atMs: firstAt },
    steps,
    states,
    nextStep: headed ? front + 1 : null,
    etaMs: headed ? etaMs : null,
    overdueSinceMs,
  };
}

/** A bus on the board from its members' journey summaries at `nowMs`. */
export const groupBoardRow = (chain: CorridorChain, members: readonly JourneySummary[], nowMs: number): GroupBoardRow =>
  boardRowOf(chain, members[0]?.groupId ?? null, memberClasses(members, nowMs));
