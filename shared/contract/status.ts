import { z } from 'zod';
import { TrustListStatusSchema } from './trust-list';

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
});
export type Status = z.infer<typeof StatusSchema>;
