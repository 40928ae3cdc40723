import type Database from 'better-sqlite3';
import { RuleProfileSchema } from '../../contract';
import type { RuleProfile } from '../../domain/rules';

export interface StoredRuleProfile {
  readonly profile: RuleProfile;
  readonly savedAt: string;
  readonly savedBy: string;
}

interface ProfileRow {
  profile_json: string;
  saved_at: string;
  saved_by: string;
}

/** What the corridor table (migration 0002) says about rules: the profile it names and its transit time. */
export interface CorridorRules {
  readonly id: string;
  readonly ruleProfileId: string | null;
  readonly expectedTransitMinutes: number;
}

/** A stored row is re-validated on the way out: a hand-edited database cannot smuggle in a malformed profile. */
const toStored = (row: ProfileRow): StoredRuleProfile => ({
  profile: RuleProfileSchema.parse(JSON.parse(row.profile_json)),
  savedAt: row.saved_at,
  savedBy: row.saved_by,
});

/** Rule profiles with their history (append-only: triggers refuse UPDATE and DELETE). */
export class RuleProfilesRepo {
  private readonly all: Database.Statement<[], ProfileRow>;
  private readonly byId: Database.Statement<[string], ProfileRow>;
  private readonly one: Database.Statement<[string, number], ProfileRow>;
  private readonly maxVersion: Database.Statement<[string], { v: number | null }>;
  private readonly countAll: Database.Statement<[], { n: number }>;
  private readonly insertStatement: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.all = db.prepare('SELECT profile_json, saved_at, saved_by FROM rule_profiles ORDER BY id, version');
    this.byId = db.prepare('SELECT profile_json, saved_at, saved_by FROM rule_profiles WHERE id = ? ORDER BY version');
    this.one = db.prepare('SELECT profile_json, saved_at, saved_by FROM rule_profiles WHERE id = ? AND version = ?');
    this.maxVersion = db.prepare('SELECT max(version) AS v FROM rule_profiles WHERE id = ?');
    this.countAll = db.prepare('SELECT count(*) AS n FROM rule_profiles');
    this.insertStatement = db.prepare(
      `INSERT INTO rule_profiles (id, version, name, corridor, direction, effective_from, effective_from_ms, profile_json, saved_at, saved_by)
       VALUES (@id, @version, @name, @corridor, @direction, @effectiveFrom, @effectiveFromMs, @profileJson, @savedAt, @savedBy)`,
    );
  }

  listAll(): StoredRuleProfile[] {
    return this.all.all().map(toStored);
  }

  history(id: string): StoredRuleProfile[] {
    return this.byId.all(id).map(toStored);
  }

  get(id: string, version: number): StoredRuleProfile | undefined {
    const row = this.one.get(id, version);
    return row ? toStored(row) : undefined;
  }

  latestVersion(id: string): number {
    return this.maxVersion.get(id)?.v ?? 0;
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }

  insert(profile: RuleProfile, savedAt: string, savedBy: string): void {
    this.insertStatement.run({
      id: profile.id,
      version: profile.version,
      name: profile.name,
      corridor: profile.corridor,
      direction: profile.direction,
      effectiveFrom: profile.effectiveFrom,
      effectiveFromMs: Date.parse(profile.effectiveFrom),
      profileJson: JSON.stringify(profile),
      savedAt,
      savedBy,
    });
  }

  /** The corridor row, when the corridor table knows it; undefined otherwise. */
  corridor(id: string): CorridorRules | undefined {
    const row = this.db
      .prepare<[string], { id: string; rule_profile_id: string | null; expected_transit_minutes: number }>(
        'SELECT id, rule_profile_id, expected_transit_minutes FROM corridors WHERE id = ?',
      )
      .get(id);
    return row ? { id: row.id, ruleProfileId: row.rule_profile_id, expectedTransitMinutes: row.expected_transit_minutes } : undefined;
  }

  /** The ids of the active corridors, for a station that serves exactly one. */
  activeCorridorIds(): string[] {
    return this.db
      .prepare<[], { id: string }>('SELECT id FROM corridors WHERE active = 1 ORDER BY id')
      .all()
      .map((row) => row.id);
  }
}
