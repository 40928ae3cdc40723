import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  groupBoardRow,
  journeyStateAt,
  groupPassedSteps,
  reconcileCrossings,
  summariseJourney,
  type Journey,
  type JourneyCrossing,
  type JourneySummary,
} from '../../../../../shared/domain/corridor/journey';
import { BUS, GROUP, KZ_UZ_TJ, MIN, T0, busCrossings, crossingOf } from '../../../../fixtures/corridor/journey-bus';

const summaries = (journeys: readonly Journey[]): JourneySummary[] => journeys.map((j) => summariseJourney(KZ_UZ_TJ, j));
const journeyOfTraveller = (all: readonly JourneySummary[], i: number): JourneySummary => {
  const found = all.filter((s) => s.crossingIds.some((id) => id.split(':')[2] === String(i)));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('the bus of 180 through Kazakhstan, Uzbekistan and Tajikistan', () => {
  const journeys = reconcileCrossings(KZ_UZ_TJ, busCrossings());
  const all = summaries(journeys);
  const endOfDay = T0 + 20 * 60 * MIN;

  it('gives one journey per person, the replaced passport joined by identity across scripts', () => {
    expect(journeys).toHaveLength(BUS.size);
    const replaced = journeyOfTraveller(all, BUS.replacedPassport);
    expect(replaced.pairedBy).toBe('identity');
    expect(replaced.documents).toEqual(['TJK:TJ4100042', 'TJK:TJ9900042']);
    expect(replaced.state).toBe('arrived');
    expect(all.filter((s) => s.pairedBy === 'identity')).toHaveLength(1);
  });

  it('says per checkpoint who passed, was refused, is held and is missing, and who is where', () => {
    const row = groupBoardRow(KZ_UZ_TJ, all, endOfDay);
    expect(row.groupId).toBe(GROUP);
    expect(row.people).toBe(180);
    expect(row.left).toEqual({ checkpointId: 'KZ-ZHIBEK-ZHOLY', atMs: T0 });
    expect(row.steps.map((s) => [s.passed, s.refused, s.held, s.expected, s.missing])).toEqual([
      [180, 0, 0, 0, 0],
      [178, 2, 0, 0, 0],
      [176, 0, 2, 0, 0],
      [175, 0, 0, 0, 1],
    ]);
    expect(row.states).toMatchObject({ arrived: 175, missing: 1, held: 2, refused: 1, returned: 1, overdue: 0, 'in-transit': 0, unexpected: 0 });
    const missing = journeyOfTraveller(all, BUS.missing);
    expect(missing.lastSeen).toMatchObject({ checkpointId: 'UZ-OYBEK', disposition: 'crossed' });
    expect(missing.nextStep).toBe(3);
    expect(journeyOfTraveller(all, BUS.returned).state).toBe('returned');
    expect(journeyOfTraveller(all, BUS.refusedAtYallama[1]).lastSeen).toMatchObject({ checkpointId: 'UZ-YALLAMA', disposition: 'refused' });
  });

  it('calls the late person in transit before the leg maximum, and missing only after it', () => {
    const missing = journeyOfTraveller(all, BUS.missing);
    const passed = groupPassedSteps(all);
    expect(journeyStateAt(missing, missing.deadlineMs!, passed)).toBe('in-transit');
    expect(journeyStateAt(missing, missing.deadlineMs! + 1, passed)).toBe('missing');
    expect(journeyStateAt(missing, missing.deadlineMs! + 1, new Set([0, 1, 2]))).toBe('overdue');
  });

  it('shows a bus still on its way with its ETA, and overdue when the next checkpoint has seen nobody', () => {
    const firstLeg = summaries(reconcileCrossings(KZ_UZ_TJ, busCrossings().filter((c) => c.checkpointId === 'KZ-ZHIBEK-ZHOLY' && c.direction === 'entry')));
    const onTime = groupBoardRow(KZ_UZ_TJ, firstLeg, T0 + 30 * MIN);
    expect(onTime.nextStep).toBe(1);
    expect(onTime.etaMs).toBe(T0 + (179 / 3) * MIN + 60 * MIN);
    expect(onTime.states['in-transit']).toBe(180);
    const late = groupBoardRow(KZ_UZ_TJ, firstLeg, T0 + 240 * MIN);
    expect(late.states.overdue).toBe(180);
    expect(late.overdueSinceMs).toBe(T0 + 180 * MIN);
  });
});

describe('journeys do not depend on how crossings arrive', () => {
  const canonical = (journeys: readonly Journey[]): unknown => summaries(journeys).map((s) => ({ ...s, crossingIds: [...s.crossingIds].sort() }));
  const expected = canonical(reconcileCrossings(KZ_UZ_TJ, busCrossings()));

  it('gives the same journeys for any order, with any crossing delivered twice (a bundle re-sent)', () => {
    const crossings = busCrossings();
    fc.assert(
      fc.property(fc.array(fc.nat(crossings.length - 1), { maxLength: 60 }), fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (repeats, stream) => {
        const delivered = [...crossings, ...repeats.map((i) => crossings[i]!)];
        const shuffled = shuffle(delivered, stream);
        expect(canonical(reconcileCrossings(KZ_UZ_TJ, shuffled))).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('is the same whether one station folds in late or first (incremental = batch)', () => {
    const crossings = busCrossings();
    const tajik = crossings.filter((c) => c.stationId === 'st-tj-oybek');
    const rest = crossings.filter((c) => c.stationId !== 'st-tj-oybek');
    const incremental = reconcileCrossings(KZ_UZ_TJ, rest, reconcileCrossings(KZ_UZ_TJ, tajik));
    expect(canonical(incremental)).toEqual(expected);
  });

  it('re-does the journeys a correction touches, in whichever order the revisions arrive', () => {
    // Yallama first recorded traveller 11 as crossed, then corrected it to refused; traveller 12's exit from
    // Uzbekistan was first typed with traveller 13's passport number, then corrected.
    const crossings = busCrossings();
    const refusal = crossings.find((c) => c.stationId === 'st-uz-yallama' && c.id.includes(':11:'))!;
    const typo = crossings.find((c) => c.stationId === 'st-uz-oybek' && c.id.includes(':12:'))!;
    const firstVersions: JourneyCrossing[] = [
      { ...refusal, revision: 0, disposition: 'crossed' },
      { ...typo, revision: 0, documentNumber: crossingOf(13, 2, 0).documentNumber },
    ];
    const finals = crossings.map((c) => (c.id === refusal.id ? { ...c, revision: 1 } : c.id === typo.id ? { ...c, revision: 1 } : c));
    fc.assert(
      fc.property(fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (stream) => {
        const shuffled = shuffle([...finals, ...firstVersions], stream);
        expect(canonical(reconcileCrossings(KZ_UZ_TJ, shuffled))).toEqual(expected);
      }),
      { numRuns: 25 },
    );
    // Corrections applied after everything else (the superseding bundle arrives last).
    const late = reconcileCrossings(KZ_UZ_TJ, [...firstVersions, ...crossings.filter((c) => c.id !== refusal.id && c.id !== typo.id), ...finals.filter((c) => c.revision === 1)]);
    expect(canonical(late)).toEqual(expected);
  });

  it('drops a crossing cancelled by a correction from its journey', () => {
    const crossings = busCrossings();
    const tj = crossings.find((c) => c.stationId === 'st-tj-oybek' && c.id.includes(':50:'))!;
    const journeys = summaries(reconcileCrossings(KZ_UZ_TJ, [...crossings, { ...tj, revision: 1, disposition: 'cancelled' }]));
    const j = journeyOfTraveller(journeys, 50);
    expect(j.crossingIds).not.toContain(tj.id);
    expect(j.state).toBe('in-transit');
    expect(j.nextStep).toBe(3);
  });
});

describe('trips and people that are not the usual', () => {
  it('keeps two trips of the same person a week apart as two journeys', () => {
    const week = 7 * 24 * 60;
    const journeys = reconcileCrossings(KZ_UZ_TJ, [crossingOf(1, 0, 0), crossingOf(1, 1, 60), crossingOf(1, 0, week), crossingOf(1, 1, week + 60)]);
    expect(journeys).toHaveLength(2);
  });

  it('keeps a second pass through the same checkpoint on the same day out of the first journey', () => {
    const journeys = reconcileCrossings(KZ_UZ_TJ, [crossingOf(1, 0, 0), crossingOf(1, 0, 120)]);
    expect(journeys).toHaveLength(2);
  });

  it('joins a refusal and a later admission at the same checkpoint into one journey that passed there', () => {
    const journeys = reconcileCrossings(KZ_UZ_TJ, [crossingOf(1, 0, 0), crossingOf(1, 1, 60, { disposition: 'refused' }), crossingOf(1, 1, 200)]);
    expect(journeys).toHaveLength(1);
    const s = summariseJourney(KZ_UZ_TJ, journeys[0]!);
    expect(s.marks).toEqual(['passed', 'passed', 'none', 'none']);
    expect(s.state).toBe('in-transit');
  });

  it('marks a person unexpected at an exit with no entry upstream, until the entry arrives', () => {
    const exitOnly = summariseJourney(KZ_UZ_TJ, reconcileCrossings(KZ_UZ_TJ, [crossingOf(3, 0, 0), crossingOf(3, 2, 700)])[0]!);
    expect(exitOnly).toMatchObject({ state: 'unexpected', unexpectedAt: 2, nextStep: 3 });
    const withEntry = reconcileCrossings(KZ_UZ_TJ, [crossingOf(3, 0, 0), crossingOf(3, 2, 700), crossingOf(3, 1, 60)]);
    expect(summariseJourney(KZ_UZ_TJ, withEntry[0]!)).toMatchObject({ state: 'in-transit', unexpectedAt: null });
  });

  it('leaves crossings at checkpoints off the corridor out', () => {
    const elsewhere: JourneyCrossing = { ...crossingOf(1, 0, 0), checkpointId: 'KG-DOSTUK' };
    expect(reconcileCrossings(KZ_UZ_TJ, [elsewhere])).toEqual([]);
  });
});

function shuffle<T>(items: readonly T[], stream: fc.Stream<number>): T[] {
  const out = [...items];
  const it = stream[Symbol.iterator]();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor((it.next().value as number) * (i + 1)) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
