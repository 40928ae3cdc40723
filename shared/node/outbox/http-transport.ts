import fs from 'node:fs';

/** What one push of a bundle to the central system came to. */
export type PushOutcome =
  /** 200/201: the central system has the bundle and says so. */
  | { readonly kind: 'acknowledged'; readonly status: number }
  /** 202: received, checks pending; the same request is repeated later (idempotent) to learn the verdict. */
  | { readonly kind: 'accepted'; readonly status: number }
  /** Network failure, timeout, 5xx, 408, 429: try again later. */
  | { readonly kind: 'retry'; readonly message: string }
  /** Any other answer (401 wrong credential, 413, 422 …): a person must act; the outbox still retries, slowly. */
  | { readonly kind: 'refused'; readonly status: number; readonly message: string };

export interface PushRequest {
  readonly url: string;
  readonly credential: string;
  readonly stationId: string;
  /** SHA-256 of manifest.json: the central side stores each key once, however often it is sent. */
  readonly idempotencyKey: string;
  readonly file: string;
  readonly timeoutMs: number;
}

export type BundleTransport = (request: PushRequest) => Promise<PushOutcome>;

const RETRYABLE = new Set([408, 425, 429]);

/**
 * POSTs the bundle's zip to the central URL (fetch: HTTPS with the system's certificate store) with the
 * station credential as a bearer token and the manifest hash as `Idempotency-Key` (IETF draft
 * "The Idempotency-Key HTTP Header Field"), so a retry after a lost answer never creates a second copy.
 */
export const httpTransport: BundleTransport = async (request) => {
  let body: Buffer;
  try {
    body = fs.readFileSync(request.file);
  } catch (error) {
    return { kind: 'refused', status: 0, message: `the outbox copy of the bundle cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/zip',
        Authorization: `Bearer ${request.credential}`,
        'Idempotency-Key': request.idempotencyKey,
        'X-Station-Id': request.stationId,
      },
      body: new Uint8Array(body.buffer, body.byteOffset, body.length) as Uint8Array<ArrayBuffer>,
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    // Drain the body so the connection can be reused or closed cleanly.
    await response.arrayBuffer().catch(() => undefined);
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'retry', message: `the central system did not answer within ${request.timeoutMs < 10_000 ? `${request.timeoutMs} ms` : `${Math.round(request.timeoutMs / 1000)} s`}` };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: 'retry', message: `the central system cannot be reached${cause ? ` (${cause})` : ''}` };
  }
  const status = response.status;
  if (status === 200 || status === 201) return { kind: 'acknowledged', status };
  if (status === 202) return { kind: 'accepted', status };
  if (status >= 500 || RETRYABLE.has(status)) return { kind: 'retry', message: `the central system answered ${status}` };
  if (status === 401 || status === 403) return { kind: 'refused', status, message: `the central system refused the station credential (${status})` };
  return { kind: 'refused', status, message: `the central system refused the bundle (${status})` };
};
