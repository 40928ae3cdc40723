import type { Group } from '../../contract';
import type { CoreContext } from '../core-context';
import { groupView, loadRoster } from './group-view';

interface Cached {
  readonly revision: number;
  readonly view: Group;
}

const MAX_CACHED = 200;

/** One cache per open station database (a core's context lives as long as its store). */
const caches = new WeakMap<object, Map<string, Cached>>();

/**
 * A group's list view (progress "142 / 180", not-on-list count) kept until the group's revision moves. The view does
 * not depend on the clock (overdue and entered count alike as processed), only on the rows the revision covers, so
 * the lane's list of open groups rebuilds the roster of the group a crossing touched, not of every group each time.
 */
export function cachedGroupView(ctx: CoreContext, groupId: string): Group {
  let cache = caches.get(ctx.store);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.store, cache);
  }
  const revision = ctx.repos.groups.revision(groupId);
  const hit = cache.get(groupId);
  if (hit && hit.revision === revision) return hit.view;
  const view = groupView(loadRoster(ctx, groupId));
  cache.delete(groupId);
  cache.set(groupId, { revision, view });
  // The oldest entries go first (insertion order): the lane looks at the newest groups.
  for (const key of cache.keys()) {
    if (cache.size <= MAX_CACHED) break;
    cache.delete(key);
  }
  return view;
}
