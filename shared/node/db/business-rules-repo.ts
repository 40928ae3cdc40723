import type Database from 'better-sqlite3';

/** One imported rule file as the station keeps it. */
export interface StoredRuleSet {
  readonly version: number;
  readonly country: string;
  readonly importedAt: string;
  readonly actor: string;
  readonly source: string;
  readonly contentSha256: string;
  readonly rules: number;
  readonly rulesJson: string;
}

interface Row {
  version: number;
  country: string;
  imported_at: string;
  actor: string;
  source: string;
  content_sha256: string;
  rules: number;
  rules_json: string;
}

const toStored = (r: Row): StoredRuleSet => ({
  version: r.version,
  country: r.country,
  importedAt: r.imported_at,
  actor: r.actor,
  source: r.source,
  contentSha256: r.content_sha256,
  rules: r.rules,
  rulesJson: r.rules_json,
});

/** Business rule sets, append-only: an import adds a version, nothing is replaced or deleted. */
export class BusinessRulesRepo {
  constructor(private readonly db: Database.Database) {}

  add(set: Omit<StoredRuleSet, 'version'>): number {
    const result = this.db
      .prepare(
        `INSERT INTO business_rule_sets (country, imported_at, actor, source, content_sha256, rules, rules_json)
         VALUES (@country, @importedAt, @actor, @source, @contentSha256, @rules, @rulesJson)`,
      )
      .run(set);
    return Number(result.lastInsertRowid);
  }

  latest(): StoredRuleSet | undefined {
    const row = this.db.prepare('SELECT * FROM business_rule_sets ORDER BY version DESC LIMIT 1').get() as Row | undefined;
    return row ? toStored(row) : undefined;
  }

  /** Every version, newest first, without the rules themselves. */
  versions(): Omit<StoredRuleSet, 'rulesJson'>[] {
    return (this.db.prepare('SELECT * FROM business_rule_sets ORDER BY version DESC').all() as Row[]).map((r) => {
      const { rulesJson: _omitted, ...rest } = toStored(r);
      void _omitted;
      return rest;
    });
  }
}
