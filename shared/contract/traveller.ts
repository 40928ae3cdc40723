import { z } from 'zod';
import { AlertSchema } from './alert';
import { DirectionSchema, DispositionSchema } from './crossing';
import { OutcomeSchema, ReasonSchema } from './decision';
import { TravelDocumentSchema } from './document';
import { isoDateTime } from './ids';

export const OverrideSchema = z.object({
  id: z.uuid(),
  crossingId: z.string(),
  previousOutcome: OutcomeSchema,
  outcome: OutcomeSchema,
  reason: z.string(),
  operatorId: z.string(),
  at: isoDateTime,
  /** The second, authorised person who let the traveller cross, with their role; null on consular outcome overrides. */
  authorisedBy: z.string().nullable().optional(),
  authoriserRole: z.enum(['consular', 'shift-lead']).nullable().optional(),
  previousDisposition: DispositionSchema.nullable().optional(),
  disposition: DispositionSchema.nullable().optional(),
});
export type Override = z.infer<typeof OverrideSchema>;

/** An override as the consular history shows it: who recorded it and who authorised it, by name. */
export const NamedOverrideSchema = OverrideSchema.extend({
  operatorName: z.string().nullable(),
  authorisedByName: z.string().nullable(),
});
export type NamedOverride = z.infer<typeof NamedOverrideSchema>;

/** A correction of a crossing (appended, never an edit), with what it set and the name of who made it. */
export const PassageCorrectionSchema = z.object({
  id: z.string(),
  kind: z.enum(['void', 'direction', 'rejudge', 'admit', 'refuse', 'override', 'group']),
  at: isoDateTime,
  reason: z.string(),
  /** null: a correction the station made itself (a bus's manifest linking the crossing), or a user unknown here. */
  byName: z.string().nullable(),
  disposition: DispositionSchema.nullable(),
  direction: DirectionSchema.nullable(),
  outcome: OutcomeSchema.nullable(),
});
export type PassageCorrection = z.infer<typeof PassageCorrectionSchema>;

/** What a certificate shown at the lane said, in a few fields (the certificate itself stays in the evidence store). */
export const PassageEvidenceSchema = z.object({
  kind: z.string(),
  capturedAt: isoDateTime,
  outcome: OutcomeSchema,
  certificateType: z.string().nullable(),
  issuer: z.string().nullable(),
  testType: z.string().nullable(),
  sampleTime: z.string().nullable(),
  testResult: z.string().nullable(),
});
export type PassageEvidence = z.infer<typeof PassageEvidenceSchema>;

/** One crossing in a traveller's history: recorded here, or carried over from the other end of a corridor. */
export const PassageRecordSchema = z.object({
  id: z.string(),
  source: z.enum(['local', 'imported']),
  /** This station's sequence number; null for imported rows. */
  sequence: z.number().int().nullable(),
  recordedAt: isoDateTime,
  stationId: z.string(),
  checkpointId: z.string().nullable(),
  corridorId: z.string().nullable(),
  groupId: z.string().nullable(),
  operatorId: z.string().nullable(),
  direction: DirectionSchema,
  outcome: OutcomeSchema,
  /** The outcome now: after re-judging with new evidence and consular overrides, else the outcome. */
  effectiveOutcome: OutcomeSchema,
  /** How the traveller's passage stands now: only `crossed` is an entry or exit. */
  disposition: DispositionSchema,
  reasons: z.array(ReasonSchema),
  document: TravelDocumentSchema,
  pairedWith: z.object({ id: z.string(), method: z.enum(['document', 'identity']), transitMinutes: z.number().int() }).nullable(),
  /** The latest override, if any (also the last of `overrides`). */
  override: OverrideSchema.nullable(),
  /** Who recorded it, by name; null for a crossing recorded at the other end or by a user unknown here. */
  operatorName: z.string().nullable(),
  /** Every override, oldest first, with names. */
  overrides: z.array(NamedOverrideSchema),
  /** Every correction, oldest first, with names. */
  corrections: z.array(PassageCorrectionSchema),
  /** The certificates shown with it at this station (none for crossings from the other end). */
  evidence: z.array(PassageEvidenceSchema),
});
export type PassageRecord = z.infer<typeof PassageRecordSchema>;

export const SearchTravellersInputSchema = z.strictObject({
  /** A document number (or its start) or a name in any script. */
  query: z.string().trim().min(2).max(64),
  limit: z.number().int().min(1).max(100).default(25),
});
export const TravellerSummarySchema = z.object({
  documentNumber: z.string(),
  nationality: z.string(),
  surname: z.string(),
  givenNames: z.string(),
  birthDate: z.string().nullable(),
  crossings: z.number().int().nonnegative(),
  lastSeenAt: isoDateTime.nullable(),
  onManifests: z.number().int().nonnegative(),
});
export type TravellerSummary = z.infer<typeof TravellerSummarySchema>;
export const TravellerSearchSchema = z.object({ items: z.array(TravellerSummarySchema) });

export const GetTravellerHistoryInputSchema = z.strictObject({
  documentNumber: z.string().trim().min(1).max(24),
  nationality: z.string().trim().max(3),
});
export const TravellerHistorySchema = z.object({
  traveller: TravellerSummarySchema.nullable(),
  /** Newest first, across every corridor; includes records of the same person under a replaced document. */
  passages: z.array(PassageRecordSchema),
  groups: z.array(z.object({ groupId: z.uuid(), label: z.string(), corridorId: z.string() })),
  alerts: z.array(AlertSchema),
});
export type TravellerHistory = z.infer<typeof TravellerHistorySchema>;

export const OverrideCrossingInputSchema = z.strictObject({
  crossingId: z.uuid(),
  outcome: OutcomeSchema,
  reason: z.string().trim().min(5, 'give the reason in a few words (at least 5 characters)').max(500),
  /**
   * The person who decides confirms with their own user name and PIN, as for admitting a held traveller: a
   * consular officer or shift lead who is not the operator who recorded the crossing.
   */
  authoriser: z.strictObject({ username: z.string().trim().min(1).max(64), pin: z.string().min(1).max(32) }),
});
