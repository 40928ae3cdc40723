import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { coreError, type Core, type CoreResult } from '../../contract';
import { err, ok } from '../../domain/result';
import { contentSecurityPolicy, securityHeaders } from '../csp';
import { createDispatcher } from '../dispatch';
import { HostClients } from './clients';
import { readStaticFile } from './static-files';
import { newLaunchToken } from './token';

export interface WebHostOptions {
  readonly core: Core;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
  readonly maxBodyBytes?: number;
  /** Called after a browser has used a launch code (the start-up script prints a fresh one). */
  readonly onLaunchCodeUsed?: () => void;
}

export interface WebHost {
  /** Open this in a browser: the token travels in the fragment, which browsers never send to servers. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  /**
   * A one-time address for one browser (`/launch?code=…`): it carries no token, so it may be printed or
   * passed on a command line; opening it trades the code for that browser's own token.
   */
  launchUrl(): string;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const LAUNCH_PATH = '/launch';
const LOOPBACK = '127.0.0.1';

/** `application/json`, with or without parameters; not `application/jsonx` or `application/json-seq`. */
function isJsonMediaType(header: string | undefined): boolean {
  const type = (header ?? '').split(';', 1)[0]?.trim().toLowerCase();
  return type === 'application/json';
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * Reads a JSON body up to `limit` bytes. A larger body is drained without being kept (so the client
 * gets a clean 413 instead of a reset connection) unless it is absurdly large, then the socket is cut.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit * 16) req.destroy();
      else if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => (size > limit ? reject(new RangeError(`request body over ${limit} bytes`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * The browser host: serves the built renderer and the CoreApi on 127.0.0.1 only. Every API call needs
 * the per-launch token, a Host header naming this loopback address (DNS-rebinding defence) and, when
 * the browser sends one, this exact Origin (another site's page cannot drive the station).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newLaunchToken();
  const maxBody = options.maxBodyBytes ?? 1024 * 1024;
  const dispatch = createDispatcher(options.core);
  const clients = new HostClients(token);
  let origin = '';
  let headers: Record<string, string> = {};
  const allowedHosts = new Set<string>();

  const hostAllowed = (req: http.IncomingMessage) => allowedHosts.has(req.headers.host ?? '');
  const originAllowed = (req: http.IncomingMessage) => req.headers.origin === undefined || req.headers.origin === origin;

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, err(coreError('internal', `web host error: ${String(error)}`)), headers);
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(req)) {
      sendJson(res, 421, err(coreError('forbidden', 'This station only answers requests addressed to its loopback address.')), headers);
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === LAUNCH_PATH) {
      launch(res, url);
      return;
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      await handleApi(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = await readStaticFile(options.staticDir, url.pathname);
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': file.contentType,
      'Cache-Control': file.isIndex ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  /** Trades a one-time launch code for this browser's own token, handed over in the fragment of a redirect. */
  function launch(res: http.ServerResponse, url: URL): void {
    const clientToken = clients.exchange(url.searchParams.get('code'));
    if (!clientToken) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('This start address was used already or has expired. Open the newest address the station printed, or restart the station.');
      return;
    }
    res.writeHead(303, { ...headers, Location: `/#token=${clientToken}`, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    res.end();
    options.onLaunchCodeUsed?.();
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!originAllowed(req)) {
      sendJson(res, 403, err(coreError('forbidden', 'Requests from another web origin are refused.')), headers);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const client = clients.clientOf(bearer);
    if (client === undefined) {
      sendJson(res, 401, err(coreError('unauthenticated', 'Missing or wrong station token: open the address the station printed at start.')), headers);
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, err(coreError('invalid-input', 'Core methods are called with POST.')), { ...headers, Allow: 'POST' });
      return;
    }
    if (!isJsonMediaType(req.headers['content-type'])) {
      sendJson(res, 415, err(coreError('invalid-input', 'Core calls must be sent as application/json.')), headers);
      return;
    }
    let body: string;
    try {
      body = await readBody(req, maxBody);
    } catch {
      sendJson(res, 413, err(coreError('invalid-input', `The request is larger than ${maxBody} bytes.`)), headers);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      sendJson(res, 400, err(coreError('invalid-input', 'The request body is not valid JSON.')), headers);
      return;
    }
    let method: string;
    try {
      method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    } catch {
      sendJson(res, 400, err(coreError('invalid-input', 'The method name in the address is not valid percent-encoding.')), headers);
      return;
    }
    if (clients.check(client, method) === 'signed-in-elsewhere') {
      sendJson(res, 401, err(coreError('unauthenticated', 'Someone else is signed in at this station from another browser. Sign in here to take over the lane.')), headers);
      return;
    }
    sendJson(res, 200, await callAs(client, method, input), headers);
  }

  /** Runs a call and follows which client holds the session; others see the station signed out. */
  async function callAs(client: string, method: string, input: unknown): Promise<CoreResult<unknown>> {
    const holder = clients.isOwner(client);
    if (!holder && method === 'logout') return ok({ signedOut: false });
    const result = await dispatch(method, input);
    if (!result.ok) return result;
    if ((method === 'login' || method === 'bootstrapStation') && result.ok) clients.signedIn(client);
    else if (method === 'logout') clients.signedOut();
    else if (method === 'whoAmI' && !holder) return ok({ ...(result.value as Record<string, unknown>), user: null });
    return result;
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const authorised =
      hostAllowed(req) && originAllowed(req) && url.pathname === EVENTS_PATH && clients.clientOf(url.searchParams.get('token')) !== undefined;
    if (!authorised) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    const client = clients.clientOf(url.searchParams.get('token'));
    sockets.handleUpgrade(req, socket, head, (ws) => {
      if (client !== undefined) socketClients.set(ws, client);
      sockets.emit('connection', ws, req);
    });
  });
  // Which browser each event socket belongs to: events carry personal data (a recorded crossing, a scan), so
  // they reach only the sockets of the browser holding the session (all browsers while nobody signed in
  // through this host); the others learn only that the session or setup changed, to show the sign-in.
  const socketClients = new WeakMap<WebSocket, string>();
  const unsubscribe = options.core.subscribe((event) => {
    const text = JSON.stringify(event);
    const forEveryone = event.type === 'log-changed' && (event.what === 'session' || event.what === 'setup');
    for (const ws of sockets.clients) {
      const client = socketClients.get(ws);
      if (ws.readyState !== ws.OPEN || client === undefined) continue;
      if (forEveryone || clients.isOwner(client)) ws.send(text);
    }
  });
  sockets.on('connection', (ws: WebSocket) => {
    // The channel is one-way (core → screen); anything a page sends is ignored.
    ws.on('message', () => undefined);
    // A malformed frame (oversized, bad UTF-8, unmasked, reserved opcode …) is an error of this socket
    // only: ws closes it with the right status code; without a listener it would end the host.
    ws.on('error', () => ws.terminate());
  });
  sockets.on('error', () => undefined);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${LOOPBACK}:${port}`;
  allowedHosts.add(`${LOOPBACK}:${port}`);
  allowedHosts.add(`localhost:${port}`);
  headers = securityHeaders(contentSecurityPolicy({ connectSrc: [`ws://${LOOPBACK}:${port}`, `ws://localhost:${port}`] }));

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    launchUrl: () => `${origin}${LAUNCH_PATH}?code=${clients.newLaunchCode()}`,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
