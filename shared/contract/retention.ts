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

export const GetRetentionInputSchema = z.strictObject({});
/** Saves the period and purges at once with it. */
export const SetRetentionInputSchema = z.strictObject({
  days: z.number().int().min(1).max(3650),
});
export type SetRetentionInput = z.infer<typeof SetRetentionInputSchema>;
/** Runs the purge now (it also runs at start and daily). */
export const PurgeExpiredInputSchema = z.strictObject({});
