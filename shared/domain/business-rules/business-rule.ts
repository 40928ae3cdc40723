import { z } from 'zod';
import { err, ok, type Problem, type Result } from '../result';

/**
 * One EU DCC business rule as the DCC gateway distributes it (eu-dcc-business-rules, rule schema 1.0.0): a CertLogic
 * expression (`Logic`) with the facts a verifier needs to pick it — whose rule it is, which certificates it is about,
 * and the time it applies.
 */
export const BusinessRuleSchema = z.object({
  Identifier: z.string().regex(/^(GR|VR|TR|RR|IR)-[A-Z]{2,4}-\d{4}$/, 'an identifier like TR-DE-0001'),
  Type: z.enum(['Acceptance', 'Invalidation']),
  Country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code'),
  Region: z.string().optional(),
  Version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
  SchemaVersion: z.string().optional(),
  Engine: z.literal('CERTLOGIC'),
  EngineVersion: z.string(),
  CertificateType: z.enum(['General', 'Test', 'Vaccination', 'Recovery']),
  Description: z.array(z.object({ lang: z.string(), desc: z.string() })).default([]),
  ValidFrom: z.string().datetime({ offset: true }),
  ValidTo: z.string().datetime({ offset: true }),
  AffectedFields: z.array(z.string()).default([]),
  Logic: z.unknown().refine((logic) => logic !== undefined, 'a CertLogic expression'),
});

export type BusinessRule = z.infer<typeof BusinessRuleSchema>;

export type BusinessRuleProblemCode = 'rule.not-json' | 'rule.format' | 'rule.logic';

export function parseBusinessRule(value: unknown): Result<BusinessRule, Problem<BusinessRuleProblemCode>> {
  const parsed = BusinessRuleSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the rule';
    return err({ code: 'rule.format', message: `${where}: ${issue?.message ?? 'not an EU business rule'}` });
  }
  return ok(parsed.data);
}
