import { z } from 'zod';
import { PAYLOAD_KINDS } from '../domain/payload/payload-kind';
import { DecisionSchema } from './decision';
import { TravelDocumentSchema } from './document';
import { EvidenceSchema, PersonMatchSchema } from './evidence';
import { RuleProfileRefSchema } from './rules';

/** A QR code holds at most ~4.3 KB; anything much larger is not a scan and is refused before parsing. */
export const MAX_SCAN_PAYLOAD_CHARS = 8192;

export const SCAN_SOURCES = ['wedge', 'paste', 'manual', 'hid-keyboard', 'hid-pos', 'serial', 'camera', 'image'] as const;
export const ScanSourceSchema = z.enum(SCAN_SOURCES);

export const PayloadKindSchema = z.enum(PAYLOAD_KINDS);

export const ScanInputSchema = z.strictObject({
  payload: z.string().min(1, 'the scan is empty').max(MAX_SCAN_PAYLOAD_CHARS, `a scan is at most ${MAX_SCAN_PAYLOAD_CHARS} characters`),
  source: ScanSourceSchema.default('wedge'),
  symbology: z.string().max(8).optional(),
  deviceId: z.string().max(128).optional(),
  /**
   * The scanId of the lane's open traveller: a certificate scanned after the passport (or the
   * passport after the certificate) joins it, and the answer is their combined decision under that id.
   */
  joinScanId: z.uuid().optional(),
  /** The direction the lane is set to; the rule profile is chosen for it (default entry). */
  direction: z.enum(['entry', 'exit']).optional(),
  /** The corridor the lane serves; default: the station's corridor. */
  corridorId: z.string().max(40).optional(),
});

export const MrzCheckSummarySchema = z.object({
  format: z.string(),
  status: z.enum(['valid', 'valid-after-correction', 'invalid']),
  problems: z.array(z.object({ code: z.string(), message: z.string(), field: z.string().optional() })),
  corrections: z.array(z.object({ field: z.string(), position: z.number().int(), from: z.string(), to: z.string() })),
});

const Direction = z.enum(['entry', 'exit']);
/** Said before Enter: recorded already today, not on the selected bus's list, on another bus's list, a minor alone. */
export const LaneNoticeSchema = z.discriminatedUnion('code', [
  z.object({
    code: z.literal('already-recorded'),
    crossingId: z.uuid(),
    sequence: z.number().int().positive(),
    recordedAt: z.iso.datetime({ offset: true }),
    direction: Direction,
    disposition: z.enum(['crossed', 'refused', 'held', 'cancelled']),
    outcome: z.enum(['OK', 'NOT_OK', 'NEEDS_CROSS_CHECK']),
  }),
  z.object({ code: z.literal('not-on-manifest'), groupId: z.uuid(), groupLabel: z.string() }),
  z.object({ code: z.literal('on-other-manifest'), groupId: z.uuid(), groupLabel: z.string() }),
  z.object({ code: z.literal('minor-without-companion'), companionDocumentNumber: z.string().nullable() }),
]);
export type LaneNotice = z.infer<typeof LaneNoticeSchema>;

export const ScanResultSchema = z.object({
  scanId: z.uuid(),
  receivedAt: z.iso.datetime({ offset: true }),
  /** The traveller can be recorded until this time; after it the operator scans again. */
  expiresAt: z.iso.datetime({ offset: true }),
  source: ScanSourceSchema,
  classification: z.object({
    kind: PayloadKindSchema,
    /** What scanner artefacts were removed before classification (AIM prefix, control characters, …). */
    stripped: z.array(z.string()),
  }),
  document: TravelDocumentSchema.optional(),
  mrz: MrzCheckSummarySchema.optional(),
  decision: DecisionSchema,
  /** COVID evidence of the transaction (certificates, paper lab results, other QR codes), each with its verdict. */
  evidence: z.array(EvidenceSchema).optional(),
  /** Certificate holder ↔ passport, both versions side by side. */
  match: PersonMatchSchema.optional(),
  /** The corridor rule profile (id + version) the decision was judged by. */
  ruleProfile: RuleProfileRefSchema.optional(),
  /** What the operator should know before recording this traveller (see LaneNoticeSchema). */
  notices: z.array(LaneNoticeSchema).optional(),
  /**
   * A certificate scanned after its traveller was recorded joins that crossing's transaction: this names the
   * crossing, and amendCrossing({ change: { kind: 'rejudge', scanId } }) records the new judgement on it.
   */
  amends: z.uuid().optional(),
});
export type ScanInput = z.input<typeof ScanInputSchema>;
export type ScanResult = z.infer<typeof ScanResultSchema>;
export type PayloadKind = z.infer<typeof PayloadKindSchema>;
export type ScanSource = z.infer<typeof ScanSourceSchema>;

export const ListParkedInputSchema = z.strictObject({});
/** Travellers decided at the lane and not recorded yet, oldest first ("not yet recorded"). */
export const ParkedListSchema = z.object({ items: z.array(ScanResultSchema) });
export type ParkedList = z.infer<typeof ParkedListSchema>;
