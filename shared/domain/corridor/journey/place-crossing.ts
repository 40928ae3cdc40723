import { normaliseDocumentNumber, sameDocument, sameIdentity } from '../match-identity';
import { CLOCK_SKEW_MS } from '../pairing';
import type { Identity, PairMethod } from '../types';
import { stepOf, tripWindowMs, type CorridorChain } from './chain';
import type { Journey, JourneyCrossing, JourneyEvent } from './types';

/**
 * What placing one crossing changes: journeys to write (new or grown), journey keys to delete (merged into
 * another, or re-made after a correction). A key may be both removed and written again.
 */
export interface Placement {
  readonly outcome: 'placed' | 'duplicate' | 'stale' | 'corrected' | 'off-corridor';
  /** How the crossing joined its journey; `first` when it opened one. Null when nothing was placed. */
  readonly method: PairMethod | 'first' | null;
  readonly upsert: readonly Journey[];
  readonly remove: readonly string[];
}

function byTimeThenIdCrossing(a: JourneyCrossing, b: JourneyCrossing): number {
  return a.recordedAtMs - b.recordedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const byTimeThenId = (a: JourneyEvent, b: JourneyEvent): number => byTimeThenIdCrossing(a.crossing, b.crossing);

/** A journey from events: sorted, keyed by the smallest crossing id. */
export function journeyOf(corridorId: string, events: readonly JourneyEvent[]): Journey {
  const sorted = [...events].sort(byTimeThenId);
  let key = sorted[0]!.crossing.id;
  for (const e of sorted) if (e.crossing.id < key) key = e.crossing.id;
  return { key, corridorId, events: sorted };
}

/** How a crossing refers to the person of a journey: by a document seen on it, else by identity. */
export function journeyMatch(journey: Journey, crossing: JourneyCrossing): PairMethod | null {
  let identity = false;
  for (const e of journey.events) {
    if (sameDocument(e.crossing, crossing)) return 'document';
    if (!identity && sameIdentity(e.crossing, crossing)) identity = true;
  }
  return identity ? 'identity' : null;
}

/**
 * Whether `event` can be part of the same trip as `events`: within the trip window of all of them, not a
 * second crossing through a step already passed, and not before a step it follows (beyond the clock skew).
 */
export function fitsTrip(chain: CorridorChain, events: readonly JourneyEvent[], event: JourneyEvent): boolean {
  const window = tripWindowMs(chain);
  const at = event.crossing.recordedAtMs;
  for (const e of events) {
    if (e.crossing.id === event.crossing.id) continue;
    const other = e.crossing.recordedAtMs;
    if (Math.abs(other - at) > window) return false;
    if (e.reverse || event.reverse || e.crossing.disposition !== 'crossed' || event.crossing.disposition !== 'crossed') continue;
    if (e.step === event.step) return false;
    if (e.step < event.step && other > at + CLOCK_SKEW_MS) return false;
    if (e.step > event.step && other + CLOCK_SKEW_MS < at) return false;
  }
  return true;
}

const rank = (method: PairMethod): number => (method === 'document' ? 0 : 1);

/**
 * Places one crossing on the journeys it may belong to. `candidates` are the corridor's journeys that share
 * a document or a (nationality, birth date variant) with it — the hub finds them by index (journeyLookupKeys);
 * any superset gives the same answer. When the crossing is already on a journey (a new revision), the candidates
 * also include what the keys of that journey's crossings find, since re-placing them may join those. A crossing
 * seen before is a no-op; a newer revision re-does its journey; a crossing that links two journeys (a replaced
 * passport seen on both sides) merges them.
 */
export function placeCrossing(chain: CorridorChain, candidates: readonly Journey[], crossing: JourneyCrossing): Placement {
  const holder = candidates.find((j) => j.events.some((e) => e.crossing.id === crossing.id));
  if (holder) {
    const old = holder.events.find((e) => e.crossing.id === crossing.id)!.crossing;
    if (crossing.revision <= old.revision) return { outcome: crossing.revision === old.revision ? 'duplicate' : 'stale', method: null, upsert: [], remove: [] };
    return redo(chain, candidates, holder, crossing);
  }
  const place = stepOf(chain, crossing.checkpointId, crossing.direction);
  if (!place || crossing.corridorId !== null && crossing.corridorId !== chain.id) return { outcome: 'off-corridor', method: null, upsert: [], remove: [] };
  if (crossing.disposition === 'cancelled') return { outcome: 'placed', method: null, upsert: [], remove: [] };
  const event: JourneyEvent = { crossing, ...place };
  const matches: { journey: Journey; method: PairMethod }[] = [];
  for (const journey of candidates) {
    if (journey.corridorId !== chain.id) continue;
    const method = journeyMatch(journey, crossing);
    if (method !== null && fitsTrip(chain, journey.events, event)) matches.push({ journey, method });
  }
  if (matches.length === 0) return { outcome: 'placed', method: 'first', upsert: [journeyOf(chain.id, [event])], remove: [] };
  matches.sort((a, b) => rank(a.method) - rank(b.method) || sameGroupFirst(a.journey, b.journey, crossing) || (a.journey.key < b.journey.key ? -1 : 1));
  let events = [...matches[0]!.journey.events, event];
  const remove = [matches[0]!.journey.key];
  for (const other of matches.slice(1)) {
    if (other.journey.events.every((e) => fitsTrip(chain, events, e))) {
      events = [...events, ...other.journey.events];
      remove.push(other.journey.key);
    }
  }
  return { outcome: 'placed', method: matches[0]!.method, upsert: [journeyOf(chain.id, events)], remove };
}

function sameGroupFirst(a: Journey, b: Journey, crossing: JourneyCrossing): number {
  if (crossing.groupId === null) return 0;
  const inA = a.events.some((e) => e.crossing.groupId === crossing.groupId);
  const inB = b.events.some((e) => e.crossing.groupId === crossing.groupId);
  return inA === inB ? 0 : inA ? -1 : 1;
}

/**
 * A newer revision of a crossing already on a journey: the journey is taken apart and its crossings placed
 * again (the changed one in its new form), so a correction that splits a journey or moves a crossing to
 * another person gives what the corrected data would have given from the start.
 */
function redo(chain: CorridorChain, candidates: readonly Journey[], holder: Journey, crossing: JourneyCrossing): Placement {
  const original = new Set(candidates);
  let book: Journey[] = candidates.filter((j) => j !== holder);
  const replay = holder.events.map((e) => (e.crossing.id === crossing.id ? crossing : e.crossing)).sort(byTimeThenIdCrossing);
  for (const c of replay) book = applyPlacement(book, placeCrossing(chain, book, c));
  const kept = new Set(book);
  const remove = [holder.key, ...candidates.filter((j) => j !== holder && !kept.has(j)).map((j) => j.key)];
  return { outcome: 'corrected', method: null, upsert: book.filter((j) => !original.has(j)), remove: [...new Set(remove)] };
}

/** The journeys after a placement: removed keys dropped, written ones put in. */
export function applyPlacement(journeys: readonly Journey[], placement: Placement): Journey[] {
  if (placement.upsert.length === 0 && placement.remove.length === 0) return [...journeys];
  const gone = new Set(placement.remove);
  return [...journeys.filter((j) => !gone.has(j.key)), ...placement.upsert];
}

/**
 * The index keys under which a crossing's journey can be found: its document, and its nationality with its
 * birth date as read and with day and month swapped. The one-digit slips `sameIdentity` forgives on
 * hand-typed manifests are not searched for here: the hub's crossings come from scanned MRZs, whose check
 * digits guard the birth date, and 80 variants per crossing would make every lookup a range scan. The keys are
 * symmetric (A finds B exactly when B finds A), so the order of arrival does not change who is found.
 */
export function journeyLookupKeys(c: Identity): { readonly documentKey: string; readonly identityKeys: readonly string[] } {
  return { documentKey: `${c.nationality}:${normaliseDocumentNumber(c.documentNumber)}`, identityKeys: c.birthDate === null ? [] : identityKeysOf(c.nationality, c.birthDate) };
}

function identityKeysOf(nationality: string, birthDate: string): string[] {
  const keys = [`${nationality}:${birthDate}`];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (m && m[2] !== m[3] && Number(m[3]) <= 12) keys.push(`${nationality}:${m[1]}-${m[3]}-${m[2]}`);
  return keys;
}
