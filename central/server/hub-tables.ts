import type { z } from 'zod';
import {
  BoardQuery,
  BusQuery,
  JourneyQuery,
  NoQuery,
  PersonQuery,
  StatisticsQuery,
  type AlertsAnswer,
  type BoardAnswer,
  type BusAnswer,
  type CorridorsAnswer,
  type HubTable,
  type JourneyAnswer,
  type PersonsAnswer,
  type StationsAnswer,
  type StatisticsAnswer,
} from '../../shared/contract/hub-web';
import { boardTone, type HubPermission } from '../../shared/domain/central';
import { groupPassedSteps, journeyStateAt } from '../../shared/domain/corridor/journey';
import { openAlerts } from '../board/alerts-repo';
import { corridorBoard, groupPeople, journeyDetail, searchPersons } from '../board/board-queries';
import { loadCorridors, type RegisteredCorridor } from '../board/corridor-repo';
import { dailyStatistics } from '../board/daily-statistics';
import { stationHealth } from '../board/station-health';
import type { Sql } from '../store/sql';
import { corridorView, personOf } from './hub-views';

export type Cell = string | number | null;
export interface TableRows {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export class NotFound extends Error {}

interface TableContext {
  readonly sql: Sql;
  readonly nowMs: number;
}

/** One read of the UI: the permission it needs, its query, its JSON answer, and the same answer as a table. */
interface HubTableDefinition<Q, A> {
  readonly permission: HubPermission;
  readonly query: z.ZodType<Q>;
  load(context: TableContext, query: Q): Promise<A>;
  table(answer: A): TableRows;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function corridorById(sql: Sql, corridorId: string): Promise<RegisteredCorridor> {
  const corridor = (await loadCorridors(sql)).find((c) => c.chain.id === corridorId);
  if (!corridor) throw new NotFound(`there is no corridor ${corridorId}`);
  return corridor;
}

const board: HubTableDefinition<z.infer<typeof BoardQuery>, BoardAnswer> = {
  permission: 'board',
  query: BoardQuery,
  async load({ sql, nowMs }, q) {
    const corridors = await loadCorridors(sql);
    const rows = await corridorBoard(sql, corridors, nowMs, { sinceMs: nowMs - q.hours * HOUR, ...(q.corridor ? { corridorId: q.corridor } : {}) });
    return { asOfMs: nowMs, corridors: corridors.map(corridorView), rows: rows.map((r) => ({ ...r, tone: boardTone(r) })) };
  },
  // One line per bus and checkpoint: the same columns whatever the corridor's length.
  table: (a) => ({
    columns: ['corridor', 'bus', 'state', 'people', 'left_checkpoint', 'left_at', 'checkpoint', 'passed', 'refused', 'held', 'expected', 'missing', 'last_passed_at', 'next_checkpoint', 'eta', 'overdue_since'],
    rows: a.rows.flatMap((r) =>
      r.steps.map((s) => [
        r.corridorId,
        r.groupId,
        r.tone,
        r.people,
        r.left?.checkpointId ?? null,
        iso(r.left?.atMs ?? null),
        s.checkpointId,
        s.passed,
        s.refused,
        s.held,
        s.expected,
        s.missing,
        iso(s.lastPassedAtMs),
        r.nextStep === null ? null : (r.steps[r.nextStep]?.checkpointId ?? null),
        iso(r.etaMs),
        iso(r.overdueSinceMs),
      ]),
    ),
  }),
};

const PERSON_COLUMNS = ['name_key', 'document_number', 'nationality', 'birth_date', 'state', 'last_checkpoint', 'last_seen_at', 'next_checkpoint', 'expected_at', 'deadline', 'paired_by', 'documents'];
const personCells = (p: BusAnswer['people'][number]): Cell[] => [
  p.nameKey,
  p.documentNumber,
  p.nationality,
  p.birthDate,
  p.state,
  p.lastSeen.checkpointId,
  iso(p.lastSeen.atMs),
  p.nextCheckpointId,
  iso(p.expectedAtMs),
  iso(p.deadlineMs),
  p.pairedBy,
  p.documents.join(' '),
];

const bus: HubTableDefinition<z.infer<typeof BusQuery>, BusAnswer> = {
  permission: 'board',
  query: BusQuery,
  async load({ sql, nowMs }, q) {
    const corridor = await corridorById(sql, q.corridor);
    const people = await groupPeople(sql, corridor, q.group, nowMs, nowMs - q.hours * HOUR);
    return { asOfMs: nowMs, corridor: corridorView(corridor), groupId: q.group, people: people.map((p) => personOf(corridor, p.summary, p.state)) };
  },
  table: (a) => ({ columns: PERSON_COLUMNS, rows: a.people.map(personCells) }),
};

const persons: HubTableDefinition<z.infer<typeof PersonQuery>, PersonsAnswer> = {
  permission: 'persons',
  query: PersonQuery,
  load: async ({ sql }, q) => ({ hits: await searchPersons(sql, q.q) }),
  table: (a) => ({
    columns: ['corridor', 'journey', 'name_key', 'document_number', 'nationality', 'birth_date', 'last_seen_at'],
    rows: a.hits.map((h) => [h.corridorId, h.journeyKey, h.nameKey, h.documentNumber, h.nationality, h.birthDate, iso(h.lastSeenAtMs)]),
  }),
};

const journey: HubTableDefinition<z.infer<typeof JourneyQuery>, JourneyAnswer> = {
  permission: 'persons',
  query: JourneyQuery,
  async load({ sql, nowMs }, q) {
    const corridor = await corridorById(sql, q.corridor);
    const detail = await journeyDetail(sql, corridor, q.key);
    if (!detail) throw new NotFound(`there is no journey ${q.key} on corridor ${q.corridor}`);
    // Overdue or missing depends on the bus: its other members' passed checkpoints.
    const members = detail.summary.groupId === null ? [] : await groupPeople(sql, corridor, detail.summary.groupId, nowMs, detail.summary.firstSeen.atMs - DAY);
    const state = journeyStateAt(detail.summary, nowMs, groupPassedSteps(members.map((m) => m.summary)));
    return {
      asOfMs: nowMs,
      corridor: corridorView(corridor),
      person: personOf(corridor, detail.summary, state),
      events: detail.events.map((e) => ({ crossingId: e.crossingId, checkpointId: e.checkpointId, stationId: e.stationId, atMs: e.atMs, disposition: e.disposition, reverse: e.reverse, documentNumber: e.documentNumber })),
    };
  },
  table: (a) => ({
    columns: ['checkpoint', 'station', 'at', 'disposition', 'reverse', 'document_number', 'crossing'],
    rows: a.events.map((e) => [e.checkpointId, e.stationId, iso(e.atMs), e.disposition, e.reverse ? 'yes' : 'no', e.documentNumber, e.crossingId]),
  }),
};

const stations: HubTableDefinition<Record<string, never>, StationsAnswer> = {
  permission: 'stations',
  query: NoQuery,
  load: async ({ sql, nowMs }) => ({ asOfMs: nowMs, stations: await stationHealth(sql) }),
  table: (a) => ({
    columns: ['station', 'fingerprint', 'corridor', 'last_bundle_at', 'covered_until', 'last_contact_at', 'bundles', 'open_gaps', 'revoked_at'],
    rows: a.stations.map((s) => [s.stationId, s.fingerprint, s.corridorId, iso(s.lastBundleAtMs), iso(s.coveredUntilMs), iso(s.lastContactAtMs), s.bundles, s.openGaps, iso(s.revokedAtMs)]),
  }),
};

const alerts: HubTableDefinition<Record<string, never>, AlertsAnswer> = {
  permission: 'alerts',
  query: NoQuery,
  load: async ({ sql }) => ({ alerts: await openAlerts(sql) }),
  table: (a) => ({
    columns: ['id', 'code', 'severity', 'corridor', 'bus', 'checkpoint', 'station', 'count', 'since', 'acknowledged_by', 'acknowledged_at', 'note'],
    rows: a.alerts.map((x) => [
      x.id,
      x.code,
      x.severity,
      x.corridorId,
      x.groupId,
      x.checkpointId,
      x.stationId,
      typeof x.params.count === 'number' ? x.params.count : null,
      iso(x.sinceMs),
      x.acknowledged?.by ?? null,
      iso(x.acknowledged?.atMs ?? null),
      x.acknowledged?.note ?? null,
    ]),
  }),
};

const statistics: HubTableDefinition<z.infer<typeof StatisticsQuery>, StatisticsAnswer> = {
  permission: 'statistics',
  query: StatisticsQuery,
  async load({ sql, nowMs }, q) {
    // Whole UTC days: today and the days before it.
    const sinceMs = Math.floor(nowMs / DAY) * DAY - (q.days - 1) * DAY;
    return { sinceDay: new Date(sinceMs).toISOString().slice(0, 10), counts: await dailyStatistics(sql, sinceMs) };
  },
  table: (a) => ({ columns: ['day', 'corridor', 'checkpoint', 'crossed', 'refused', 'held'], rows: a.counts.map((c) => [c.day, c.corridorId, c.checkpointId, c.crossed, c.refused, c.held]) }),
};

const corridors: HubTableDefinition<Record<string, never>, CorridorsAnswer> = {
  permission: 'corridors',
  query: NoQuery,
  load: async ({ sql }) => ({ corridors: (await loadCorridors(sql)).map(corridorView) }),
  table: (a) => ({
    columns: ['corridor', 'name', 'version', 'step', 'checkpoint', 'country', 'direction', 'next_leg_expected_minutes', 'next_leg_max_minutes'],
    rows: a.corridors.flatMap((c) => c.steps.map((s, i) => [c.id, c.name, c.version, i, s.checkpointId, s.country, s.direction, c.legs[i]?.expectedMinutes ?? null, c.legs[i]?.maxMinutes ?? null])),
  }),
};

/** Erased to one shape for the route loop; each definition above is checked with its own types. */
export type AnyHubTable = HubTableDefinition<unknown, unknown>;
const erase = <Q, A>(t: HubTableDefinition<Q, A>): AnyHubTable => t as unknown as AnyHubTable;

export const TABLES: Readonly<Record<HubTable, AnyHubTable>> = {
  board: erase(board),
  bus: erase(bus),
  persons: erase(persons),
  journey: erase(journey),
  stations: erase(stations),
  alerts: erase(alerts),
  statistics: erase(statistics),
  corridors: erase(corridors),
};
