import { describe, expect, it } from 'vitest';
import {
  alertsForStation,
  diffAlerts,
  journeyAlerts,
  reconcileCrossings,
  stationAlerts,
  summariseJourney,
  validateCorridorChain,
  type JourneyCrossing,
} from '../../../../../shared/domain/corridor/journey';
import { BUS, GROUP, KZ_UZ_TJ, MIN, T0, busCrossings, crossingOf } from '../../../../fixtures/corridor/journey-bus';

const alertsAt = (crossings: readonly JourneyCrossing[], nowMs: number) =>
  journeyAlerts(KZ_UZ_TJ, reconcileCrossings(KZ_UZ_TJ, crossings).map((j) => summariseJourney(KZ_UZ_TJ, j)), nowMs);

describe('journey alerts', () => {
  it('raises one missing-at-the-end alert for the bus, addressed to the Tajik checkpoint, once the leg maximum has passed', () => {
    const crossings = busCrossings();
    expect(alertsAt(crossings, T0 + 14 * 60 * MIN)).toEqual([]);
    const alerts = alertsAt(crossings, T0 + 20 * 60 * MIN);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      key: `journey.missing:KZ-UZ-TJ:${GROUP}:3`,
      code: 'journey.missing',
      severity: 'critical',
      groupId: GROUP,
      checkpointId: 'TJ-OYBEK',
      params: { count: 1, groupSize: 180, checkpointId: 'TJ-OYBEK', atEnd: 1 },
      sinceMs: T0 + (720 + BUS.missing / 3 + 180) * MIN,
    });
    expect(alerts[0]!.journeyKeys).toHaveLength(1);
  });

  it('calls a bus overdue at the next checkpoint when nobody of it has been seen there', () => {
    const kz = busCrossings().filter((c) => c.checkpointId === 'KZ-ZHIBEK-ZHOLY' && c.direction === 'entry');
    const alerts = alertsAt(kz, T0 + 240 * MIN);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ code: 'journey.overdue', severity: 'warning', checkpointId: 'UZ-YALLAMA', params: { count: 180, groupSize: 180, atEnd: 0 } });
  });

  it('raises an exit without any upstream entry, keyed by the document so it survives more crossings of the person', () => {
    const alerts = alertsAt([crossingOf(3, 2, 700, { groupId: null })], T0 + 710 * MIN);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ code: 'journey.exit-without-entry', checkpointId: 'UZ-OYBEK', key: 'journey.exit-without-entry:KZ-UZ-TJ:2:TJK:TJ4100003' });
    const later = alertsAt([crossingOf(3, 2, 700, { groupId: null }), crossingOf(3, 3, 740, { groupId: null })], T0 + 750 * MIN);
    expect(later.map((a) => a.key)).toEqual([alerts[0]!.key]);
    expect(alertsAt([crossingOf(3, 1, 60, { groupId: null }), crossingOf(3, 2, 700, { groupId: null })], T0 + 710 * MIN)).toEqual([]);
  });
});

describe('station alerts', () => {
  const contact = { stationId: 'st-uz-oybek', checkpointId: 'UZ-OYBEK', registeredAtMs: T0 - 86_400_000, lastBundleAtMs: T0, expectedEveryMinutes: 60 };

  it('calls a station silent only past its expected send time, never-sent stations from their registration', () => {
    expect(stationAlerts([contact], [], T0 + 60 * MIN)).toEqual([]);
    expect(stationAlerts([contact], [], T0 + 61 * MIN)).toMatchObject([{ code: 'station.silent', stationId: 'st-uz-oybek', params: { minutes: 61 }, sinceMs: T0 + 60 * MIN }]);
    expect(stationAlerts([{ ...contact, lastBundleAtMs: null }], [], T0)).toMatchObject([{ code: 'station.silent', params: { minutes: 1440 } }]);
  });

  it('raises every continuity gap as its own critical alert', () => {
    const gaps = [
      { stationId: 'st-uz-oybek', checkpointId: 'UZ-OYBEK', manifestSha256: 'a'.repeat(64), detectedAtMs: T0 },
      { stationId: 'st-uz-oybek', checkpointId: 'UZ-OYBEK', manifestSha256: 'b'.repeat(64), detectedAtMs: T0 },
    ];
    const alerts = stationAlerts([], gaps, T0);
    expect(alerts.map((a) => [a.key, a.severity])).toEqual([
      [`station.continuity-gap:st-uz-oybek:${'a'.repeat(64)}`, 'critical'],
      [`station.continuity-gap:st-uz-oybek:${'b'.repeat(64)}`, 'critical'],
    ]);
  });
});

describe('keeping alerts current', () => {
  it('raises new situations, updates changed numbers and resolves what no longer holds', () => {
    const kz = busCrossings().filter((c) => c.checkpointId === 'KZ-ZHIBEK-ZHOLY' && c.direction === 'entry');
    const overdue = alertsAt(kz, T0 + 240 * MIN);
    const first = diffAlerts([], overdue);
    expect(first.raise).toHaveLength(1);
    const open = first.raise.map((a) => ({ key: a.key, params: a.params }));
    expect(diffAlerts(open, overdue)).toEqual({ raise: [], update: [], resolve: [] });
    const someArrived = alertsAt([...kz, ...busCrossings().filter((c) => c.checkpointId === 'UZ-YALLAMA').slice(0, 1)], T0 + 240 * MIN);
    expect(someArrived.find((a) => a.code === 'journey.missing')).toBeDefined();
    const next = diffAlerts(open, someArrived);
    expect(next.resolve).toEqual([open[0]!.key]);
    expect(next.raise.map((a) => a.code)).toEqual(['journey.missing']);
  });

  it('sends a station the alerts addressed to its checkpoints only', () => {
    const alerts = alertsAt(busCrossings(), T0 + 20 * 60 * MIN);
    expect(alertsForStation(alerts, 'st-tj-oybek', new Set(['TJ-OYBEK']))).toHaveLength(1);
    expect(alertsForStation(alerts, 'st-uz-yallama', new Set(['UZ-YALLAMA']))).toHaveLength(0);
    const silent = stationAlerts([{ stationId: 'st-uz-yallama', checkpointId: null, registeredAtMs: T0, lastBundleAtMs: T0, expectedEveryMinutes: 60 }], [], T0 + 120 * MIN);
    expect(alertsForStation(silent, 'st-uz-yallama', new Set())).toHaveLength(1);
  });
});

describe('corridor chains', () => {
  it('accepts the seeds corridor and names what is wrong with a bad one', () => {
    expect(validateCorridorChain(KZ_UZ_TJ).ok).toBe(true);
    const codeOf = (r: ReturnType<typeof validateCorridorChain>) => (r.ok ? null : r.error.code);
    expect(codeOf(validateCorridorChain({ ...KZ_UZ_TJ, legs: KZ_UZ_TJ.legs.slice(1) }))).toBe('corridor.legs-count');
    expect(codeOf(validateCorridorChain({ ...KZ_UZ_TJ, steps: KZ_UZ_TJ.steps.slice(0, 1), legs: [] }))).toBe('corridor.too-short');
    expect(codeOf(validateCorridorChain({ ...KZ_UZ_TJ, legs: [{ expectedMinutes: 60, maxMinutes: 30 }, ...KZ_UZ_TJ.legs.slice(1)] }))).toBe('corridor.leg-times');
    expect(codeOf(validateCorridorChain({ ...KZ_UZ_TJ, steps: [...KZ_UZ_TJ.steps.slice(0, 3), KZ_UZ_TJ.steps[0]!] }))).toBe('corridor.step-repeated');
  });
});

describe('alert parameters read back from the database', () => {
  it('are the same alert whatever order their keys come back in', () => {
    const alert = stationAlerts([{ stationId: 's', checkpointId: null, registeredAtMs: T0, lastBundleAtMs: T0, expectedEveryMinutes: 60 }], [], T0 + 120 * MIN)[0]!;
    const reordered = Object.fromEntries(Object.entries(alert.params).reverse());
    expect(diffAlerts([{ key: alert.key, params: reordered }], [alert])).toEqual({ raise: [], update: [], resolve: [] });
    expect(diffAlerts([{ key: alert.key, params: { ...reordered, minutes: 3 } }], [alert]).update).toHaveLength(1);
  });
});
