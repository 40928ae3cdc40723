import { z } from 'zod';
import { CrossingSchema } from './crossing';
import { CoreErrorSchema } from './errors';
import { ScanResultSchema } from './scan';
import { ScannerStatusSchema } from './scanner';

/** Pushed from the core to every connected screen (Electron IPC or WebSocket). */
export const CoreEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crossing-recorded'), crossing: CrossingSchema }),
  /** Groups, alerts, pairings or the signed-in user changed: screens reload what they show (no personal data here). */
  z.object({ type: z.literal('log-changed'), what: z.enum(['alerts', 'groups', 'pairings', 'session', 'setup', 'exports']) }),
  /** A bundle being written: how far it is, for the Export screen's progress bar. */
  z.object({
    type: z.literal('export-progress'),
    phase: z.enum(['crossings', 'alerts', 'packing', 'done']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** Scanner devices: a scan from a device the host owns, judged by the core for that lane. */
  z.object({ type: z.literal('scan-received'), lane: z.string(), deviceId: z.string(), scan: ScanResultSchema }),
  /** A device scan the core refused (nobody signed in, not a payload), in words for the lane. */
  z.object({ type: z.literal('scan-rejected'), lane: z.string(), deviceId: z.string(), message: z.string(), error: CoreErrorSchema.optional() }),
  z.object({ type: z.literal('scanner-status'), scanner: ScannerStatusSchema }),
  /** New input in the Settings test area; admins fetch it with getScannerFeed (it can hold personal data). */
  z.object({ type: z.literal('scanner-feed'), deviceId: z.string() }),
]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;
export type CoreEventListener = (event: CoreEvent) => void;
