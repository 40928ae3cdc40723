import { z } from 'zod';
import { isoDate, isoDateTime } from './ids';
import { OutcomeSchema } from './decision';

/** A period to export: a station calendar day (default: today at the station) or explicit [from, to). */
const PeriodFields = {
  date: isoDate.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
};

export const ExportPeriodSchema = z.object({ from: isoDateTime, to: isoDateTime, timeZone: z.string() });
export type ExportPeriod = z.infer<typeof ExportPeriodSchema>;

export const TallySchema = z.object({
  total: z.number().int().nonnegative(),
  entry: z.number().int().nonnegative(),
  exit: z.number().int().nonnegative(),
  OK: z.number().int().nonnegative(),
  NOT_OK: z.number().int().nonnegative(),
  NEEDS_CROSS_CHECK: z.number().int().nonnegative(),
});

/** Whether a crossing has reached the central system: saved here only, sent (not yet confirmed), acknowledged. */
export const DeliveryStateSchema = z.enum(['saved', 'sent', 'acknowledged']);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const PreviewExportInputSchema = z.strictObject(PeriodFields);
export const ExportPreviewSchema = z.object({
  period: ExportPeriodSchema,
  crossings: TallySchema,
  alerts: z.number().int().nonnegative(),
  /** Crossings of the period already acknowledged by the central system. */
  acknowledged: z.number().int().nonnegative(),
  /** Whether bundles also go to the central system (an endpoint is configured). */
  centralConfigured: z.boolean(),
});
export type ExportPreview = z.infer<typeof ExportPreviewSchema>;

export const ExportStatusSchema = z.enum(['written', 'queued', 'sent', 'acknowledged']);
export type ExportStatus = z.infer<typeof ExportStatusSchema>;

export const ExportRecordSchema = z.object({
  id: z.uuid(),
  createdAt: isoDateTime,
  period: ExportPeriodSchema,
  crossings: z.number().int().nonnegative(),
  alerts: z.number().int().nonnegative(),
  /** The folder or .zip written (on the host's disk); null when the bundle went to the central system only. */
  destination: z.string().nullable(),
  format: z.enum(['folder', 'zip']),
  status: ExportStatusSchema,
  acknowledgedAt: isoDateTime.nullable(),
  /** SHA-256 of manifest.json: the bundle's identity, as the central system files it. */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Why the last push failed, while it is not acknowledged. */
  lastError: z.string().nullable(),
  /** The same as a code the screen translates (unreachable, gap, wrong-key, receipt-signature-invalid, …). */
  lastErrorCode: z.string().nullable(),
  /** The hub refused this bundle for good: it is not sent again until a person acts. */
  held: z.boolean(),
  attempts: z.number().int().nonnegative(),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;

export const ExportBundleInputSchema = z.strictObject({
  ...PeriodFields,
  /**
   * A folder on the station computer (a USB stick), as the shift lead typed or picked it: absolute, existing.
   * null: only queue the bundle for the central system.
   */
  folder: z.string().trim().min(1).max(1000).nullable(),
  format: z.enum(['folder', 'zip']).default('zip'),
});
export type ExportBundleInput = z.input<typeof ExportBundleInputSchema>;

export const ListExportsInputSchema = z.strictObject({ limit: z.number().int().min(1).max(200).default(20) });
export const ExportHistorySchema = z.object({ items: z.array(ExportRecordSchema) });
export type ExportHistory = z.infer<typeof ExportHistorySchema>;

export const GetExportSettingsInputSchema = z.strictObject({});
export const ExportSettingsSchema = z.object({
  timeZone: z.string(),
  /** The central system's address; the station credential itself never leaves the core. */
  centralUrl: z.string().nullable(),
  credentialSet: z.boolean(),
  /** Fingerprint of the configured hub public key (receipts are checked with it); null when none is set. */
  hubFingerprint: z.string().nullable(),
  /** The station key's fingerprint, for registration with the central system. */
  stationFingerprint: z.string(),
  delivery: z.object({
    /** Crossings saved here that the central system has not acknowledged yet ("saved, not yet sent"). */
    notAcknowledged: z.number().int().nonnegative(),
    sentNotAcknowledged: z.number().int().nonnegative(),
    queuedBundles: z.number().int().nonnegative(),
    /** Bundles the hub refused for good (not sent again). */
    heldBundles: z.number().int().nonnegative(),
    lastError: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
  }),
});
export type ExportSettings = z.infer<typeof ExportSettingsSchema>;

export const SaveExportSettingsInputSchema = z.strictObject({
  timeZone: z.string().min(1).max(64).optional(),
  /** null removes the endpoint (bundles then stay on USB only). */
  centralUrl: z.string().trim().max(500).nullable().optional(),
  /** Write-only; null removes it. */
  credential: z.string().min(8).max(500).nullable().optional(),
  /** The hub's public key (base64 SPKI or PEM) as `checkpoint-central station add` printed it; null removes it. */
  hubPublicKey: z.string().trim().min(40).max(2000).nullable().optional(),
});

export const GetShiftReportInputSchema = z.strictObject(PeriodFields);
export const ShiftReportSchema = z.object({
  stationId: z.string(),
  checkpointId: z.string().nullable(),
  generatedAt: isoDateTime,
  period: ExportPeriodSchema,
  crossings: TallySchema,
  byCorridor: z.array(TallySchema.extend({ corridorId: z.string().nullable() })),
  byHour: z.array(TallySchema.extend({ hour: z.string() })),
  groups: z.array(
    z.object({
      groupId: z.string(),
      label: z.string(),
      corridorId: z.string().nullable(),
      expected: z.number().int().nullable(),
      processed: z.number().int().nonnegative(),
    }),
  ),
  alerts: z.object({ total: z.number().int().nonnegative(), byType: z.record(z.string(), z.number().int().nonnegative()) }),
  acknowledged: z.number().int().nonnegative(),
  /** Travellers still held for consular when the report is made (whenever they were held): nobody stays held silently. */
  heldNow: z
    .array(
      z.object({
        crossingId: z.string(),
        recordedAt: isoDateTime,
        surname: z.string(),
        givenNames: z.string(),
        documentNumber: z.string(),
        nationality: z.string(),
        corridorId: z.string().nullable(),
        operatorName: z.string().nullable(),
      }),
    ),
  heldNowTotal: z.number().int().nonnegative(),
  /**
   * Travellers decided at the lane and never recorded (the "not yet recorded" strip), grouped by the operator who
   * scanned them (by name, nobody last), oldest first within each: nobody decided leaves the shift unnoticed.
   */
  parkedNow: z.array(
    z.object({
      scanId: z.string(),
      scannedAt: isoDateTime,
      surname: z.string(),
      givenNames: z.string(),
      documentNumber: z.string(),
      nationality: z.string(),
      outcome: OutcomeSchema,
      operatorName: z.string().nullable(),
    }),
  ),
  parkedNowTotal: z.number().int().nonnegative(),
});
export type ShiftReport = z.infer<typeof ShiftReportSchema>;
