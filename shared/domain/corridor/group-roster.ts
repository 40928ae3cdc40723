import { isOverdue } from './alert-rules';
import { matchMethod, normaliseDocumentNumber } from './match-identity';
import type { CorridorTiming, Identity, Pairing, Passage, PersonState } from './types';

export interface RosterManifestLine extends Identity {
  readonly id: string;
}

export interface RosterGroup {
  readonly departedAtMs: number | null;
  readonly arrivedAtMs: number | null;
  readonly timing: CorridorTiming;
  /**
   * True at the corridor's exit end (or wherever exits are known): only there can "not out yet" mean
   * overdue. The entry end never sees exits, so it would call every traveller overdue.
   */
  readonly tracksExits: boolean;
}

export interface RosterPerson {
  /** The manifest line, or null for someone not on the manifest. */
  readonly manifestEntryId: string | null;
  readonly identity: Identity;
  readonly state: PersonState;
  readonly entry: Passage | null;
  readonly exit: Passage | null;
  readonly pairMethod: Pairing['method'] | null;
  /** Crossed with the group though not on its manifest. */
  readonly unexpected: boolean;
}

function stateOf(entry: Passage | null, exit: Passage | null, onManifest: boolean, group: RosterGroup, nowMs: number): PersonState {
  // Unexpected: exited without an entry (nobody saw them come in), or not on the manifest at all.
  if (!onManifest) return 'unexpected';
  if (exit) return entry ? 'exited' : 'unexpected';
  if (entry) {
    if (group.tracksExits && group.arrivedAtMs !== null) return 'missing';
    if (group.tracksExits && isOverdue(entry.recordedAtMs, group.timing.maxTransitMinutes, nowMs)) return 'overdue';
    return 'entered';
  }
  return group.departedAtMs !== null ? 'no-show' : 'expected';
}

/**
 * Everyone of a group with a state: each manifest line matched to the group's entries and exits (document
 * first, then birth date + name), and everyone who crossed with the group without being on the manifest.
 */
export function groupRoster(
  manifest: readonly RosterManifestLine[],
  passages: readonly Passage[],
  pairings: readonly Pairing[],
  group: RosterGroup,
  nowMs: number,
  /** Travellers of the group this station refused or holds: they did not cross (latest per person counts). */
  stopped: readonly (Passage & { readonly disposition: 'refused' | 'held' })[] = [],
): RosterPerson[] {
  const people = crossedRoster(manifest, passages, pairings, group, nowMs);
  if (stopped.length === 0) return people;
  const latest = [...stopped].sort((a, b) => b.recordedAtMs - a.recordedAtMs);
  const taken = new Set<string>();
  const withStops = people.map((person) => {
    if (person.state !== 'expected' && person.state !== 'no-show') return person;
    const stop = latest.find((s) => !taken.has(s.id) && matchMethod(person.identity, s) !== null);
    if (!stop) return person;
    taken.add(stop.id);
    return { ...person, state: stop.disposition, entry: null, exit: null };
  });
  // Someone refused or held who is not on the manifest: listed once, by their latest record.
  const seen = new Set<string>();
  for (const stop of latest) {
    const key = `${stop.nationality}/${normaliseDocumentNumber(stop.documentNumber)}`;
    if (taken.has(stop.id) || seen.has(key)) continue;
    seen.add(key);
    if (withStops.some((p) => matchMethod(p.identity, stop) === 'document')) continue;
    withStops.push({ manifestEntryId: null, identity: stop, state: stop.disposition, entry: null, exit: null, pairMethod: null, unexpected: false });
  }
  return withStops;
}

function crossedRoster(
  manifest: readonly RosterManifestLine[],
  passages: readonly Passage[],
  pairings: readonly Pairing[],
  group: RosterGroup,
  nowMs: number,
): RosterPerson[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const exitOfEntry = new Map<string, Pairing>();
  const entryOfExit = new Map<string, Pairing>();
  for (const pair of pairings) {
    exitOfEntry.set(pair.entryId, pair);
    entryOfExit.set(pair.exitId, pair);
  }
  const used = new Set<string>();
  // Latest first: a repeated trip shows the current one.
  const sorted = [...passages].sort((a, b) => b.recordedAtMs - a.recordedAtMs);
  const documentKey = (who: Identity, direction: Passage['direction']) => `${direction}/${who.nationality}/${normaliseDocumentNumber(who.documentNumber)}`;
  const byDocument = new Map<string, Passage[]>();
  for (const p of sorted) {
    const key = documentKey(p, p.direction);
    byDocument.set(key, [...(byDocument.get(key) ?? []), p]);
  }
  const take = (identity: Identity, direction: Passage['direction']): Passage | null => {
    const sameDocument = byDocument.get(documentKey(identity, direction))?.find((p) => !used.has(p.id));
    if (sameDocument) return sameDocument;
    for (const p of sorted) {
      if (p.direction === direction && !used.has(p.id) && matchMethod(identity, p) === 'identity') return p;
    }
    return null;
  };

  const people: RosterPerson[] = [];
  const lines = [...manifest];
  // Document matches first for everyone, so a name-alike never takes someone else's record.
  const entries = new Map<string, Passage | null>();
  for (const pass of ['document', 'identity'] as const) {
    for (const line of lines) {
      if (entries.get(line.id)) continue;
      const found = take(line, 'entry');
      if (found && (pass === 'identity' || matchMethod(line, found) === 'document')) {
        entries.set(line.id, found);
        used.add(found.id);
      }
    }
  }
  for (const line of lines) {
    const entry = entries.get(line.id) ?? null;
    let exit: Passage | null = null;
    let method: Pairing['method'] | null = null;
    const pair = entry ? exitOfEntry.get(entry.id) : undefined;
    if (pair) {
      exit = byId.get(pair.exitId) ?? null;
      method = pair.method;
    }
    if (!exit) exit = take(line, 'exit');
    if (exit) used.add(exit.id);
    people.push({
      manifestEntryId: line.id,
      identity: line,
      state: stateOf(entry, exit, true, group, nowMs),
      entry,
      exit,
      pairMethod: method,
      unexpected: false,
    });
  }
  // Whoever is left crossed with the group but is not on its manifest: one person per entry (with its exit) or lone exit.
  for (const p of sorted.filter((x) => x.direction === 'entry' && !used.has(x.id))) {
    used.add(p.id);
    const pair = exitOfEntry.get(p.id);
    const exit = pair ? (byId.get(pair.exitId) ?? null) : null;
    if (exit) used.add(exit.id);
    people.push({ manifestEntryId: null, identity: p, state: stateOf(p, exit, false, group, nowMs), entry: p, exit, pairMethod: pair?.method ?? null, unexpected: true });
  }
  for (const p of sorted.filter((x) => x.direction === 'exit' && !used.has(x.id))) {
    used.add(p.id);
    const pair = entryOfExit.get(p.id);
    const entry = pair ? (byId.get(pair.entryId) ?? null) : null;
    people.push({
      manifestEntryId: null,
      identity: p,
      state: 'unexpected',
      entry,
      exit: p,
      pairMethod: pair?.method ?? null,
      unexpected: true,
    });
  }
  return people;
}

export type RosterCounts = Record<PersonState, number> & { readonly total: number; readonly onManifest: number };

export function rosterCounts(people: readonly RosterPerson[]): RosterCounts {
  const counts = { expected: 0, entered: 0, exited: 0, overdue: 0, missing: 0, 'no-show': 0, unexpected: 0, refused: 0, held: 0, total: people.length, onManifest: 0 };
  for (const person of people) {
    counts[person.state] += 1;
    if (person.manifestEntryId !== null) counts.onManifest += 1;
  }
  return counts;
}
