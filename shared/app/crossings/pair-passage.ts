import { chooseEntry, chooseExit, transitMinutes, type Passage } from '../../domain/corridor';
import type { PairingRow } from '../../node/db';
import { resolveUnexpectedArrival } from '../alerts/raise-alert';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';

/**
 * Pairs a newly known passage with the other end of its trip, if that is already here: an exit with the
 * open entry it closes, or (when the group file came after the bus) an entry with the exit waiting for it.
 * Call inside a transaction: the pairing and its audit row commit with the passage.
 */
export function pairPassage(ctx: CoreContext, passage: Passage): PairingRow | null {
  if (passage.corridorId === null) return null;
  let entry: Passage;
  let exit: Passage;
  let method: PairingRow['method'];
  if (passage.direction === 'exit') {
    const choice = chooseEntry(passage, ctx.repos.passages.unpairedCandidates('entry', passage.corridorId, passage));
    if (!choice) return null;
    ({ entry, method } = choice);
    exit = passage;
  } else {
    const choice = chooseExit(passage, ctx.repos.passages.unpairedCandidates('exit', passage.corridorId, passage));
    if (!choice) return null;
    ({ exit, method } = choice);
    entry = passage;
  }
  const pairing: PairingRow = {
    entryId: entry.id,
    exitId: exit.id,
    corridorId: passage.corridorId,
    method,
    transitMinutes: transitMinutes(entry, exit),
    pairedAt: ctx.now().toISOString(),
  };
  ctx.repos.passages.addPairing(pairing);
  audit(ctx, 'pairing.created', 'pairing', exit.id, { entryId: entry.id, exitId: exit.id, method });
  resolveUnexpectedArrival(ctx, exit.id);
  return pairing;
}
