import { journeyLookupKeys, journeyOf, summariseJourney, type CorridorChain, type Journey, type JourneyEvent, type JourneySummary, type StepMark } from '../../shared/domain/corridor/journey';
import { type BoardSql, isoOf, isoOrNull, msOf } from './board-sql';

export interface EventRow {
  recorded_at: Date | string;
  crossing_id: string;
  corridor_id: string;
  journey_key: string;
  revision: number;
  step: number;
  reverse: boolean;
  station_id: string;
  checkpoint_id: string;
  group_id: string | null;
  direction: 'entry' | 'exit';
  disposition: 'crossed' | 'refused' | 'held';
  document_number: string;
  nationality: string;
  birth_date: string | null;
  name_key: string;
}

export const EVENT_COLUMNS =
  'recorded_at, crossing_id, corridor_id, journey_key, revision, step, reverse, station_id, checkpoint_id, group_id, direction, disposition, document_number, nationality, birth_date, name_key';

/** The journeys the given event rows make up (rows of one corridor, whole journeys). */
export function journeysFromRows(rows: readonly EventRow[]): Journey[] {
  const byKey = new Map<string, JourneyEvent[]>();
  for (const r of rows) {
    const event: JourneyEvent = {
      step: r.step,
      reverse: r.reverse,
      crossing: {
        id: r.crossing_id,
        revision: r.revision,
        stationId: r.station_id,
        checkpointId: r.checkpoint_id,
        corridorId: r.corridor_id,
        groupId: r.group_id,
        direction: r.direction,
        disposition: r.disposition,
        recordedAtMs: msOf(r.recorded_at),
        documentNumber: r.document_number,
        nationality: r.nationality,
        birthDate: r.birth_date,
        nameKey: r.name_key,
      },
    };
    const list = byKey.get(r.journey_key);
    if (list) list.push(event);
    else byKey.set(r.journey_key, [event]);
  }
  return [...byKey.values()].map((events) => journeyOf(rows[0]!.corridor_id, events));
}

const MARK_LETTER: Record<StepMark, string> = { passed: 'P', refused: 'R', held: 'H', none: '-' };
const LETTER_MARK: Record<string, StepMark> = { P: 'passed', R: 'refused', H: 'held', '-': 'none' };
export const marksOf = (letters: string): StepMark[] => [...letters].map((l) => LETTER_MARK[l] ?? 'none');

/**
 * Writes journeys: deletes the rows of `removedKeys` (journeys merged away or re-made) and inserts every event
 * and the summary of each journey in `journeys`. Multi-row inserts through unnest, one statement per table.
 */
export async function writeJourneys(sql: BoardSql, chain: CorridorChain, removedKeys: readonly string[], journeys: readonly Journey[]): Promise<void> {
  if (removedKeys.length > 0) {
    await sql.query('DELETE FROM journey_events WHERE corridor_id = $1 AND journey_key = ANY($2::text[])', [chain.id, removedKeys]);
    await sql.query('DELETE FROM journeys WHERE corridor_id = $1 AND journey_key = ANY($2::text[])', [chain.id, removedKeys]);
  }
  if (journeys.length === 0) return;
  const ev = { at: [] as string[], id: [] as string[], key: [] as string[], rev: [] as number[], step: [] as number[], rev2: [] as boolean[], st: [] as string[], cp: [] as string[] };
  const ev2 = { grp: [] as (string | null)[], dir: [] as string[], disp: [] as string[], dk: [] as string[], ik: [] as (string | null)[], doc: [] as string[], nat: [] as string[], bd: [] as (string | null)[], nk: [] as string[] };
  for (const j of journeys) {
    for (const e of j.events) {
      const c = e.crossing;
      ev.at.push(isoOf(c.recordedAtMs));
      ev.id.push(c.id);
      ev.key.push(j.key);
      ev.rev.push(c.revision);
      ev.step.push(e.step);
      ev.rev2.push(e.reverse);
      ev.st.push(c.stationId);
      ev.cp.push(chain.steps[e.step]!.checkpointId);
      ev2.grp.push(c.groupId);
      ev2.dir.push(c.direction);
      ev2.disp.push(c.disposition);
      ev2.dk.push(journeyLookupKeys(c).documentKey);
      ev2.ik.push(c.birthDate === null ? null : `${c.nationality}:${c.birthDate}`);
      ev2.doc.push(c.documentNumber);
      ev2.nat.push(c.nationality);
      ev2.bd.push(c.birthDate);
      ev2.nk.push(c.nameKey);
    }
  }
  await sql.query(
    `INSERT INTO journey_events (recorded_at, crossing_id, corridor_id, journey_key, revision, step, reverse, station_id, checkpoint_id, group_id, direction, disposition,
       document_key, identity_key, document_number, nationality, birth_date, name_key)
     SELECT at, id, $1, k, rv, sp, rs, st, cp, g, d, ds, dk, ik, dn, na, bd, nk
       FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::smallint[], $7::boolean[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[],
                   $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[])
         AS t(at, id, k, rv, sp, rs, st, cp, g, d, ds, dk, ik, dn, na, bd, nk)`,
    [chain.id, ev.at, ev.id, ev.key, ev.rev, ev.step, ev.rev2, ev.st, ev.cp, ev2.grp, ev2.dir, ev2.disp, ev2.dk, ev2.ik, ev2.doc, ev2.nat, ev2.bd, ev2.nk],
  );
  const summaries = journeys.map((j) => summariseJourney(chain, j));
  const col = <T>(f: (s: JourneySummary) => T): T[] => summaries.map(f);
  await sql.query(
    `INSERT INTO journeys (first_seen_at, corridor_id, journey_key, group_id, state, marks, passed_at, first_checkpoint_id, last_seen_at, last_checkpoint_id, last_disposition,
       last_reverse, next_step, expected_at, deadline_at, unexpected_at, paired_by, documents, document_number, nationality, birth_date, name_key, crossings)
     SELECT fs, $1, k, g, s, m, (SELECT coalesce(array_agg(x::timestamptz ORDER BY o), '{}') FROM jsonb_array_elements_text(pa) WITH ORDINALITY AS a(x, o)),
            fc, ls, lc, ld, lr, ns, ea, da, ua, pb, (SELECT array_agg(x) FROM jsonb_array_elements_text(dc) AS b(x)), dn, na, bd, nk, n
       FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::timestamptz[], $10::text[], $11::text[], $12::boolean[],
                   $13::smallint[], $14::timestamptz[], $15::timestamptz[], $16::smallint[], $17::text[], $18::jsonb[], $19::text[], $20::text[], $21::text[], $22::text[], $23::int[])
         AS t(fs, k, g, s, m, pa, fc, ls, lc, ld, lr, ns, ea, da, ua, pb, dc, dn, na, bd, nk, n)`,
    [
      chain.id,
      col((s) => isoOf(s.firstSeen.atMs)),
      col((s) => s.key),
      col((s) => s.groupId),
      col((s) => s.state),
      col((s) => s.marks.map((m) => MARK_LETTER[m]).join('')),
      col((s) => JSON.stringify(s.passedAtMs.map(isoOrNull))),
      col((s) => s.firstSeen.checkpointId),
      col((s) => isoOf(s.lastSeen.atMs)),
      col((s) => s.lastSeen.checkpointId),
      col((s) => s.lastSeen.disposition),
      col((s) => s.lastSeen.reverse),
      col((s) => s.nextStep),
      col((s) => isoOrNull(s.expectedAtMs)),
      col((s) => isoOrNull(s.deadlineMs)),
      col((s) => s.unexpectedAt),
      col((s) => s.pairedBy),
      col((s) => JSON.stringify(s.documents)),
      col((s) => s.identity.documentNumber),
      col((s) => s.identity.nationality),
      col((s) => s.identity.birthDate),
      col((s) => s.identity.nameKey),
      col((s) => s.crossingIds.length),
    ],
  );
}

/** A journey summary row as the board reads it back. */
export interface JourneyRow {
  corridor_id: string;
  journey_key: string;
  group_id: string | null;
  state: JourneySummary['state'];
  marks: string;
  passed_at: (Date | string | null)[];
  first_seen_at: Date | string;
  last_seen_at: Date | string;
  last_checkpoint_id: string;
  last_disposition: string;
  next_step: number | null;
  expected_at: Date | string | null;
  deadline_at: Date | string | null;
  unexpected_at: number | null;
  paired_by: 'document' | 'identity';
  documents: string[];
  document_number: string;
  nationality: string;
  birth_date: string | null;
  name_key: string;
}

