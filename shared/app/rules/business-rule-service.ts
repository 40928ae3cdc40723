import { createHash } from 'node:crypto';
import { CoreFailure } from '../../contract';
import { parseRuleSet, type BusinessRuleSet } from '../../domain/business-rules';
import { certLogicValueSets } from '../../domain/dcc';
import type { BusinessRulesInForce } from '../../domain/rules';
import type { StationStore } from '../../node/db';
import { BusinessRulesRepo, type StoredRuleSet } from '../../node/db/business-rules-repo';

export interface BusinessRuleDeps {
  readonly store: StationStore;
  readonly now: () => Date;
}

/** What an import reports: the new version and how many rules it holds. */
export interface RuleSetImport {
  readonly version: number;
  readonly country: string;
  readonly rules: number;
  readonly contentSha256: string;
}

/**
 * The receiving state's EU business rules: imported from a rule file's bytes (a USB stick, the CLI, or a hub station
 * package), every version kept, the newest judged at the lane beside the corridor profile.
 */
export class BusinessRuleService {
  private readonly repo: BusinessRulesRepo;
  private cache: { readonly version: number; readonly inForce: BusinessRulesInForce } | undefined;

  constructor(private readonly deps: BusinessRuleDeps) {
    this.repo = new BusinessRulesRepo(deps.store.database);
  }

  /**
   * Adds a version from a rule file's bytes. A file that is not a usable rule set (not JSON, one bad rule, mixed
   * countries) is refused with a sentence and changes nothing.
   */
  import(bytes: Uint8Array, source: string, actor: string): RuleSetImport {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const parsed = parseRuleSet(text);
    if (!parsed.ok) throw new CoreFailure('invalid-input', 'rules.businessNotImported', { detail: parsed.error.message });
    const contentSha256 = createHash('sha256').update(bytes).digest('hex');
    const set = parsed.value;
    const importedAt = this.deps.now().toISOString();
    let version = 0;
    this.deps.store.transaction(() => {
      version = this.repo.add({ country: set.country, importedAt, actor, source, contentSha256, rules: set.rules.length, rulesJson: JSON.stringify(set.rules) });
      this.deps.store.appendAudit({
        at: importedAt,
        actor,
        action: 'business-rules.imported',
        entity: 'business-rules',
        entityId: String(version),
        payload: { country: set.country, rules: set.rules.length, source, contentSha256 },
      });
    });
    return { version, country: set.country, rules: set.rules.length, contentSha256 };
  }

  /** The newest set with the value sets the rules see, or undefined before any import. */
  inForce(): BusinessRulesInForce | undefined {
    const latest = this.repo.latest();
    if (!latest) return undefined;
    if (this.cache?.version !== latest.version) this.cache = { version: latest.version, inForce: { set: toSet(latest), version: latest.version, valueSets: certLogicValueSets() } };
    return this.cache.inForce;
  }

  versions(): ReturnType<BusinessRulesRepo['versions']> {
    return this.repo.versions();
  }
}

function toSet(stored: StoredRuleSet): BusinessRuleSet {
  // Stored rules were parsed at import; parse again so a station never judges by rules it cannot read.
  const parsed = parseRuleSet(stored.rulesJson);
  if (!parsed.ok) throw new CoreFailure('unavailable', 'rules.businessUnreadable', { version: stored.version, detail: parsed.error.message });
  return parsed.value;
}
