import { z } from 'zod';
import { AlertSchema } from './alert';
import { OutcomeSchema, ReasonSchema } from './decision';
import { TravelDocumentSchema } from './document';
import { DeliveryStateSchema } from './export';
import { ScanSourceSchema } from './scan';

export const DirectionSchema = z.enum(['entry', 'exit']);
export type Direction = z.infer<typeof DirectionSchema>;

/** How a traveller left the lane: crossed (entry or exit), refused / turned back, held for consular, cancelled. */
export const DispositionSchema = z.enum(['crossed', 'refused', 'held', 'cancelled']);
export type Disposition = z.infer<typeof DispositionSchema>;

/** A crossing now: the recorded row with its corrections and overrides applied (the row itself never changes). */
export const CrossingCurrentSchema = z.object({
  disposition: DispositionSchema,
  direction: DirectionSchema,
  outcome: OutcomeSchema,
  groupId: z.string().nullable(),
  /** How many corrections and overrides were made to it. */
  corrections: z.number().int().nonnegative(),
});
export type CrossingCurrent = z.infer<typeof CrossingCurrentSchema>;

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
  /** What the lane recorded: Enter records the safe thing for the outcome (OK crossed, NOT OK refused, NEEDS CROSS-CHECK held). */
  disposition: DispositionSchema,
  /** The crossing log: where, on which corridor, with which bus group; null when not configured. */
  checkpointId: z.string().nullable(),
  corridorId: z.string().nullable(),
  groupId: z.string().nullable(),
  /** The corridor rule profile the outcome was judged by; null when none applied or before profiles existed. */
  ruleProfileId: z.string().nullable(),
  ruleProfileVersion: z.number().int().positive().nullable(),
  /** Export: whether the central system has it yet; listCrossings fills it in ("saved, not yet sent"). */
  delivery: DeliveryStateSchema.optional(),
  /** The current state (the recorded row with its corrections and overrides); filled in by every read of the core. */
  current: CrossingCurrentSchema.optional(),
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
  /**
   * Let a NOT OK or NEEDS CROSS-CHECK traveller cross: a second, authorised person (consular officer or shift
   * lead) confirms with their own PIN and a reason. Stored as an override on the crossing.
   */
  override: z
    .strictObject({
      username: z.string().trim().min(1).max(64),
      pin: z.string().min(1).max(32),
      reason: z.string().trim().min(5, 'give the reason in a few words (at least 5 characters)').max(500),
    })
    .optional(),
  /** Scanned in error: the traveller ends as cancelled, with this reason, and nobody crossed. */
  cancelReason: z.string().trim().min(5, 'give the reason in a few words (at least 5 characters)').max(500).optional(),
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

const reasonText = z.string().trim().min(5, 'give the reason in a few words (at least 5 characters)').max(500);

/** A correction of a recorded crossing: appended, never an edit of the row. */
export const AmendCrossingInputSchema = z.strictObject({
  crossingId: z.uuid(),
  change: z.discriminatedUnion('kind', [
    /** Recorded in error: the crossing becomes cancelled. */
    z.strictObject({ kind: z.literal('void'), reason: reasonText }),
    z.strictObject({ kind: z.literal('direction'), direction: DirectionSchema, reason: reasonText }),
    /** The evidence shown afterwards (a scan of the same passport with the certificate): the outcome is judged again. */
    z.strictObject({ kind: z.literal('rejudge'), scanId: z.uuid(), reason: z.string().trim().max(500).default('Evidence added after recording') }),
  ]),
});
export type AmendCrossingInput = z.input<typeof AmendCrossingInputSchema>;

/** Let a held or refused traveller cross (consular decision), as an override with a reason. */
export const AdmitCrossingInputSchema = z.strictObject({
  crossingId: z.uuid(),
  reason: reasonText,
  /** The authorised person, when the one signed in is not consular staff or a shift lead (at the lane). */
  authoriser: z.strictObject({ username: z.string().trim().min(1).max(64), pin: z.string().min(1).max(32) }).optional(),
});
export type AdmitCrossingInput = z.input<typeof AdmitCrossingInputSchema>;

export const RefuseCrossingInputSchema = z.strictObject({ crossingId: z.uuid(), reason: reasonText });
export type RefuseCrossingInput = z.input<typeof RefuseCrossingInputSchema>;

export const ListHeldInputSchema = z.strictObject({ limit: z.number().int().min(1).max(500).default(100) });
/** A held traveller in the consular queue, with the name of the operator who held them (not a user id). */
export const HeldCrossingSchema = CrossingSchema.extend({ operatorName: z.string().nullable() });
export const HeldListSchema = z.object({ items: z.array(HeldCrossingSchema), total: z.number().int().nonnegative() });
export type HeldList = z.infer<typeof HeldListSchema>;
