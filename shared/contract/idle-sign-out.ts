import { z } from 'zod';

/** How long the lane may be left alone before the person signed in there is signed out; 0 turns it off. */
export const IdleSignOutSchema = z.strictObject({
  minutes: z.number().int().min(0).max(1440),
});
export type IdleSignOut = z.infer<typeof IdleSignOutSchema>;
export const GetIdleSignOutInputSchema = z.strictObject({});
export const SetIdleSignOutInputSchema = IdleSignOutSchema;
