import { CoreFailure, type Group, type GroupDetail, type PersonState, type PersonStatus } from '../../contract';
import { groupRoster, isMinorOn, matchMethod, normaliseDocumentNumber, rosterCounts, type RosterPerson } from '../../domain/corridor';
import { nameKey, nameSimilarity, personNameKey } from '../../domain/mrz';
import type { GroupRow, ManifestEntryRow, PassageRecordRow } from '../../node/db';
import type { CoreContext } from '../core-context';
import { stationCheckpointId, stationRole } from '../corridors/station-config';

export interface Roster {
  readonly group: GroupRow;
  readonly role: 'entry' | 'exit' | null;
  readonly people: RosterPerson[];
  readonly manifest: Map<string, ManifestEntryRow>;
  readonly passages: Map<string, PassageRecordRow>;
  /** Refusals and holds this station recorded for the group (a refusal at the other end is not work done here). */
  readonly stoppedHere: readonly PassageRecordRow[];
}

/** Everyone of a group with their state now (domain groupRoster over the group's manifest, passages and pairings). */
export function loadRoster(ctx: CoreContext, groupId: string): Roster {
  const group = ctx.repos.groups.get(groupId);
  if (!group) throw new CoreFailure('not-found', 'group.noSuchGroup');
  const corridor = ctx.repos.corridors.getCorridor(group.corridorId);
  if (!corridor) throw new CoreFailure('not-found', 'group.corridorMissing', { corridor: group.corridorId });
  const role = stationRole(corridor, stationCheckpointId(ctx));
  const manifest = ctx.repos.groups.manifest(group.id);
  const all = ctx.repos.passages.forGroup(group.id);
  // Only crossings that crossed are entries and exits; refused and held travellers are listed as such.
  const passages = all.filter((p) => p.disposition === 'crossed');
  const stopped = all.flatMap((p) => (p.disposition === 'refused' || p.disposition === 'held' ? [{ ...p, disposition: p.disposition }] : []));
  const pairings = ctx.repos.passages.pairingsFor(passages.map((p) => p.id));
  // A pairing may reach a passage recorded outside the group (someone who switched buses): load it too.
  const known = new Set(passages.map((p) => p.id));
  for (const pair of pairings) {
    for (const id of [pair.entryId, pair.exitId]) {
      if (known.has(id)) continue;
      const other = ctx.repos.passages.get(id);
      if (other) {
        passages.push(other);
        known.add(id);
      }
    }
  }
  const people = groupRoster(
    manifest,
    passages,
    pairings,
    {
      departedAtMs: group.departedAt ? Date.parse(group.departedAt) : null,
      arrivedAtMs: group.arrivedAt ? Date.parse(group.arrivedAt) : null,
      timing: corridor,
      tracksExits: role === 'exit',
    },
    ctx.now().getTime(),
    stopped,
  );
  const stoppedHere = stopped.filter((p) => p.source === 'local');
  return { group, role, people, manifest: new Map(manifest.map((m) => [m.id, m])), passages: new Map(passages.map((p) => [p.id, p])), stoppedHere };
}

/**
 * "142 / 180 processed, 2 not on the list": people of the manifest this station recorded for the group (crossed,
 * refused or held), of the manifest (or, without one, of the expected count); people recorded with the bus but
 * not on its list are counted apart, so progress never reads "5 / 4".
 *
 * Processed means dealt with at this end of the corridor, whatever the crossing's direction history (a refusal
 * recorded at the other end, read from its group file, is not): an entry
 * turned into an exit by a correction, or a person crossed once and held on a later scan, is one person this
 * lane processed (the "progress counts manifest people": people, not directions).
 *
 * Lines the lane wrote by scanning, before a list came, are not the list: once a list is imported (or came in a
 * group file) someone on a scanned line only is "not on the list"; a scanned line whose document the list names
 * became that list's line when it was imported (GroupsRepo.addManifestEntry).
 */
export function progressOf(roster: Roster): { processed: number; notOnList: number; total: number } {
  const mine = (p: RosterPerson) => {
    if (p.state === 'refused' || p.state === 'held') return roster.stoppedHere.some((stop) => matchMethod(p.identity, stop) !== null);
    return [p.entry, p.exit].some((passage) => passage !== null && roster.passages.get(passage.id)?.source === 'local');
  };
  const listLines = new Set([...roster.manifest.values()].filter((line) => line.source !== 'scan').map((line) => line.id));
  // A list built by scanning at the entry end is who came, not who was expected: there the expected count is the total.
  const listed = listLines.size > 0;
  const onList = (p: RosterPerson) => p.manifestEntryId !== null && listLines.has(p.manifestEntryId);
  const dealtWith = roster.people.filter(mine);
  const processed = listed ? dealtWith.filter(onList).length : dealtWith.length;
  const notOnList = listed ? dealtWith.length - processed : 0;
  return { processed, notOnList, total: listed ? listLines.size : (roster.group.expectedCount ?? roster.manifest.size) };
}

export function groupView(roster: Roster): Group {
  const g = roster.group;
  return {
    id: g.id,
    corridorId: g.corridorId,
    label: g.label,
    vehiclePlate: g.vehiclePlate,
    driverName: g.driverName,
    escortName: g.escortName,
    expectedCount: g.expectedCount,
    plannedDepartureAt: g.plannedDepartureAt,
    departedAt: g.departedAt,
    arrivedAt: g.arrivedAt,
    originStationId: g.originStationId,
    createdAt: g.createdAt,
    manifestCount: roster.manifest.size,
    ...progressOf(roster),
    stationRole: roster.role,
  };
}

export function personView(roster: Roster, person: RosterPerson, now: Date): PersonStatus {
  const line = person.manifestEntryId ? roster.manifest.get(person.manifestEntryId) : undefined;
  const recorded = person.entry ?? person.exit;
  const document = recorded ? roster.passages.get(recorded.id)?.document : undefined;
  const summary = (p: RosterPerson['entry']) => {
    const row = p ? roster.passages.get(p.id) : undefined;
    return row ? { id: row.id, recordedAt: row.recordedAt, stationId: row.stationId, outcome: row.outcome, source: row.source } : null;
  };
  const birthDate = line?.birthDate ?? document?.birthDate ?? null;
  return {
    manifestEntryId: person.manifestEntryId,
    documentNumber: line?.documentNumber ?? person.identity.documentNumber,
    nationality: line?.nationality ?? person.identity.nationality,
    surname: line?.surname ?? document?.surname ?? '',
    givenNames: line?.givenNames ?? document?.givenNames ?? '',
    birthDate,
    minor: isMinorOn(birthDate, now, line?.minor ?? false),
    state: person.state,
    entry: summary(person.entry),
    exit: summary(person.exit),
    pairMethod: person.pairMethod,
  };
}

/** Search by part of a document number, or by name in any script (each word of the query must match a name word). */
export function matchesQuery(person: PersonStatus, query: string): boolean {
  const document = normaliseDocumentNumber(query);
  if (document.length >= 2 && normaliseDocumentNumber(person.documentNumber).includes(document)) return true;
  const words = nameKey(query).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return false;
  const nameWords = personNameKey(person).split(' ');
  return words.every((w) => nameWords.some((v) => v.startsWith(w) || nameSimilarity(w, v) >= 0.85));
}

export function groupDetail(ctx: CoreContext, groupId: string, filter: { query?: string; states?: readonly PersonState[] } = {}): GroupDetail {
  const roster = loadRoster(ctx, groupId);
  const now = ctx.now();
  let people = roster.people.map((p) => personView(roster, p, now));
  if (filter.states && filter.states.length > 0) people = people.filter((p) => filter.states?.includes(p.state));
  if (filter.query) {
    const query = filter.query;
    people = people.filter((p) => matchesQuery(p, query));
  }
  return { group: groupView(roster), counts: rosterCounts(roster.people), people };
}
