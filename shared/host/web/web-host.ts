import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { coreError, type Core } from '../../contract';
import { err } from '../../domain/result';
import { contentSecurityPolicy, securityHeaders } from '../csp';
import { createDispatcher } from '../dispatch';
import { readStaticFile } from './static-files';
import { newLaunchToken, tokensMatch } from './token';

export interface WebHostOptions {
  readonly core: Core;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
  readonly maxBodyBytes?: number;
}

export interface WebHost {
  /** Open this in a browser: the token travels in the fragment, which browsers never send to servers. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
const LOOPBACK = '127.0.0.1';

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

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!originAllowed(req)) {
      sendJson(res, 403, err(coreError('forbidden', 'Requests from another web origin are refused.')), headers);
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!tokensMatch(token, bearer)) {
      sendJson(res, 401, err(coreError('unauthenticated', 'Missing or wrong station token: open the address the station printed at start.')), headers);
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, err(coreError('invalid-input', 'Core methods are called with POST.')), { ...headers, Allow: 'POST' });
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
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
    const method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    sendJson(res, 200, await dispatch(method, input), headers);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const authorised =
      hostAllowed(req) && originAllowed(req) && url.pathname === EVENTS_PATH && tokensMatch(token, url.searchParams.get('token'));
    if (!authorised) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });
  const unsubscribe = options.core.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });
  sockets.on('connection', (ws: WebSocket) => {
    // The channel is one-way (core → screen); anything a page sends is ignored.
    ws.on('message', () => undefined);
  });

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
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
