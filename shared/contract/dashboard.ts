import { z } from 'zod';
import { AlertSchema } from './alert';
import { CrossingSchema } from './crossing';
import { isoDateTime } from './ids';

const count = z.number().int().nonnegative();

/** What an hour and a corridor's day both count: crossings by direction and outcome, and the travellers who did not cross. */
const crossingCounts = {
  entries: count,
  exits: count,
  ok: count,
  notOk: count,
  crossCheck: count,
  /** Travellers refused or held for consular (they are not entries or exits). */
  refused: count,
  held: count,
};

export const HourBucketSchema = z.object({ start: isoDateTime, ...crossingCounts });
export type HourBucket = z.infer<typeof HourBucketSchema>;

export const CorridorDayTotalsSchema = z.object({
  ...crossingCounts,
  /** Held for consular now and not yet admitted or refused (whenever they were held): nothing stays held silently. */
  heldNow: count,
  overrides: count,
  /**
   * Entered (here or per a group file) and not out after the corridor's maximum time. Null where this
   * station is not the corridor's exit end: it sees no exits, so it cannot tell (a 0 there would be false).
   */
  overdue: count.nullable(),
  /** Entered and not yet out, within the time; null where this station is not the exit end (see overdue). */
  inCorridor: count.nullable(),
});

export const GetDashboardInputSchema = z
  .strictObject({ from: isoDateTime, to: isoDateTime })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: '"from" must be before "to"', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 48 * 3600_000, { message: 'the dashboard shows at most 48 hours', path: ['to'] });

export const DashboardSchema = z.object({
  from: isoDateTime,
  to: isoDateTime,
  corridors: z.array(
    z.object({
      corridorId: z.string().nullable(),
      name: z.string(),
      hours: z.array(HourBucketSchema),
      totals: CorridorDayTotalsSchema,
    }),
  ),
  openAlerts: z.array(AlertSchema),
  openAlertsTotal: count,
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const GetLaneOverviewInputSchema = z.strictObject({});
export const LaneOverviewSchema = z.object({
  group: z
    .object({
      id: z.uuid(),
      label: z.string(),
      corridorId: z.string(),
      stationRole: z.enum(['entry', 'exit']).nullable(),
      processed: count,
      notOnList: count,
      total: count,
    })
    .nullable(),
  /** The last 10 crossings at this station. */
  recent: z.array(CrossingSchema),
  openAlerts: z.array(AlertSchema),
  openAlertsTotal: count,
});
export type LaneOverview = z.infer<typeof LaneOverviewSchema>;
