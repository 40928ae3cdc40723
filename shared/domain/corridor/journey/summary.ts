import { normaliseDocumentNumber } from '../match-identity';
import type { CorridorChain } from './chain';
import type { Journey, JourneyEvent, JourneyState, JourneySummary, SeenAt, StepMark, StoredJourneyState } from './types';

const seenAt = (chain: CorridorChain, e: JourneyEvent): SeenAt => ({
  step: e.step,
  checkpointId: chain.steps[e.step]!.checkpointId,
  atMs: e.crossing.recordedAtMs,
  disposition: e.crossing.disposition,
  reverse: e.reverse,
  stationId: e.crossing.stationId,
});

/** What a step shows: passed if anyone let the person through there, else the latest refusal or hold. */
function markOf(events: readonly JourneyEvent[]): StepMark {
  if (events.length === 0) return 'none';
  if (events.some((e) => e.crossing.disposition === 'crossed')) return 'passed';
  const latest = events[events.length - 1]!.crossing.disposition;
  return latest === 'held' ? 'held' : 'refused';
}

/**
 * The journey as the board shows it, from its events alone (so any arrival order gives the same summary):
 * where the person was last seen, what each step shows, where they are expected next and by when.
 * Time is left out on purpose: `journeyStateAt` turns an in-transit journey overdue or missing at read time.
 */
export function summariseJourney(chain: CorridorChain, journey: Journey): JourneySummary {
  const forward = journey.events.filter((e) => !e.reverse);
  const marks = chain.steps.map((_, step) => markOf(forward.filter((e) => e.step === step)));
  const events = journey.events;
  const first = events[0]!;
  const last = events[events.length - 1]!;
  let top = -1;
  for (const [step, mark] of marks.entries()) if (mark !== 'none') top = step;
  let passedTop = -1;
  for (const [step, mark] of marks.entries()) if (mark === 'passed') passedTop = step;
  const passedAt = passedTop < 0 ? null : latestCrossed(forward.filter((e) => e.step === passedTop));
  const lastReturn = latestCrossed(events.filter((e) => e.reverse));
  const unexpectedAt = exitWithoutEntry(chain, forward);

  let state: StoredJourneyState;
  if (lastReturn && (!passedAt || lastReturn.crossing.recordedAtMs >= passedAt.crossing.recordedAtMs)) state = 'returned';
  else if (top >= 0 && marks[top] === 'refused') state = 'refused';
  else if (top >= 0 && marks[top] === 'held') state = 'held';
  else if (unexpectedAt !== null) state = 'unexpected';
  else if (passedTop === chain.steps.length - 1) state = 'arrived';
  else state = 'in-transit';

  const travelling = (state === 'in-transit' || state === 'unexpected') && passedAt !== null && passedTop < chain.steps.length - 1;
  const leg = travelling ? chain.legs[passedTop]! : null;
  const documents = [...new Set(events.map((e) => `${e.crossing.nationality}:${normaliseDocumentNumber(e.crossing.documentNumber)}`))].sort();
  const groupEvent = [...forward].sort((a, b) => a.step - b.step).find((e) => e.crossing.groupId !== null);
  const c = last.crossing;
  return {
    key: journey.key,
    corridorId: journey.corridorId,
    groupId: groupEvent?.crossing.groupId ?? null,
    state,
    marks,
    passedAtMs: chain.steps.map((_, step) => latestCrossed(forward.filter((e) => e.step === step))?.crossing.recordedAtMs ?? null),
    firstSeen: seenAt(chain, first),
    lastSeen: seenAt(chain, last),
    nextStep: leg ? passedTop + 1 : null,
    expectedAtMs: leg && passedAt ? passedAt.crossing.recordedAtMs + leg.expectedMinutes * 60_000 : null,
    deadlineMs: leg && passedAt ? passedAt.crossing.recordedAtMs + leg.maxMinutes * 60_000 : null,
    unexpectedAt,
    pairedBy: documents.length > 1 ? 'identity' : 'document',
    documents,
    identity: { documentNumber: c.documentNumber, nationality: c.nationality, birthDate: c.birthDate, nameKey: c.nameKey },
    crossingIds: events.map((e) => e.crossing.id),
  };
}

function latestCrossed(events: readonly JourneyEvent[]): JourneyEvent | null {
  let found: JourneyEvent | null = null;
  for (const e of events) if (e.crossing.disposition === 'crossed' && (!found || e.crossing.recordedAtMs >= found.crossing.recordedAtMs)) found = e;
  return found;
}

/** An exit step passed with no entry recorded at any step before it: the person came from nowhere the hub knows. */
function exitWithoutEntry(chain: CorridorChain, forward: readonly JourneyEvent[]): number | null {
  const exits = forward.filter((e) => e.crossing.disposition === 'crossed' && e.step > 0 && chain.steps[e.step]!.direction === 'exit');
  for (const exit of exits.sort((a, b) => a.step - b.step)) {
    if (!forward.some((e) => e.step < exit.step && chain.steps[e.step]!.direction === 'entry')) return exit.step;
  }
  return null;
}

/**
 * The state at `nowMs`: an in-transit journey past its leg's maximum is overdue, or missing when others of its
 * group have already passed the checkpoint it was expected at (the bus went on without the person).
 */
export function journeyStateAt(summary: JourneySummary, nowMs: number, groupPassedSteps: ReadonlySet<number>): JourneyState {
  if ((summary.state !== 'in-transit' && summary.state !== 'unexpected') || summary.deadlineMs === null || nowMs <= summary.deadlineMs) return summary.state;
  return summary.nextStep !== null && groupPassedSteps.has(summary.nextStep) ? 'missing' : 'overdue';
}

/** The steps anyone of a group has passed: what makes a late member missing rather than merely overdue. */
export function groupPassedSteps(members: readonly JourneySummary[]): Set<number> {
  const passed = new Set<number>();
  for (const m of members) for (const [step, mark] of m.marks.entries()) if (mark === 'passed') passed.add(step);
  return passed;
}
