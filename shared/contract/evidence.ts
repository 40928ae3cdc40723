import { z } from 'zod';
import { DCC_STEPS } from '../domain/dcc/dcc-steps';
import { OutcomeSchema, ReasonSchema } from './decision';

const isoDateTime = z.iso.datetime({ offset: true });

/** What one piece of evidence is worth under the rule profile, on its own. */
export const EvidenceVerdictSchema = z.object({ outcome: OutcomeSchema, reasons: z.array(ReasonSchema) });

const StepResultSchema = z.object({ ok: z.boolean(), error: z.string().optional() });

export const CertificateHolderSchema = z.object({
  surname: z.string().optional(),
  givenNames: z.string().optional(),
  surnameStandardised: z.string().optional(),
  givenNamesStandardised: z.string().optional(),
  birthDate: z.string(),
});

export const DccEvidenceSchema = z.object({
  kind: z.literal('dcc'),
  id: z.string(),
  capturedAt: isoDateTime,
  payloadSha256: z.string(),
  valid: z.boolean(),
  steps: z.partialRecord(z.enum(DCC_STEPS as [string, ...string[]]), StepResultSchema),
  problems: z.array(z.object({ step: z.string(), code: z.string(), message: z.string() })),
  certificateType: z.enum(['test', 'vaccination', 'recovery']).optional(),
  signer: z.object({ country: z.string(), kid: z.string() }).optional(),
  kid: z.string().optional(),
  claims: z.object({ issuer: z.string().optional(), issuedAt: z.string().optional(), expiresAt: z.string().optional() }).optional(),
  holder: CertificateHolderSchema.optional(),
  test: z
    .object({
      kind: z.enum(['pcr', 'rat', 'unknown']),
      typeCode: z.string(),
      result: z.enum(['negative', 'positive', 'unknown']),
      resultCode: z.string(),
      sampleTime: z.string(),
      centre: z.string().optional(),
      country: z.string(),
      issuer: z.string(),
      certificateId: z.string(),
      testName: z.string().optional(),
      device: z.string().optional(),
    })
    .optional(),
  vaccination: z
    .object({
      doseNumber: z.number(),
      seriesDoses: z.number(),
      date: z.string(),
      productCode: z.string(),
      country: z.string(),
      issuer: z.string(),
      certificateId: z.string(),
    })
    .optional(),
  recovery: z
    .object({
      firstPositive: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      country: z.string(),
      issuer: z.string(),
      certificateId: z.string(),
    })
    .optional(),
  codes: z.array(z.object({ path: z.string(), code: z.string(), known: z.boolean(), display: z.string().optional() })),
  /** The whole decoded certificate (HCERT JSON), for the consular view. */
  hcert: z.record(z.string(), z.json()).optional(),
  verdict: EvidenceVerdictSchema.optional(),
});

export const PaperLabEvidenceSchema = z.object({
  kind: z.literal('paper-lab'),
  id: z.string(),
  capturedAt: isoDateTime,
  lab: z.string(),
  testKind: z.enum(['pcr', 'rat']),
  sampleTime: isoDateTime,
  result: z.enum(['negative', 'positive']),
  certificateNumber: z.string(),
  hasPhoto: z.boolean(),
  holder: CertificateHolderSchema.optional(),
  verdict: EvidenceVerdictSchema.optional(),
});

export const OtherQrEvidenceSchema = z.object({
  kind: z.literal('other-qr'),
  id: z.string(),
  capturedAt: isoDateTime,
  payloadSha256: z.string(),
  form: z.enum(['url', 'shc', 'json', 'text']),
  text: z.string(),
  host: z.string().optional(),
  /** What the lab-link registry says about a scanned link. */
  labLink: z
    .discriminatedUnion('status', [
      z.object({ status: z.literal('classified'), labId: z.string(), lab: z.string(), country: z.string(), resultId: z.string() }),
      z.object({ status: z.literal('unknown-form'), labId: z.string(), lab: z.string(), country: z.string() }),
      z.object({ status: z.literal('unknown-host') }),
    ])
    .optional(),
  verdict: EvidenceVerdictSchema.optional(),
});

/** A result found on a lab's signed result list (passport number, name and birth date, or a result link). */
export const LabResultEvidenceSchema = z.object({
  kind: z.literal('lab-result'),
  id: z.string(),
  capturedAt: isoDateTime,
  payloadSha256: z.string(),
  lab: z.object({ id: z.string(), name: z.string(), country: z.string() }),
  list: z.object({ version: z.number().int().positive(), source: z.string(), importedAt: isoDateTime, signedBy: z.string() }),
  matchedBy: z.enum(['document', 'identity', 'link']),
  reference: z.string(),
  testKind: z.enum(['pcr', 'rat']),
  sampleTime: isoDateTime,
  result: z.enum(['negative', 'positive']),
  holder: CertificateHolderSchema,
  verdict: EvidenceVerdictSchema.optional(),
});

export const EvidenceSchema = z.discriminatedUnion('kind', [DccEvidenceSchema, PaperLabEvidenceSchema, OtherQrEvidenceSchema, LabResultEvidenceSchema]);
export type EvidenceItem = z.infer<typeof EvidenceSchema>;
export type DccEvidenceItem = z.infer<typeof DccEvidenceSchema>;

/** Certificate holder ↔ passport, both versions side by side. */
export const PersonMatchSchema = z.object({
  status: z.enum(['match', 'mismatch']),
  name: z.object({
    status: z.enum(['same', 'similar', 'swapped', 'different', 'unknown']),
    score: z.number().min(0).max(1),
    certificate: z.string(),
    certificateOriginal: z.string().optional(),
    passport: z.string(),
    givenNamesPartial: z.boolean(),
  }),
  birthDate: z.object({
    status: z.enum(['same', 'compatible', 'different', 'unknown']),
    certificate: z.string(),
    passport: z.string().nullable(),
  }),
});
export type PersonMatchResult = z.infer<typeof PersonMatchSchema>;

/** A paper lab certificate keyed in by the operator; joins the traveller open at the lane like a scan. */
export const AddPaperCertificateInputSchema = z.strictObject({
  /** The scanId of the lane's open transaction (a passport already scanned); absent: a new transaction. */
  joinScanId: z.uuid().optional(),
  lab: z.string().trim().min(2, 'name the laboratory').max(120),
  testType: z.enum(['pcr', 'rat']),
  /** An instant with its offset; or, as the paper prints it, `sampleTimeAsPrinted` on the lab's clock. */
  sampleTime: isoDateTime.optional(),
  /** `01.06.2021 14:30` or `2021-06-01 14:30`, read in `labTimeZone`, else in the zone of `labCountry`. */
  sampleTimeAsPrinted: z.string().trim().min(1).max(40).optional(),
  labCountry: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code').optional(),
  labTimeZone: z.string().min(1).max(64).optional(),
  /** The holder as printed (any script); the birth date as printed, `DD.MM.YYYY` or ISO. */
  holderSurname: z.string().trim().min(1).max(80).optional(),
  holderGivenNames: z.string().trim().min(1).max(80).optional(),
  holderBirthDate: z.string().trim().min(1).max(20).optional(),
  result: z.enum(['negative', 'positive']),
  certificateNumber: z.string().trim().min(1, 'enter the certificate number').max(64),
  /** Optional photo of the paper: base64 JPEG or PNG, at most 512 KiB. */
  photo: z
    .strictObject({
      type: z.enum(['image/jpeg', 'image/png']),
      base64: z.string().max(700_000, 'the photo is larger than 512 KiB').regex(/^[A-Za-z0-9+/]+=*$/, 'the photo must be base64'),
    })
    .optional(),
  direction: z.enum(['entry', 'exit']).optional(),
  corridorId: z.string().max(40).optional(),
}).refine((input) => (input.sampleTime === undefined) !== (input.sampleTimeAsPrinted === undefined), {
  message: 'give the sample time either as an instant (sampleTime) or as printed (sampleTimeAsPrinted)',
  path: ['sampleTime'],
});
export type AddPaperCertificateInput = z.input<typeof AddPaperCertificateInputSchema>;
