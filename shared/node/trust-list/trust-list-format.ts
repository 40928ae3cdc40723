import { z } from 'zod';

/**
 * The trust-list files the station reads (docs/trust-list.md describes them for the people who make them):
 *
 * - **EU gateway** (`GET /trustList/DSC`): `[{ kid, country, certificateType, rawData }]`, rawData = base64 DER.
 * - **Station file** (what `checkpoint trust-list export` writes):
 *   `{ format: "checkpoint-trust-list", version: 1, exportedAt, stationId?, entries: <EU gateway array> }`.
 * - **Signed envelope** around either of them:
 *   `{ format: "checkpoint-trust-list-signed", version: 1, algorithm: "Ed25519" | "ES256", signer, payload, signature }`
 *   where `payload` is the base64 of the inner file's bytes, `signature` the base64 signature over exactly those
 *   bytes (Ed25519: RFC 8032; ES256: ECDSA P-256 with SHA-256, raw r‖s as in JOSE/COSE), and `signer` the key id
 *   of the signing key: base64 of the first 8 bytes of SHA-256 over its SubjectPublicKeyInfo DER (the same rule as
 *   a DCC kid). Signing the bytes, not re-serialised JSON, needs no canonicalisation.
 * - **PEM** (one or more `CERTIFICATE` blocks), **DER** (one certificate), or a **folder** of such files.
 */
export const STATION_TRUST_LIST_FORMAT = 'checkpoint-trust-list';
export const SIGNED_TRUST_LIST_FORMAT = 'checkpoint-trust-list-signed';

export const GatewayEntrySchema = z.looseObject({
  kid: z.string().min(1),
  country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'country must be a 2-letter code' }),
  certificateType: z.string().optional(),
  rawData: z.string().min(1),
});
export type GatewayEntry = z.infer<typeof GatewayEntrySchema>;

export const GatewayListSchema = z.array(GatewayEntrySchema);

export const StationTrustListSchema = z.looseObject({
  format: z.literal(STATION_TRUST_LIST_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  stationId: z.string().optional(),
  entries: GatewayListSchema,
});
export type StationTrustListFile = z.infer<typeof StationTrustListSchema>;

export const SIGNATURE_ALGORITHMS = ['Ed25519', 'ES256'] as const;
export type SignatureAlgorithm = (typeof SIGNATURE_ALGORITHMS)[number];

export const SignedTrustListSchema = z.strictObject({
  format: z.literal(SIGNED_TRUST_LIST_FORMAT),
  version: z.literal(1),
  algorithm: z.enum(SIGNATURE_ALGORITHMS),
  signer: z.string().min(1).max(64),
  payload: z.string().min(1),
  signature: z.string().min(1),
});
export type SignedTrustListFile = z.infer<typeof SignedTrustListSchema>;
