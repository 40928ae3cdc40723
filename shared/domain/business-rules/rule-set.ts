import { err, ok, type Problem, type Result } from '../result';
import { parseBusinessRule, type BusinessRule } from './business-rule';
import { evaluateRule, logicProblems } from './evaluate-rule';

/**
 * A receiving state's business rules as one imported file: the EU gateway's rule download (an array of rules, or
 * `{"rules": [...]}`), every rule usable. Stored whole, versioned by import; the crossing names the version it was
 * judged by.
 */
export interface BusinessRuleSet {
  /** The state whose entry rules these are (ISO 3166-1 alpha-2, from the rules' `Country`). */
  readonly country: string;
  readonly rules: readonly BusinessRule[];
}

export type RuleSetProblemCode = 'rule-set.not-json' | 'rule-set.shape' | 'rule-set.rule' | 'rule-set.countries' | 'rule-set.empty';

/** Reads a rule-set file; any unusable rule refuses the whole file, naming it (a half rule set would judge wrongly). */
export function parseRuleSet(text: string): Result<BusinessRuleSet, Problem<RuleSetProblemCode>> {
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch (error) {
    return err({ code: 'rule-set.not-json', message: `the rule file is not JSON (${error instanceof Error ? error.message : String(error)})` });
  }
  const list = Array.isArray(json) ? json : json !== null && typeof json === 'object' && Array.isArray((json as { rules?: unknown }).rules) ? (json as { rules: unknown[] }).rules : undefined;
  if (!list) return err({ code: 'rule-set.shape', message: 'the rule file must be a list of EU business rules (or {"rules": [...]})' });
  if (list.length === 0) return err({ code: 'rule-set.empty', message: 'the rule file holds no rules' });
  const rules: BusinessRule[] = [];
  for (const [index, item] of list.entries()) {
    const rule = parseBusinessRule(item);
    const name = typeof (item as { Identifier?: unknown } | null)?.Identifier === 'string' ? (item as { Identifier: string }).Identifier : `rule ${index + 1}`;
    if (!rule.ok) return err({ code: 'rule-set.rule', message: `${name}: ${rule.error.message}` });
    const problems = logicProblems(rule.value.Logic);
    if (problems.length > 0) return err({ code: 'rule-set.rule', message: `${name}: the logic is not valid CertLogic (${problems.slice(0, 2).join('; ')})` });
    rules.push(rule.value);
  }
  const countries = [...new Set(rules.map((r) => r.Country))];
  if (countries.length !== 1) return err({ code: 'rule-set.countries', message: `one rule file is one state's rules; this one mixes ${countries.join(', ')}` });
  return ok({ country: countries[0]!, rules });
}

/**
 * The rules in force at `at` for a certificate type: per identifier the highest version whose validity covers `at`
 * (the gateway keeps old versions beside new ones), General rules for every type.
 */
export function rulesInForce(set: BusinessRuleSet, at: Date, certificateType: 'Test' | 'Vaccination' | 'Recovery'): BusinessRule[] {
  const t = at.getTime();
  const best = new Map<string, BusinessRule>();
  for (const rule of set.rules) {
    if (rule.CertificateType !== 'General' && rule.CertificateType !== certificateType) continue;
    if (Date.parse(rule.ValidFrom) > t || Date.parse(rule.ValidTo) <= t) continue;
    const current = best.get(rule.Identifier);
    if (!current || compareVersions(rule.Version, current.Version) > 0) best.set(rule.Identifier, rule);
  }
  return [...best.values()].sort((a, b) => a.Identifier.localeCompare(b.Identifier));
}

const compareVersions = (a: string, b: string): number => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

export interface RuleSetInput {
  /** The decoded certificate (`hcert` claim content). */
  readonly payload: unknown;
  readonly certificateType: 'Test' | 'Vaccination' | 'Recovery';
  readonly at: Date;
  /** CWT issuance and expiry (ISO). */
  readonly issuedAt?: string;
  readonly expiresAt?: string;
  /** The certificate issuer's country (the DSC's). */
  readonly issuerCountry?: string;
  readonly valueSets: Readonly<Record<string, readonly string[]>>;
}

export interface RuleSetVerdict {
  readonly evaluated: readonly string[];
  /** Rules that gave false, with their English description. */
  readonly failed: readonly { readonly id: string; readonly version: string; readonly description: string }[];
  /** Rules that could not be evaluated (counted as failed: a rule that cannot say yes does not pass). */
  readonly broken: readonly { readonly id: string; readonly message: string }[];
}

/** Evaluates the rules in force with the `external` facts of the EU validation (validationClock, valueSets, …). */
export function judgeByRuleSet(set: BusinessRuleSet, input: RuleSetInput): RuleSetVerdict {
  const external = {
    validationClock: input.at.toISOString(),
    valueSets: input.valueSets,
    countryCode: set.country,
    ...(input.issuedAt ? { iat: input.issuedAt } : {}),
    ...(input.expiresAt ? { exp: input.expiresAt } : {}),
    ...(input.issuerCountry ? { issuerCountryCode: input.issuerCountry } : {}),
  };
  const evaluated: string[] = [];
  const failed: { id: string; version: string; description: string }[] = [];
  const broken: { id: string; message: string }[] = [];
  for (const rule of rulesInForce(set, input.at, input.certificateType)) {
    evaluated.push(rule.Identifier);
    const result = evaluateRule(rule.Logic, { payload: input.payload, external });
    if (!result.ok) broken.push({ id: rule.Identifier, message: result.error.message });
    else if (!result.value) failed.push({ id: rule.Identifier, version: rule.Version, description: rule.Description.find((d) => d.lang === 'en')?.desc ?? rule.Identifier });
  }
  return { evaluated, failed, broken };
}
