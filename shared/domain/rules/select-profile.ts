import type { RuleProfile } from './rule-profile';

export type Direction = 'entry' | 'exit';

export interface ProfileQuery {
  readonly corridor: string;
  readonly direction: Direction;
  readonly at: Date;
  /** The corridor names its profile explicitly: consider only this id (whatever corridor the profile names). */
  readonly profileId?: string | null;
}

/**
 * The profile in effect for a corridor and direction at `at`.
 * - Per profile id: the highest version whose `effectiveFrom` has passed. A version saved today
 *   with tomorrow's `effectiveFrom` takes over at that instant (rules changed overnight in 2020–21);
 *   a correction saved with the same or an earlier `effectiveFrom` replaces its predecessor at once.
 * - Across ids for the same corridor and direction: the one that took effect last (ties: the
 *   later-sorting id, so the choice never depends on storage order).
 */
export function selectRuleProfile(profiles: readonly RuleProfile[], query: ProfileQuery): RuleProfile | undefined {
  const now = query.at.getTime();
  const inEffect = new Map<string, RuleProfile>();
  for (const profile of profiles) {
    if (query.profileId ? profile.id !== query.profileId : profile.corridor !== query.corridor) continue;
    if (profile.direction !== 'both' && profile.direction !== query.direction) continue;
    const from = Date.parse(profile.effectiveFrom);
    if (Number.isNaN(from) || from > now) continue;
    const current = inEffect.get(profile.id);
    if (current === undefined || profile.version > current.version) inEffect.set(profile.id, profile);
  }
  let best: RuleProfile | undefined;
  for (const profile of inEffect.values()) {
    if (best === undefined) {
      best = profile;
      continue;
    }
    const from = Date.parse(profile.effectiveFrom);
    const bestFrom = Date.parse(best.effectiveFrom);
    if (from > bestFrom || (from === bestFrom && profile.id > best.id)) best = profile;
  }
  return best;
}
