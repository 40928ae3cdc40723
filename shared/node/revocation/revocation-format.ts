import { z } from 'zod';
import { REVOCATION_HASH_TYPES } from '../../domain/dcc';
import { SIGNATURE_ALGORITHMS } from '../trust-list/trust-list-format';

/**
 * The revocation files the station reads (docs/covid-evidence.md describes them for the people who make them):
 *
 * - **EU gateway batch** (the content of `GET /revocation-list/{batchId}`):
 *   `{ country, expires, kid, hashType, entries: [{ hash }] }`; `kid` is the DSC's kid or `UNKNOWN_KID`, `hashType`
 *   one of UCI, COUNTRYCODEUCI, SIGNATURE, each `hash` the base64 of the first 16 bytes of the SHA-256.
 * - **An array of batches** (several downloads put together).
 * - **Station file**: `{ format: "checkpoint-revocation-list", version: 1, exportedAt?, batches: [<batch>] }`.
 * - **Signed envelope** around either of them, exactly like a signed trust list but with
 *   `format: "checkpoint-revocation-list-signed"`, checked against the same signer keys.
 */
export const STATION_REVOCATION_FORMAT = 'checkpoint-revocation-list';
export const SIGNED_REVOCATION_FORMAT = 'checkpoint-revocation-list-signed';

export const RevocationBatchSchema = z.looseObject({
  batchId: z.string().optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'country must be a 2-letter code' }),
  expires: z.string().min(1),
  kid: z.string().min(1).max(64),
  hashType: z.enum(REVOCATION_HASH_TYPES, { error: 'hashType must be UCI, COUNTRYCODEUCI or SIGNATURE' }),
  entries: z.array(z.looseObject({ hash: z.string().min(1).max(64) })),
});
export type RevocationBatch = z.infer<typeof RevocationBatchSchema>;

export const StationRevocationSchema = z.looseObject({
  format: z.literal(STATION_REVOCATION_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  batches: z.array(RevocationBatchSchema),
});

export const SignedRevocationSchema = z.strictObject({
  format: z.literal(SIGNED_REVOCATION_FORMAT),
  version: z.literal(1),
  algorithm: z.enum(SIGNATURE_ALGORITHMS),
  signer: z.string().min(1).max(64),
  payload: z.string().min(1),
  signature: z.string().min(1),
});
export type SignedRevocationFile = z.infer<typeof SignedRevocationSchema>;
