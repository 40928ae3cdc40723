import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The web UI's page and assets: nothing inline, nothing from elsewhere; no framing; the page talks only to this
 * hub. (The station renderer's policy allows WebAssembly and loopback WebSockets, which the hub UI needs not.)
 */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The built UI (`npm run build` writes dist/central-web) at `/`; its hashed files under /assets/ are cached for good. */
export function registerWebUi(app: FastifyInstance, webRoot: string | null): void {
  const root = webRoot === null ? null : path.resolve(webRoot);
  const send = (reply: FastifyReply, file: string, cache: string): FastifyReply => {
    const body = fs.readFileSync(file);
    return reply.headers({ ...PAGE_HEADERS, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache }).send(body);
  };
  const index = root === null ? null : path.join(root, 'index.html');
  app.get('/', async (_request, reply) => {
    if (index === null || !fs.existsSync(index)) return reply.code(404).type('text/plain; charset=utf-8').send('The hub web UI is not built: run `npm run build` in the project folder.');
    return send(reply, index, 'no-cache');
  });
  app.get('/assets/*', async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    if (root === null || !/^[A-Za-z0-9._-]+$/.test(name)) return reply.code(404).send();
    const file = path.join(root, 'assets', name);
    if (!fs.existsSync(file)) return reply.code(404).send();
    return send(reply, file, 'public, max-age=31536000, immutable');
  });
}
