import { z } from 'zod';
import { RuleProfileSchema } from './rule-profile';

export { RuleProfileSchema };

const isoDateTime = z.iso.datetime({ offset: true });

/** The rules a decision was made under: enough to find the exact profile version again. */
export const RuleProfileRefSchema = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  name: z.string(),
  corridor: z.string(),
  /** The direction the decision was judged for. */
  direction: z.enum(['entry', 'exit']),
  effectiveFrom: isoDateTime,
});
export type RuleProfileRef = z.infer<typeof RuleProfileRefSchema>;

export const StoredRuleProfileSchema = z.object({
  profile: RuleProfileSchema,
  savedAt: isoDateTime,
  savedBy: z.string(),
});

export const ListRuleProfilesInputSchema = z.strictObject({
  /** Every version, not only the latest of each profile. */
  history: z.boolean().default(false),
});
export const RuleProfileListSchema = z.object({
  items: z.array(StoredRuleProfileSchema),
  /** The profile in effect now for the station's corridor, per direction (null when none). */
  inEffect: z.object({ entry: RuleProfileRefSchema.nullable(), exit: RuleProfileRefSchema.nullable() }),
});

export const GetRuleProfileInputSchema = z.strictObject({
  id: z.string().min(1).max(63),
  /** Default: the latest version. */
  version: z.number().int().positive().optional(),
});

/**
 * Saves a new version. `version` is assigned by the core (latest + 1); a caller that sends one must
 * send exactly that number, so two admins editing at once cannot overwrite each other silently.
 */
export const SaveRuleProfileInputSchema = z.strictObject({
  profile: RuleProfileSchema.extend({ version: z.number().int().positive().optional() }),
});
