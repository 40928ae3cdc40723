import { matchMethod } from './match-identity';
import type { PairMethod, Pairing, Passage } from './types';

/**
 * The two ends are in different countries with clocks set by hand: an exit may carry a time up to this
 * much before its entry and still pair.
 */
export const CLOCK_SKEW_MS = 60 * 60 * 1000;

/** Whether an entry and an exit can be the two ends of one trip through the same corridor. */
export function pairMethod(entry: Passage, exit: Passage): PairMethod | null {
  if (entry.direction !== 'entry' || exit.direction !== 'exit') return null;
  if (entry.corridorId === null || entry.corridorId !== exit.corridorId) return null;
  if (exit.recordedAtMs + CLOCK_SKEW_MS < entry.recordedAtMs) return null;
  return matchMethod(entry, exit);
}

const rank = (method: PairMethod): number => (method === 'document' ? 0 : 1);

/**
 * The entry an exit closes, among entries not yet paired: a document match before an identity match,
 * then the latest entry (a person who made the trip twice closes the most recent one).
 */
export function chooseEntry(exit: Passage, unpairedEntries: readonly Passage[]): { entry: Passage; method: PairMethod } | null {
  let best: { entry: Passage; method: PairMethod } | null = null;
  for (const entry of unpairedEntries) {
    const method = pairMethod(entry, exit);
    if (method === null) continue;
    if (!best || rank(method) < rank(best.method) || (rank(method) === rank(best.method) && entry.recordedAtMs > best.entry.recordedAtMs)) {
      best = { entry, method };
    }
  }
  return best;
}

/** The exit an entry opens when the exit was known first (the group file arrived after the bus): the earliest one. */
export function chooseExit(entry: Passage, unpairedExits: readonly Passage[]): { exit: Passage; method: PairMethod } | null {
  let best: { exit: Passage; method: PairMethod } | null = null;
  for (const exit of unpairedExits) {
    const method = pairMethod(entry, exit);
    if (method === null) continue;
    if (!best || rank(method) < rank(best.method) || (rank(method) === rank(best.method) && exit.recordedAtMs < best.exit.recordedAtMs)) {
      best = { exit, method };
    }
  }
  return best;
}

export const transitMinutes = (entry: Passage, exit: Passage): number => Math.max(0, Math.round((exit.recordedAtMs - entry.recordedAtMs) / 60_000));

/**
 * What a consistent pairing means, as plain sentences (empty when it holds): every pair joins an entry to
 * an exit of one trip, nobody is paired twice, and no unpaired exit is left that a same-document unpaired
 * entry could close. The property test and `checkpoint audit` style checks use it.
 */
export function pairingProblems(passages: readonly Passage[], pairings: readonly Pairing[]): string[] {
  const problems: string[] = [];
  const byId = new Map(passages.map((p) => [p.id, p]));
  const pairedEntries = new Set<string>();
  const pairedExits = new Set<string>();
  for (const pair of pairings) {
    const entry = byId.get(pair.entryId);
    const exit = byId.get(pair.exitId);
    if (!entry || !exit) {
      problems.push(`pairing ${pair.entryId}→${pair.exitId} refers to a crossing that does not exist`);
      continue;
    }
    if (pairedEntries.has(entry.id)) problems.push(`entry ${entry.id} is paired twice`);
    if (pairedExits.has(exit.id)) problems.push(`exit ${exit.id} is paired twice`);
    pairedEntries.add(entry.id);
    pairedExits.add(exit.id);
    if (pairMethod(entry, exit) === null) problems.push(`entry ${entry.id} and exit ${exit.id} are not the same trip`);
  }
  const openEntries = passages.filter((p) => p.direction === 'entry' && !pairedEntries.has(p.id));
  for (const exit of passages) {
    if (exit.direction !== 'exit' || pairedExits.has(exit.id)) continue;
    const closable = openEntries.find((entry) => pairMethod(entry, exit) === 'document');
    if (closable) problems.push(`exit ${exit.id} is unpaired although entry ${closable.id} matches it`);
  }
  return problems;
}
