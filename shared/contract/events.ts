import { z } from 'zod';
import { CrossingSchema } from './crossing';

/** Pushed from the core to every connected screen (Electron IPC or WebSocket). */
export const CoreEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('crossing-recorded'), crossing: CrossingSchema }),
]);
export type CoreEvent = z.infer<typeof CoreEventSchema>;
export type CoreEventListener = (event: CoreEvent) => void;
