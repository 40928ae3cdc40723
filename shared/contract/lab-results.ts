import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

export const LabKeySchema = z.object({
  keyId: z.string(),
  labId: z.string(),
  name: z.string(),
  country: z.string(),
  algorithm: z.enum(['Ed25519', 'ES256']),
  registeredAt: isoDateTime,
  source: z.string(),
});

export const LabListSchema = z.object({
  version: z.number().int().positive(),
  labId: z.string(),
  importedAt: isoDateTime,
  source: z.string(),
  signedBy: z.string(),
  rows: z.number().int().positive(),
  contentSha256: z.string(),
});

export const ListLabsInputSchema = z.strictObject({});
export const LabOverviewSchema = z.object({
  keys: z.array(LabKeySchema),
  /** Every list version, newest first. */
  lists: z.array(LabListSchema),
  linkRegistry: z.object({ version: z.number().int().positive(), importedAt: isoDateTime, source: z.string(), patterns: z.number().int().nonnegative() }).nullable(),
});

/** An administrator registers a lab and its public key (PEM, Ed25519 or ECDSA P-256). */
export const RegisterLabKeyInputSchema = z.strictObject({
  labId: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a short slug: a-z, 0-9, -'),
  name: z.string().trim().min(2).max(120),
  country: z.string().regex(/^[A-Z]{2}$/, 'two capital letters (ISO 3166)'),
  publicKey: z.string().min(1).max(8192),
});

/** A lab list file on the station (a USB stick) and its detached signature, by default `<path>.sig`. */
export const ImportLabListInputSchema = z.strictObject({
  path: z.string().min(1).max(4096),
  signaturePath: z.string().min(1).max(4096).optional(),
});
export const LabListImportSchema = z.object({
  version: z.number().int().positive(),
  labId: z.string(),
  lab: z.string(),
  rows: z.number().int().positive(),
  /** Lines left out (unreadable), each with its sentence. */
  problems: z.array(z.object({ line: z.number().int().positive(), message: z.string() })),
  contentSha256: z.string(),
});

export const ImportLabLinksInputSchema = z.strictObject({ path: z.string().min(1).max(4096) });
export const LabLinksImportSchema = z.object({ version: z.number().int().positive(), patterns: z.number().int().nonnegative() });
