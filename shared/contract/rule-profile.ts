import { z } from 'zod';
import type { RuleDirection, RuleProfile } from '../domain/rules';

/**
 * The schema of a corridor rule profile (shared/domain/rules/rule-profile.ts says what one is): a profile is data,
 * saved by an administrator as JSON and read back from the database, so it is checked against this on the way in
 * and out. The two checks below keep the schema and the domain's type the same shape.
 */

const hours = z.number().min(0).max(24 * 60);

/** A test kind the profile accepts, and how old its sample may be. */
export const TestRuleSchema = z.strictObject({
  /** Maximum time from sample collection to the decision (and, on entry, to the expected exit). */
  maxAgeHours: hours.positive(),
});

export const VaccinationRuleSchema = z.strictObject({
  /** Days that must have passed since the last dose (14 in most 2021 rules). */
  minDaysAfterLastDose: z.number().int().min(0).max(365),
  /** Accept only certificates whose dose number reached the series (dn ≥ sd). */
  completeSeriesOnly: z.boolean(),
});

export const RecoveryRuleSchema = z.strictObject({
  /** The certificate's own validity window (df..du) always applies; this may shorten it. */
  maxDaysAfterPositiveTest: z.number().int().positive().max(3650).nullable(),
});

export const PaperRuleSchema = z.strictObject({
  /** Paper lab results cannot be verified offline: only `true` lets one make a crossing OK. */
  sufficient: z.boolean(),
});

export const RuleDirectionSchema = z.enum(['entry', 'exit', 'both']);

export const RuleProfileSchema = z.strictObject({
  /** Stable slug; versions of one profile share it. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'id must be 2–63 lower-case letters, digits or dashes' }),
  version: z.number().int().positive(),
  name: z.string().min(1).max(120),
  /** The corridor code this profile applies to, e.g. `KZ-UZ-TJ` (the form both ends of a corridor agree on). */
  corridor: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { error: 'corridor must be 2–40 capital letters, digits or dashes' }),
  direction: RuleDirectionSchema,
  /** The profile applies to decisions made at or after this instant (rules changed overnight). */
  effectiveFrom: z.iso.datetime({ offset: true }),
  /** Where the rule comes from (decree, note verbale), shown to consular staff. */
  source: z.string().max(500).optional(),
  accept: z.strictObject({
    pcr: TestRuleSchema.nullable(),
    rat: TestRuleSchema.nullable(),
    vaccination: VaccinationRuleSchema.nullable(),
    recovery: RecoveryRuleSchema.nullable(),
    paperLabCertificate: PaperRuleSchema.nullable(),
    /** Lab-result links, SMART Health Cards, unknown JSON: recorded and shown, never enough alone. */
    otherQr: z.boolean(),
  }),
  /**
   * Hours from the entry checkpoint to the corridor's exit. A test valid at entry must still be
   * valid then; if it is not, the decision is NEEDS CROSS-CHECK. `null`: no re-check.
   */
  expectedHoursToExit: hours.nullable(),
  exemptions: z.strictObject({
    /** Children younger than this many years on the decision day (passport birth date) need no evidence. */
    childrenUnderYears: z.number().int().min(1).max(18).nullable(),
  }),
  /**
   * False when the corridor requires no COVID evidence (the rule was lifted, the crossings are still logged):
   * a valid passport alone is OK; evidence shown is recorded, and only a positive test makes it NOT OK.
   */
  evidenceRequired: z.boolean().optional(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const directionMatchesDomain: Same<z.infer<typeof RuleDirectionSchema>, RuleDirection> = true;
const profileMatchesDomain: Same<z.infer<typeof RuleProfileSchema>, RuleProfile> = true;
void directionMatchesDomain;
void profileMatchesDomain;
