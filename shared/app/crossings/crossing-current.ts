import type { Crossing } from '../../contract';
import type { CoreContext } from '../core-context';

/** Crossings as read by the screens: each with its current state (corrections and overrides applied). */
export function withCurrent<T extends Crossing>(ctx: CoreContext, crossings: readonly T[]): T[] {
  const current = ctx.repos.corrections.currentOf(crossings.map((c) => c.id));
  return crossings.map((c) => {
    const state = current.get(c.id);
    return state ? { ...c, current: state } : c;
  });
}
