import { z } from 'zod';

/** Records whose personal fields one purge blanked, per table (rows stay: counts and the audit chain do not change). */
export const PurgeCountsSchema = z.object({
  crossings: z.number().int().min(0),
  importedCrossings: z.number().int().min(0),
  evidence: z.number().int().min(0),
  overrides: z.number().int().min(0),
  manifestEntries: z.number().int().min(0),
  groups: z.number().int().min(0),
  alerts: z.number().int().min(0),
  /** Queued bundles (kept encrypted until the hub acknowledges them) erased with their crossings' personal data. */
  outboxBundles: z.number().int().min(0),
  /** Travellers decided at the lane before the cutoff and never recorded: their stored decision and passport data go. */
  parkedTravellers: z.number().int().min(0),
});
export type PurgeCounts = z.infer<typeof PurgeCountsSchema>;

export const RetentionPurgeSchema = z.object({
  at: z.string(),
  /** Records from before this instant were purged. */
  cutoff: z.string(),
  counts: PurgeCountsSchema,
  /** The file was rebuilt (VACUUM) so no purged bytes stay in unused page space; false when nothing was purged or it failed. */
  compacted: z.boolean(),
  /** A reader kept part of the write-ahead log busy: old page versions leave the disk at the next run. */
  checkpointBusy: z.boolean(),
});
export type RetentionPurge = z.infer<typeof RetentionPurgeSchema>;

export const RetentionStatusSchema = z.object({
  /** Personal fields of crossings older than this many days are blanked (at start and daily). */
  days: z.number().int().min(1),
  lastPurge: RetentionPurgeSchema.nullable(),
});
export type RetentionStatus = z.infer<typeof RetentionStatusSchema>;

const RetentionDaysSchema = z.number().int().min(1).max(3650);
const CountSchema = z.number().int().min(0);

export const GetRetentionInputSchema = z.strictObject({});

/** What a period would erase now, for the administrator to confirm before saving it (or before purging). */
export const PreviewRetentionInputSchema = z.strictObject({ days: RetentionDaysSchema });
export const RetentionPreviewSchema = z.object({
  days: z.number().int().min(1),
  /** Records from before this instant are past the period. */
  cutoff: z.string(),
  /** Crossings past the period that a bundle holds: saving the period erases their personal data at once. */
  erase: CountSchema,
  /**
   * Crossings past the period that no bundle holds (with a central link: none the hub acknowledged). They are kept
   * until exported, or until an administrator purges them naming this count.
   */
  unexported: CountSchema,
  /** The purge refuses to run while the clock disagrees with the log; saving the period then erases nothing yet. */
  clockSuspect: z.enum(['clock-behind', 'clock-ahead']).nullable(),
});
export type RetentionPreview = z.infer<typeof RetentionPreviewSchema>;

/** Saves the period and purges at once with it. */
export const SetRetentionInputSchema = z.strictObject({
  days: RetentionDaysSchema,
  /** The number of crossings the administrator was told the change erases (previewRetention's `erase`); needed when it is not 0. */
  erase: CountSchema.optional(),
});
export type SetRetentionInput = z.infer<typeof SetRetentionInputSchema>;
/** Runs the purge now (it also runs at start and daily); refused while the clock is suspect. */
export const PurgeExpiredInputSchema = z.strictObject({
  /** Erase also the crossings no bundle holds: the count the administrator was shown (previewRetention's `unexported`). */
  unexported: CountSchema.optional(),
});
export type PurgeExpiredInput = z.infer<typeof PurgeExpiredInputSchema>;
