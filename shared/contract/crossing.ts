import { z } from 'zod';
import { AlertSchema } from './alert';
import { OutcomeSchema, ReasonSchema } from './decision';
import { TravelDocumentSchema } from './document';
import { DeliveryStateSchema } from './export';
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
  /** The crossing log (issue 11): where, on which corridor, with which bus group; null when not configured. */
  checkpointId: z.string().nullable(),
  corridorId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** The corridor rule profile the outcome was judged by (issue 10); null when none applied or before profiles existed. */
  ruleProfileId: z.string().nullable(),
  ruleProfileVersion: z.number().int().positive().nullable(),
  /** Export (issue 5): whether the central system has it yet; listCrossings fills it in ("saved, not yet sent"). */
  delivery: DeliveryStateSchema.optional(),
});
export type Crossing = z.infer<typeof CrossingSchema>;

/** What recordCrossing answers: the crossing, whether it was a repeated scan, and the alerts it raised. */
export const RecordedCrossingSchema = CrossingSchema.extend({
  /** The same document was recorded at this station minutes ago: this is that earlier row, nothing new was saved. */
  duplicate: z.boolean(),
  alerts: z.array(AlertSchema),
});
export type RecordedCrossing = z.infer<typeof RecordedCrossingSchema>;

export const RecordCrossingInputSchema = z.strictObject({
  scanId: z.uuid('scanId must be the id returned by scan'),
  direction: DirectionSchema,
  note: z.string().max(500).optional(),
  /** The bus group; default: the group selected for this lane (setLaneGroup). */
  groupId: z.uuid().nullable().optional(),
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
