/** What one push of a bundle to the central system came to. */
export type PushOutcome =
  /** 200/201: the central system says it has the bundle; `answer` is its JSON body (the signed receipt to check). */
  | { readonly kind: 'acknowledged'; readonly status: number; readonly answer: unknown }
  /** 202: received, checks pending; the same request is repeated later (idempotent) to learn the verdict. */
  | { readonly kind: 'accepted'; readonly status: number }
  /** Network failure, timeout, 5xx, 408, 429, or a refusal the hub calls retryable: try again later. */
  | { readonly kind: 'retry'; readonly code: string; readonly message: string }
  /**
   * Any other answer: a person must act. `final`: this bundle can never succeed as it is (the hub found it
   * invalid, signed by another key, overlapping), so it is not sent again; otherwise (a refused credential)
   * the outbox keeps trying, slowly, until the credential is fixed.
   */
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly message: string; readonly final: boolean };

export interface PushRequest {
  readonly url: string;
  readonly credential: string;
  readonly stationId: string;
  /** SHA-256 of manifest.json: the central side stores each key once, however often it is sent. */
  readonly idempotencyKey: string;
  /** The bundle's zip, as kept in the station database. */
  readonly bundle: Uint8Array;
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
  const body = request.bundle;
  let response: Response;
  let text: string;
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
    // Read the whole answer (it holds the receipt); this also lets the connection be reused or closed cleanly.
    text = await response.text();
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return { kind: 'retry', code: 'timeout', message: `the central system did not answer within ${request.timeoutMs < 10_000 ? `${request.timeoutMs} ms` : `${Math.round(request.timeoutMs / 1000)} s`}` };
    }
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: 'retry', code: 'unreachable', message: `the central system cannot be reached${cause ? ` (${cause})` : ''}` };
  }
  const status = response.status;
  const answer = parseJson(text);
  if (status === 200 || status === 201) return { kind: 'acknowledged', status, answer };
  if (status === 202) return { kind: 'accepted', status };
  // The hub names its reason ({"error": {"code", "message", "retryable"}}); other servers only give a status.
  const hub = hubError(answer);
  if (hub?.retryable || status >= 500 || RETRYABLE.has(status)) return { kind: 'retry', code: hub?.code ?? 'server-error', message: hub?.message ?? `the central system answered ${status}` };
  if (status === 401 || status === 403) {
    return { kind: 'refused', status, code: hub?.code ?? 'credential-refused', message: hub?.message ?? `the central system refused the station credential (${status})`, final: false };
  }
  return { kind: 'refused', status, code: hub?.code ?? 'refused', message: hub?.message ?? `the central system refused the bundle (${status})`, final: hub !== null };
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function hubError(answer: unknown): { code: string; message: string; retryable: boolean } | null {
  const error = (answer as { error?: unknown } | null)?.error as Record<string, unknown> | undefined;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, retryable } = error;
  return typeof code === 'string' && /^[a-z0-9-]{1,64}$/.test(code) && typeof message === 'string' ? { code, message: message.slice(0, 500), retryable: retryable === true } : null;
}
