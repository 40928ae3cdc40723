import { CoreFailure, type RuleProfileRef } from '../../contract';
import { RuleProfileSchema } from '../../contract';
import { DEFAULT_RULE_PROFILES, selectRuleProfile, type BusinessRulesInForce, type Direction, type RuleProfile } from '../../domain/rules';
import type { StationStore } from '../../node/db';
import { RuleProfilesRepo, type StoredRuleProfile } from '../../node/db/rule-profiles-repo';
import { SettingsRepo } from '../../node/db/settings-repo';

/** A station-wide corridor for stations that serve one and have no corridor table entry (setting). */
const CORRIDOR_KEY = 'rules.corridor';

export interface ResolvedRules {
  readonly corridor: string;
  /** The profile in effect, with the corridor's own transit time when the corridor table knows it. */
  readonly profile: RuleProfile | undefined;
  readonly ref: RuleProfileRef | undefined;
  /** The receiving state's EU business rules in force, when the station has imported some. */
  readonly businessRules?: BusinessRulesInForce;
}

/** Rule profiles with history: seeding, saving new versions, and picking the one in effect. */
export class RuleProfileService {
  private readonly repo: RuleProfilesRepo;
  private readonly settings: SettingsRepo;
  private cache: RuleProfile[] | undefined;

  constructor(private readonly deps: { readonly store: StationStore; readonly now: () => Date }) {
    this.repo = new RuleProfilesRepo(deps.store.database);
    this.settings = new SettingsRepo(deps.store.database);
  }

  /** Stores the shipped default profiles the first time a station starts. */
  ensureDefaults(): void {
    const missing = DEFAULT_RULE_PROFILES.filter((profile) => this.repo.latestVersion(profile.id) === 0);
    if (missing.length === 0) return;
    const at = this.deps.now().toISOString();
    this.deps.store.transaction(() => {
      for (const profile of missing) this.insert(profile, at, 'station');
    });
    this.cache = undefined;
  }

  private insert(profile: RuleProfile, at: string, actor: string): void {
    this.repo.insert(profile, at, actor);
    this.deps.store.appendAudit({
      at,
      actor,
      action: 'rule-profile.saved',
      entity: 'rule-profile',
      entityId: `${profile.id}@${profile.version}`,
      payload: { id: profile.id, version: profile.version, corridor: profile.corridor, direction: profile.direction, effectiveFrom: profile.effectiveFrom },
    });
  }

  all(): RuleProfile[] {
    this.cache ??= this.repo.listAll().map((stored) => stored.profile);
    return this.cache;
  }

  list(history: boolean): StoredRuleProfile[] {
    const all = this.repo.listAll();
    if (history) return all;
    const latest = new Map<string, StoredRuleProfile>();
    for (const stored of all) latest.set(stored.profile.id, stored);
    return [...latest.values()];
  }

  get(id: string, version?: number): StoredRuleProfile {
    const found = version === undefined ? this.repo.history(id).at(-1) : this.repo.get(id, version);
    if (!found) throw (version === undefined ? new CoreFailure('not-found', 'rules.noProfile', { profile: id }) : new CoreFailure('not-found', 'rules.noVersion', { profile: id, version }));
    return found;
  }

  /** Saves the next version of a profile; the previous versions stay as they were. */
  save(input: Omit<RuleProfile, 'version'> & { version?: number | undefined }, actor: string): StoredRuleProfile {
    const next = this.repo.latestVersion(input.id) + 1;
    if (input.version !== undefined && input.version !== next) {
      throw new CoreFailure('conflict', 'rules.savedMeanwhile', { profile: input.id, version: next - 1 });
    }
    const profile = RuleProfileSchema.parse({ ...input, version: next });
    const at = this.deps.now().toISOString();
    this.deps.store.transaction(() => this.insert(profile, at, actor));
    this.cache = undefined;
    return { profile, savedAt: at, savedBy: actor };
  }

  /**
   * The station's corridor when the caller names none: the only active corridor of the corridor table,
   * else the `rules.corridor` setting, else the corridor of the first default profile.
   */
  defaultCorridor(): string {
    const active = this.repo.activeCorridorIds();
    if (active.length === 1 && active[0] !== undefined) return active[0];
    return this.settings.get(CORRIDOR_KEY) ?? DEFAULT_RULE_PROFILES[0]?.corridor ?? 'DEFAULT';
  }

  /**
   * The rules for a decision. A corridor row that names a profile uses that profile; otherwise the
   * profile whose `corridor` matches. The corridor's expected transit time (when known) sets the exit
   * re-check, unless the profile switched the re-check off.
   */
  resolve(corridorId: string | undefined, direction: Direction, at: Date): ResolvedRules {
    const corridor = corridorId ?? this.defaultCorridor();
    const row = this.repo.corridor(corridor);
    const selected = selectRuleProfile(this.all(), { corridor, direction, at, profileId: row?.ruleProfileId ?? null });
    if (!selected) return { corridor, profile: undefined, ref: undefined };
    const profile =
      row && selected.expectedHoursToExit !== null ? { ...selected, expectedHoursToExit: row.expectedTransitMinutes / 60 } : selected;
    return {
      corridor,
      profile,
      ref: { id: profile.id, version: profile.version, name: profile.name, corridor, direction, effectiveFrom: profile.effectiveFrom },
    };
  }
}
