import { z } from 'zod';
import { OutcomeSchema, ReasonSchema } from './decision';
import { TravelDocumentSchema } from './document';
import { ScanSourceSchema } from './scan';

export const DirectionSchema = z.enum(['entry', 'exit']);
export type Direction = z.infer<typeof DirectionSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

export const CrossingSchema = z.object({
  id: z.uuid(),
  /** Station-local, gap-free order of recording; also the pagination cursor. */
  sequence: z.number().int().positive(),
  recordedAt: isoDateTime,
  stationId: z.string(),
  operatorId: z.string().nullable(),
  direction: DirectionSchema,
  outcome: OutcomeSchema,
  reasons: z.array(ReasonSchema),
  document: TravelDocumentSchema,
  scanSource: ScanSourceSchema,
  note: z.string().nullable(),
});
export type Crossing = z.infer<typeof CrossingSchema>;

export const RecordCrossingInputSchema = z.strictObject({
  scanId: z.uuid('scanId must be the id returned by scan'),
  direction: DirectionSchema,
  note: z.string().max(500).optional(),
});
export type RecordCrossingInput = z.input<typeof RecordCrossingInputSchema>;

export const ListCrossingsInputSchema = z.strictObject({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  documentNumber: z.string().min(1).max(24).optional(),
  /** Return rows recorded before this sequence number (newest first paging). */
  beforeSequence: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ListCrossingsInput = z.input<typeof ListCrossingsInputSchema>;

export const CrossingPageSchema = z.object({
  items: z.array(CrossingSchema),
  /** Rows matching the filter in total (not only this page). */
  total: z.number().int().nonnegative(),
});
export type CrossingPage = z.infer<typeof CrossingPageSchema>;
