import { matchMethod } from './match-identity';
import type { Identity, PairMethod } from './types';

export interface ManifestLink {
  readonly crossingId: string;
  readonly lineId: string;
  readonly method: PairMethod;
}

/** How long before a group was created a crossing may be linked to it when its manifest arrives late. */
export const MANIFEST_LINK_LOOKBACK_MS = 24 * 3_600_000;

/**
 * Which crossings recorded before the manifest arrived belong to a bus: each crossing not yet in any group
 * links to the line with the same document, else to the line with the same identity (birth date and name; a
 * replaced passport). Document matches are decided first for everyone, so a name-alike never takes a line
 * that someone's document names. A crossing links at most once.
 */
export function manifestLinks(
  lines: readonly (Identity & { readonly id: string })[],
  crossings: readonly (Identity & { readonly id: string; readonly groupId: string | null })[],
): ManifestLink[] {
  const links: ManifestLink[] = [];
  const linked = new Set<string>();
  const free = crossings.filter((c) => c.groupId === null);
  for (const method of ['document', 'identity'] as const) {
    for (const crossing of free) {
      if (linked.has(crossing.id)) continue;
      const line = lines.find((l) => matchMethod(l, crossing) === method);
      if (!line) continue;
      links.push({ crossingId: crossing.id, lineId: line.id, method });
      linked.add(crossing.id);
    }
  }
  return links;
}
