import { z } from 'zod';
import { TrustListStatusSchema } from './trust-list';

const RuleProfileSummarySchema = z.object({ id: z.string(), version: z.number().int().positive(), name: z.string() });

/** What the lane's status bar shows about this station's work (lane ergonomics). */
export const LaneStatusSchema = z.object({
  /** The corridor scans are judged for: the lane's bus group's, else the station's only active corridor. */
  corridor: z.object({ id: z.string(), name: z.string().nullable() }),
  /** The rule profile in effect now for each direction; null when no profile matches. */
  ruleProfiles: z.object({ entry: RuleProfileSummarySchema.nullable(), exit: RuleProfileSummarySchema.nullable() }),
  /** Crossings saved but not yet acknowledged by the central system, and export bundles still queued. */
  unsentCrossings: z.number().int().nonnegative(),
  queuedBundles: z.number().int().nonnegative(),
  /** The retention purge waits because the clock disagrees with the log (earlier than its newest crossing, or a day past it). */
  retentionPaused: z.enum(['clock-behind', 'clock-ahead']).nullable(),
});
export type LaneStatus = z.infer<typeof LaneStatusSchema>;

export const GetStatusInputSchema = z.strictObject({});

export const StatusSchema = z.object({
  appVersion: z.string(),
  stationId: z.string(),
  startedAt: z.iso.datetime({ offset: true }),
  now: z.iso.datetime({ offset: true }),
  database: z.object({
    schemaVersion: z.number().int().nonnegative(),
    crossingsTotal: z.number().int().nonnegative(),
  }),
  /** DCC trust list: size and age; `stale` when older than the configured days (or never imported). */
  trustList: TrustListStatusSchema,
  /** The link to the central hub: its last answer and the packages applied from it (absent without a core's hub link). */
  hub: z
    .object({
      configured: z.boolean(),
      lastContactAt: z.iso.datetime({ offset: true }).nullable(),
      packagesApplied: z.number().int().nonnegative(),
    })
    .optional(),
  /** Corridor, rule profiles and unsent exports; absent where a host builds a status without them. */
  lane: LaneStatusSchema.optional(),
});
export type Status = z.infer<typeof StatusSchema>;
