import { journeyLookupKeys, placeCrossing } from './place-crossing';
import type { CorridorChain } from './chain';
import type { Journey, JourneyCrossing } from './types';

/**
 * Folds crossings into journeys one at a time, the way the hub does at ingest, with an in-memory index in
 * place of the database's (journey by crossing id, by document key, by nationality + birth date). Tests and the
 * benchmark's baseline use it; the result does not depend on the order of `crossings`.
 */
export function reconcileCrossings(chain: CorridorChain, crossings: Iterable<JourneyCrossing>, start: readonly Journey[] = []): Journey[] {
  const journeys = new Map<string, Journey>();
  const byCrossing = new Map<string, string>();
  const index = new Map<string, Set<string>>();
  const add = (j: Journey): void => {
    journeys.set(j.key, j);
    for (const e of j.events) {
      byCrossing.set(e.crossing.id, j.key);
      const own = [journeyLookupKeys(e.crossing).documentKey];
      if (e.crossing.birthDate !== null) own.push(`${e.crossing.nationality}:${e.crossing.birthDate}`);
      for (const k of own) {
        let set = index.get(k);
        if (!set) index.set(k, (set = new Set()));
        set.add(j.key);
      }
    }
  };
  const lookup = (c: JourneyCrossing, into: Set<string>): void => {
    const keys = journeyLookupKeys(c);
    for (const k of [keys.documentKey, ...keys.identityKeys]) for (const key of index.get(k) ?? []) if (journeys.has(key)) into.add(key);
  };
  for (const j of start) add(j);
  for (const crossing of crossings) {
    const found = new Set<string>();
    lookup(crossing, found);
    const holderKey = byCrossing.get(crossing.id);
    const holder = holderKey === undefined ? undefined : journeys.get(holderKey);
    if (holder && holder.events.some((e) => e.crossing.id === crossing.id)) {
      // A new revision re-places the holder's crossings: each may belong with a journey its own keys find.
      found.add(holder.key);
      for (const e of holder.events) lookup(e.crossing, found);
    }
    const placement = placeCrossing(chain, [...found].map((k) => journeys.get(k)!), crossing);
    for (const key of placement.remove) journeys.delete(key);
    for (const j of placement.upsert) add(j);
  }
  return [...journeys.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}
