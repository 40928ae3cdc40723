import { z } from 'zod';

/** The ingest request's headers: a bearer credential and the manifest hash as Idempotency-Key. */
export const IngestHeaders = z.object({
  authorization: z.string().regex(/^Bearer [A-Za-z0-9._~+/=-]{8,512}$/, 'Authorization must be "Bearer <station credential>"'),
  'idempotency-key': z.string().regex(/^[0-9a-f]{64}$/, 'Idempotency-Key must be the manifest SHA-256 (64 lower-case hex digits)'),
});

export const AuthHeaders = IngestHeaders.pick({ authorization: true });

/** Every refusal has this body; `code` is stable (stations translate and act on it), `message` is for logs. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
    problems: z.array(z.object({ code: z.string(), file: z.string().optional(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `GET /packages?since=N&limit=M`: everything after the station's cursor. */
export const PackagesQuery = z.strictObject({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
