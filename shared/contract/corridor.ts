import { z } from 'zod';
import { CodeSchema, isoDateTime } from './ids';

export const SaveCheckpointInputSchema = z.strictObject({
  id: CodeSchema,
  name: z.string().trim().min(1).max(80),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'a country is its three-letter ISO code, e.g. UZB'),
});
export type SaveCheckpointInput = z.input<typeof SaveCheckpointInputSchema>;
export const CheckpointSchema = z.object({ id: z.string(), name: z.string(), country: z.string(), isThisStation: z.boolean() });
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const SaveCorridorInputSchema = z
  .strictObject({
    id: CodeSchema,
    name: z.string().trim().min(1).max(80),
    entryCheckpointId: CodeSchema,
    exitCheckpointId: CodeSchema,
    expectedTransitMinutes: z.number().int().min(1).max(7 * 24 * 60),
    maxTransitMinutes: z.number().int().min(1).max(14 * 24 * 60),
    ruleProfileId: z.string().max(64).nullable().optional(),
    active: z.boolean().default(true),
  })
  .refine((c) => c.entryCheckpointId !== c.exitCheckpointId, { message: 'the entry and exit checkpoints must differ', path: ['exitCheckpointId'] })
  .refine((c) => c.maxTransitMinutes >= c.expectedTransitMinutes, { message: 'the maximum time cannot be shorter than the expected time', path: ['maxTransitMinutes'] });
export type SaveCorridorInput = z.input<typeof SaveCorridorInputSchema>;

/** Which end of a corridor this station stands at (its checkpoint), or null when neither. */
export const StationRoleSchema = z.enum(['entry', 'exit']).nullable();

export const CorridorSchema = z.object({
  id: z.string(),
  name: z.string(),
  entryCheckpointId: z.string(),
  exitCheckpointId: z.string(),
  expectedTransitMinutes: z.number().int(),
  maxTransitMinutes: z.number().int(),
  ruleProfileId: z.string().nullable(),
  active: z.boolean(),
  stationRole: StationRoleSchema,
  updatedAt: isoDateTime,
});
export type Corridor = z.infer<typeof CorridorSchema>;

export const ListInputSchema = z.strictObject({});
export const CheckpointListSchema = z.object({ items: z.array(CheckpointSchema) });
export const CorridorListSchema = z.object({ items: z.array(CorridorSchema) });
