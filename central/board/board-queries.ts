import { boardRowOf, groupPassedSteps, journeyStateAt, type CorridorChain, type GroupBoardRow, type JourneyState, type JourneySummary, type MemberClass } from '../../shared/domain/corridor/journey';
import { normaliseDocumentNumber } from '../../shared/domain/corridor';
import { nameKey } from '../../shared/domain/mrz';
import { type BoardSql, isoOf, msOf, msOrNull } from './board-sql';
import type { RegisteredCorridor } from './corridor-repo';
import { EVENT_COLUMNS, marksOf, type EventRow } from './journey-rows';
import { JOURNEY_COLUMNS, summaryOfRow, type StoredJourneyRow } from './journey-summary-row';

const MAX_STEPS = 12;
const stepIndex = (chain: CorridorChain) => (checkpointId: string): number => Math.max(0, chain.steps.findIndex((s) => s.checkpointId === checkpointId));

interface ClassRow {
  corridor_id: string;
  group_id: string;
  state: JourneySummary['state'];
  marks: string;
  next_step: number | null;
  due: boolean | null;
  n: number;
  earliest_deadline: Date | string | null;
  latest_expected: Date | string | null;
  first_passed: Date | string | null;
  [lastPassed: `p${number}`]: Date | string | null;
}

/**
 * The corridor board: one row per bus seen since `sinceMs`, counted per checkpoint and state at `nowMs`. The
 * database groups each bus's people into classes (same state, marks, next step, side of the deadline), so the
 * work on this side is per class, not per person.
 */
export async function corridorBoard(sql: BoardSql, corridors: readonly RegisteredCorridor[], nowMs: number, options: { sinceMs: number; corridorId?: string }): Promise<GroupBoardRow[]> {
  const lastPassed = Array.from({ length: MAX_STEPS }, (_, i) => `max(passed_at[${i + 1}]) AS p${i}`).join(', ');
  const rows = await sql.query<ClassRow>(
    `SELECT corridor_id, group_id, state, marks, next_step, deadline_at < $1 AS due, count(*)::int AS n,
            min(deadline_at) AS earliest_deadline, max(expected_at) AS latest_expected, min(passed_at[1]) AS first_passed, ${lastPassed}
       FROM journeys
      WHERE first_seen_at >= $2 AND group_id IS NOT NULL AND ($3::text IS NULL OR corridor_id = $3)
      GROUP BY corridor_id, group_id, state, marks, next_step, due`,
    [isoOf(nowMs), isoOf(options.sinceMs), options.corridorId ?? null],
  );
  const chains = new Map(corridors.map((c) => [c.chain.id, c.chain]));
  const groups = new Map<string, { chain: CorridorChain; groupId: string; classes: MemberClass[] }>();
  for (const r of rows) {
    const chain = chains.get(r.corridor_id);
    if (!chain) continue;
    const k = `${r.corridor_id}\u0000${r.group_id}`;
    const entry = groups.get(k) ?? { chain, groupId: r.group_id, classes: [] };
    entry.classes.push({
      count: r.n,
      state: r.state,
      marks: marksOf(r.marks),
      nextStep: r.next_step,
      due: r.due === true,
      earliestDeadlineMs: msOrNull(r.earliest_deadline),
      latestExpectedAtMs: msOrNull(r.latest_expected),
      lastPassedAtMs: chain.steps.map((_, i) => msOrNull(r[`p${i}`] ?? null)),
      firstPassedAtMs: msOrNull(r.first_passed),
    });
    groups.set(k, entry);
  }
  return [...groups.values()]
    .map((g) => boardRowOf(g.chain, g.groupId, g.classes))
    .sort((a, b) => (b.left?.atMs ?? 0) - (a.left?.atMs ?? 0) || (a.groupId ?? '').localeCompare(b.groupId ?? ''));
}

/** A person on a journey, as the bus view and person search list them. */
export interface PersonJourney {
  readonly summary: JourneySummary;
  readonly state: JourneyState;
}

/** Everyone of a bus with their state at `nowMs`. */
export async function groupPeople(sql: BoardSql, corridor: RegisteredCorridor, groupId: string, nowMs: number, sinceMs: number): Promise<PersonJourney[]> {
  const rows = await sql.query<StoredJourneyRow>(`SELECT ${JOURNEY_COLUMNS} FROM journeys WHERE corridor_id = $1 AND group_id = $2 AND first_seen_at >= $3 ORDER BY name_key, journey_key`, [
    corridor.chain.id,
    groupId,
    isoOf(sinceMs),
  ]);
  const summaries = rows.map((r) => summaryOfRow(r, stepIndex(corridor.chain)));
  const passed = groupPassedSteps(summaries);
  return summaries.map((summary) => ({ summary, state: journeyStateAt(summary, nowMs, passed) }));
}

export interface PersonHit {
  readonly corridorId: string;
  readonly journeyKey: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly nameKey: string;
  readonly birthDate: string | null;
  readonly lastSeenAtMs: number;
}

/**
 * Person search across every station: a document number (exact, any spacing) or a name in Latin or Cyrillic
 * (the ICAO transliteration key, matched as a prefix). Newest journeys first.
 */
export async function searchPersons(sql: BoardSql, query: string, limit = 50): Promise<PersonHit[]> {
  const text = query.trim();
  if (text === '') return [];
  const hasDigit = /\d/.test(text);
  const key = hasDigit ? normaliseDocumentNumber(text) : nameKey(text);
  if (key === '') return [];
  // Bounded index scans (equality on the document, the name key's prefix in index order), deduplicated here:
  // a common surname never sorts the whole region's matches.
  const rows = await sql.query<{ corridor_id: string; journey_key: string; document_number: string; nationality: string; name_key: string; birth_date: string | null; recorded_at: Date | string }>(
    hasDigit
      ? `SELECT corridor_id, journey_key, document_number, nationality, name_key, birth_date, recorded_at FROM journey_events WHERE document_number = $1 LIMIT $2`
      : `SELECT corridor_id, journey_key, document_number, nationality, name_key, birth_date, recorded_at FROM journey_events WHERE name_key LIKE $1 ORDER BY name_key LIMIT $2`,
    [hasDigit ? key : `${key.replace(/[%_\\]/g, '')}%`, limit * 4],
  );
  const hits = new Map<string, PersonHit>();
  for (const r of rows) {
    const hit = { corridorId: r.corridor_id, journeyKey: r.journey_key, documentNumber: r.document_number, nationality: r.nationality, nameKey: r.name_key, birthDate: r.birth_date, lastSeenAtMs: msOf(r.recorded_at) };
    const k = `${r.corridor_id}\u0000${r.journey_key}`;
    const was = hits.get(k);
    if (!was || was.lastSeenAtMs < hit.lastSeenAtMs) hits.set(k, hit);
  }
  return [...hits.values()].sort((a, b) => b.lastSeenAtMs - a.lastSeenAtMs).slice(0, limit);
}

export interface JourneyDetail {
  readonly summary: JourneySummary;
  readonly events: readonly { readonly crossingId: string; readonly step: number; readonly reverse: boolean; readonly checkpointId: string; readonly stationId: string; readonly atMs: number; readonly disposition: string; readonly documentNumber: string; readonly nameKey: string }[];
}

/** One journey with every crossing on it, for the person view. */
export async function journeyDetail(sql: BoardSql, corridor: RegisteredCorridor, journeyKey: string): Promise<JourneyDetail | null> {
  const [row] = await sql.query<StoredJourneyRow>(`SELECT ${JOURNEY_COLUMNS} FROM journeys WHERE corridor_id = $1 AND journey_key = $2`, [corridor.chain.id, journeyKey]);
  if (!row) return null;
  const events = await sql.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM journey_events WHERE corridor_id = $1 AND journey_key = $2 ORDER BY recorded_at, crossing_id`, [corridor.chain.id, journeyKey]);
  return {
    summary: { ...summaryOfRow(row, stepIndex(corridor.chain)), crossingIds: events.map((e) => e.crossing_id) },
    events: events.map((e) => ({
      crossingId: e.crossing_id,
      step: e.step,
      reverse: e.reverse,
      checkpointId: e.checkpoint_id,
      stationId: e.station_id,
      atMs: msOf(e.recorded_at),
      disposition: e.disposition,
      documentNumber: e.document_number,
      nameKey: e.name_key,
    })),
  };
}
