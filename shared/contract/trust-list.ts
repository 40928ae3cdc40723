import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

export const TrustListImportSchema = z.object({
  id: z.string(),
  importedAt: isoDateTime,
  source: z.string(),
  format: z.enum(['eu-gateway', 'station', 'pem', 'der', 'folder']),
  /** Key id of the verified trust-list signer; null for an unsigned file. */
  signedBy: z.string().nullable(),
  contentSha256: z.string(),
  entries: z.number().int().nonnegative(),
});

/** What the status bar shows about the trust list. */
export const TrustListStatusSchema = z.object({
  entries: z.number().int().nonnegative(),
  importedAt: isoDateTime.nullable(),
  source: z.string().nullable(),
  /** Whole days since the import; null when no list was ever imported. */
  ageDays: z.number().int().nonnegative().nullable(),
  /** Older than the configured threshold, or missing: signatures of new signers cannot be checked. */
  stale: z.boolean(),
  staleAfterDays: z.number().int().positive(),
});
export type TrustListStatus = z.infer<typeof TrustListStatusSchema>;

export const ImportTrustListInputSchema = z.strictObject({
  /** A file or folder on the station (a USB stick): EU gateway JSON, station file, signed file, PEM, DER. */
  path: z.string().min(1).max(4096),
});
export const TrustListImportResultSchema = z.object({
  import: TrustListImportSchema,
  status: TrustListStatusSchema,
});

export const GetTrustListInputSchema = z.strictObject({});
export const TrustListSchema = z.object({
  status: TrustListStatusSchema,
  latestImport: TrustListImportSchema.nullable(),
  entries: z.array(
    z.object({
      kid: z.string(),
      country: z.string(),
      subject: z.string(),
      notBefore: isoDateTime,
      notAfter: isoDateTime,
      keyUsage: z.array(z.enum(['test', 'vaccination', 'recovery'])),
    }),
  ),
});

export const SetTrustListStaleDaysInputSchema = z.strictObject({
  staleAfterDays: z.number().int().min(1).max(365),
});
