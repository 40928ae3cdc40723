import type { CoreContext } from '../core-context';

/**
 * The display names of the people behind user ids (recording operators, authorisers, correctors), for screens
 * that say who did what. An id no longer on this station (an imported row's operator) has no name here.
 */
export function personNames(ctx: CoreContext, ids: Iterable<string | null | undefined>): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of ids) {
    if (!id || names.has(id)) continue;
    const person = ctx.repos.operators.get(id);
    if (person) names.set(id, person.displayName);
  }
  return names;
}
