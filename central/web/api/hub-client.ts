import type { HubErrorBody } from '../../../shared/contract/hub-web';

/** What went wrong with a call to the hub: the hub's error code (translated at the screen), or `network`. */
export class HubCallError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly until: string | null = null,
  ) {
    super(code);
  }
}

/** Dispatched on window when the hub answers that no session is open. */
export const SESSION_ENDED = 'hub:session-ended';

type Query = Readonly<Record<string, string | number | undefined>>;

export const apiUrl = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return `/api/${path}${text ? `?${text}` : ''}`;
};

async function call<T>(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new HubCallError('network', 0);
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as (T & Partial<HubErrorBody>) | null;
  if (!response.ok || json === null) {
    const code = json?.error?.code ?? 'generic';
    // A session that ended (expired, signed out elsewhere) takes the UI back to sign-in, whichever screen asked.
    if (code === 'session-required' && url !== '/api/session') window.dispatchEvent(new Event(SESSION_ENDED));
    throw new HubCallError(code, response.status, json?.error?.until ?? null);
  }
  return json;
}

export const hubGet = <T>(path: string, query?: Query): Promise<T> => call<T>('GET', apiUrl(path, query));
export const hubPost = <T>(path: string, body: unknown): Promise<T> => call<T>('POST', `/api/${path}`, body);
export const hubDelete = (path: string): Promise<void> => call<void>('DELETE', `/api/${path}`);
