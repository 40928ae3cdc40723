import fs from 'node:fs';
import path from 'node:path';

/** What one request to the hub came to: its JSON answer, or why there is none. */
export type HubAnswer = { readonly ok: true; readonly status: number; readonly body: unknown } | { readonly ok: false; readonly code: string; readonly message: string };

export interface HubRequest {
  /** The hub's base address (the outbox's central URL without its `/bundles`). */
  readonly baseUrl: string;
  readonly credential: string;
  readonly timeoutMs: number;
}

/**
 * The station's side of the hub's package API: `GET /packages?since=` and `POST /group-files`, with the station
 * credential as a bearer token. Every failure is a value with a code (unreachable, timeout, the hub's own code).
 */
export interface HubClient {
  fetchPackages(request: HubRequest & { readonly since: number }): Promise<HubAnswer>;
  sendGroupFile(request: HubRequest & { readonly content: string }): Promise<HubAnswer>;
  /** Tells the hub what the station did with its packages (`POST /packages/reports`). */
  reportPackages?(request: HubRequest & { readonly reports: readonly unknown[] }): Promise<HubAnswer>;
}

async function call(url: string, init: RequestInit & { timeoutMs: number; credential: string }): Promise<HubAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${init.credential}` },
      redirect: 'error',
      signal: AbortSignal.timeout(init.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, code: 'timeout', message: `the hub did not answer within ${Math.round(init.timeoutMs / 1000)} s` };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, code: 'unreachable', message: `the hub cannot be reached${cause ? ` (${cause})` : ''}` };
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = null;
  }
  if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, body };
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' && /^[a-z0-9-]{1,64}$/.test(error.code) ? error.code : `http-${response.status}`;
  const message = typeof error?.message === 'string' ? error.message.slice(0, 500) : `the hub answered ${response.status}`;
  return { ok: false, code, message };
}

export const httpHubClient: HubClient = {
  fetchPackages: (request) => call(`${request.baseUrl}/packages?since=${request.since}`, { method: 'GET', timeoutMs: request.timeoutMs, credential: request.credential }),
  sendGroupFile: (request) =>
    call(`${request.baseUrl}/group-files`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: request.content,
      timeoutMs: request.timeoutMs,
      credential: request.credential,
    }),
  reportPackages: (request) =>
    call(`${request.baseUrl}/packages/reports`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reports: request.reports }),
      timeoutMs: request.timeoutMs,
      credential: request.credential,
    }),
};

/** Largest package file read from a folder (a full EU trust list is ~2 MB). */
const MAX_PACKAGE_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The package files of a folder carried on a USB stick (`*.cppkg.json`, as `checkpoint-central package export`
 * writes them), or one such file: their text, by name. Only regular files within the size cap are read.
 */
export function readPackageFiles(location: string): { ok: true; files: { name: string; text: string }[] } | { ok: false; message: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(location);
  } catch (error) {
    return { ok: false, message: `${location} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const names = stat.isDirectory()
    ? fs
        .readdirSync(location)
        .filter((name) => name.endsWith('.cppkg.json'))
        .sort()
        .map((name) => path.join(location, name))
    : [location];
  const files: { name: string; text: string }[] = [];
  for (const file of names) {
    const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const info = fs.fstatSync(fd);
      if (!info.isFile()) return { ok: false, message: `${path.basename(file)} is not a regular file` };
      if (info.size > MAX_PACKAGE_FILE_BYTES) return { ok: false, message: `${path.basename(file)} is larger than a package can be (${MAX_PACKAGE_FILE_BYTES} bytes)` };
      files.push({ name: path.basename(file), text: fs.readFileSync(fd, 'utf8') });
    } finally {
      fs.closeSync(fd);
    }
  }
  if (files.length === 0) return { ok: false, message: `${location} holds no package files (*.cppkg.json)` };
  return { ok: true, files };
}
