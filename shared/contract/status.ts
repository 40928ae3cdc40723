import { z } from 'zod';

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
});
export type Status = z.infer<typeof StatusSchema>;
