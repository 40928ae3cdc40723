import {
  DISPOSITIONS,
  journeyLookupKeys,
  reconcileCrossings,
  stepOf,
  tripWindowMs,
  type CorridorChain,
  type Disposition,
  type Journey,
  type JourneyCrossing,
} from '../../shared/domain/corridor/journey';
import { nameKey } from '../../shared/domain/mrz';
import { isoOf, type BoardSql } from './board-sql';
import { loadCorridors } from './corridor-repo';
import { EVENT_COLUMNS, journeysFromRows, writeJourneys, type EventRow } from './journey-rows';

/**
 * A crossing as a bundle carries it (crossings.jsonl, v1 or v2): the fields reconciliation reads. A v1 row has
 * no disposition (v1 stations recorded every transaction as crossed); a v2 row's corrections count its revision.
 */
export interface IngestedCrossing {
  readonly id: string;
  readonly recordedAt: string;
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly direction: 'entry' | 'exit';
  readonly document: { readonly documentNumber: string; readonly nationality: string; readonly surname: string; readonly givenNames: string; readonly birthDate: string | null };
  readonly disposition?: string;
  /** v2: the state now (after corrections and overrides); journeys follow it rather than the recorded fields. */
  readonly current?: { readonly disposition: string; readonly direction: 'entry' | 'exit'; readonly groupId: string | null };
  readonly revision?: number;
  readonly corrections?: readonly unknown[];
}

export interface ReconcileReport {
  /** Crossings placed on a journey (new, or a newer revision re-done). */
  readonly placed: number;
  /** Crossings at checkpoints that are on no corridor, or on several without saying which. */
  readonly offCorridor: number;
  readonly journeysWritten: number;
  readonly journeysRemoved: number;
}

/** Any fixed number (the hub's other advisory locks are 7_118_001–7_118_019). */
const RECONCILE_LOCK = 7_118_020;

const dispositionOf = (row: IngestedCrossing): Disposition => {
  const disposition = row.current?.disposition ?? row.disposition;
  return disposition !== undefined && (DISPOSITIONS as readonly string[]).includes(disposition) ? (disposition as Disposition) : 'crossed';
};

/** The corridor a crossing belongs to: the one it names if that passes its checkpoint, else the only one that does. */
function corridorFor(row: IngestedCrossing, byCheckpoint: ReadonlyMap<string, readonly CorridorChain[]>): CorridorChain | null {
  if (row.checkpointId === null) return null;
  const chains = (byCheckpoint.get(row.checkpointId) ?? []).filter((c) => stepOf(c, row.checkpointId, row.current?.direction ?? row.direction) !== null);
  return chains.find((c) => c.id === row.corridorId) ?? (chains.length === 1 ? chains[0]! : null);
}

export function journeyCrossingOf(row: IngestedCrossing, chain: CorridorChain): JourneyCrossing {
  const d = row.document;
  return {
    id: row.id,
    revision: row.revision ?? row.corrections?.length ?? 0,
    stationId: row.stationId,
    checkpointId: row.checkpointId,
    // The station's own corridor id may be a hand-typed one; the hub's chain decides.
    corridorId: chain.id,
    groupId: row.current ? row.current.groupId : row.groupId,
    direction: row.current?.direction ?? row.direction,
    disposition: dispositionOf(row),
    recordedAtMs: Date.parse(row.recordedAt),
    documentNumber: d.documentNumber,
    nationality: d.nationality,
    birthDate: d.birthDate,
    nameKey: nameKey(`${d.surname} ${d.givenNames}`),
  };
}

/**
 * The hook the ingest transaction calls after loading a bundle's crossings: places each on its person's
 * journey. Only the journeys the crossings touch are read (by document, nationality + birth date and crossing
 * id, within the trip window) and rewritten; a re-sent crossing changes nothing, a newer revision re-does its
 * journey. Partitions for the rows' months must exist (ensureBoardPartitions, before the transaction).
 */
export async function reconcileIngested(tx: BoardSql, rows: readonly IngestedCrossing[]): Promise<ReconcileReport> {
  const corridors = await loadCorridors(tx);
  const byCheckpoint = new Map<string, CorridorChain[]>();
  for (const { chain } of corridors) for (const step of chain.steps) byCheckpoint.set(step.checkpointId, [...(byCheckpoint.get(step.checkpointId) ?? []).filter((c) => c !== chain), chain]);
  const perCorridor = new Map<CorridorChain, JourneyCrossing[]>();
  let offCorridor = 0;
  for (const row of rows) {
    const chain = corridorFor(row, byCheckpoint);
    if (!chain) {
      offCorridor += 1;
      continue;
    }
    const list = perCorridor.get(chain) ?? [];
    list.push(journeyCrossingOf(row, chain));
    perCorridor.set(chain, list);
  }
  let placed = 0;
  let journeysWritten = 0;
  let journeysRemoved = 0;
  // Two stations' bundles may touch the same journeys: one reconciliation per corridor at a time (locks taken
  // in corridor order, so two ingests never wait on each other in a circle), held to the end of the transaction.
  const order = [...perCorridor.keys()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const chain of order) await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECONCILE_LOCK, chain.id]);
  for (const chain of order) {
    const crossings = perCorridor.get(chain)!;
    const loaded = await loadTouchedJourneys(tx, chain, crossings);
    const result = reconcileCrossings(chain, crossings, loaded);
    const kept = new Set(result);
    const before = new Set(loaded);
    const removed = loaded.filter((j) => !kept.has(j)).map((j) => j.key);
    const written = result.filter((j) => !before.has(j));
    await writeJourneys(tx, chain, removed, written);
    const known = new Map(loaded.flatMap((j) => j.events.map((e) => [e.crossing.id, e.crossing.revision] as const)));
    placed += crossings.filter((c) => (known.get(c.id) ?? -1) < c.revision).length;
    journeysWritten += written.length;
    journeysRemoved += removed.length;
  }
  return { placed, offCorridor, journeysWritten, journeysRemoved };
}

/**
 * The stored journeys the crossings may join: found by their keys within the trip window, plus — when a
 * crossing is a newer revision of one already placed — whatever the keys of that journey's crossings find.
 */
async function loadTouchedJourneys(tx: BoardSql, chain: CorridorChain, crossings: readonly JourneyCrossing[]): Promise<Journey[]> {
  const window = tripWindowMs(chain);
  let from = Infinity;
  let to = -Infinity;
  for (const c of crossings) {
    from = Math.min(from, c.recordedAtMs);
    to = Math.max(to, c.recordedAtMs);
  }
  const keysOf = (list: readonly { documentNumber: string; nationality: string; birthDate: string | null; nameKey: string }[]) => {
    const documents = new Set<string>();
    const identities = new Set<string>();
    for (const c of list) {
      const k = journeyLookupKeys(c);
      documents.add(k.documentKey);
      for (const i of k.identityKeys) identities.add(i);
    }
    return { documents: [...documents], identities: [...identities] };
  };
  // Documents and crossing ids first; nationality + birth date only for crossings no stored journey knows by
  // document (a new passport, a new traveller): a person found by document needs no identity candidates, and
  // those are the wide lookup (every traveller of that nationality born that day within the window).
  const byDocument = keysOf(crossings);
  const found = await tx.query<{ journey_key: string; document_key: string }>(
    `SELECT DISTINCT journey_key, document_key FROM journey_events
      WHERE corridor_id = $1 AND recorded_at BETWEEN $2 AND $3 AND (document_key = ANY($4::text[]) OR crossing_id = ANY($5::text[]))`,
    [chain.id, isoOf(from - window), isoOf(to + window), byDocument.documents, crossings.map((c) => c.id)],
  );
  const known = new Set(found.map((r) => r.document_key));
  const unknown = keysOf(crossings.filter((c) => !known.has(journeyLookupKeys(c).documentKey)));
  const byIdentity =
    unknown.identities.length === 0
      ? []
      : await tx.query<{ journey_key: string }>(
          `SELECT DISTINCT journey_key FROM journey_events WHERE corridor_id = $1 AND recorded_at BETWEEN $2 AND $3 AND identity_key = ANY($4::text[])`,
          [chain.id, isoOf(from - window), isoOf(to + window), unknown.identities],
        );
  const keys = [...new Set([...found, ...byIdentity].map((r) => r.journey_key))];
  let journeys = await loadJourneys(tx, chain, keys, from - 2 * window, to + 2 * window);
  const revised = new Set(crossings.map((c) => c.id));
  const holders = journeys.filter((j) => j.events.some((e) => revised.has(e.crossing.id)));
  if (holders.length > 0) {
    const second = keysOf(holders.flatMap((j) => j.events.map((e) => e.crossing)));
    const more = await tx.query<{ journey_key: string }>(
      `SELECT DISTINCT journey_key FROM journey_events
        WHERE corridor_id = $1 AND recorded_at BETWEEN $2 AND $3 AND (document_key = ANY($4::text[]) OR identity_key = ANY($5::text[]))`,
      [chain.id, isoOf(from - 2 * window), isoOf(to + 2 * window), second.documents, second.identities],
    );
    const have = new Set(journeys.map((j) => j.key));
    const extra = more.map((r) => r.journey_key).filter((k) => !have.has(k));
    if (extra.length > 0) journeys = [...journeys, ...(await loadJourneys(tx, chain, extra, from - 3 * window, to + 3 * window))];
  }
  return journeys;
}

async function loadJourneys(tx: BoardSql, chain: CorridorChain, keys: readonly string[], fromMs: number, toMs: number): Promise<Journey[]> {
  if (keys.length === 0) return [];
  const rows = await tx.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM journey_events WHERE corridor_id = $1 AND journey_key = ANY($2::text[]) AND recorded_at BETWEEN $3 AND $4`,
    [chain.id, keys, isoOf(fromMs), isoOf(toMs)],
  );
  return journeysFromRows(rows);
}
