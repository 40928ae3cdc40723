import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';

/** What the fake central system does with the next request. */
export type Behaviour = 'accept' | 'accept-lose-answer' | 'reset' | 'hang' | 'accepted-202' | 500 | 401;

export interface FakeCentral {
  readonly url: string;
  /** Bundles stored, by idempotency key: each key once, however often it arrived. */
  readonly stored: Map<string, Buffer>;
  readonly requests: { key: string; behaviour: Behaviour }[];
  /** Requests whose body's manifest hash did not equal the idempotency key (must stay empty). */
  readonly corrupt: string[];
  script(...next: Behaviour[]): void;
  close(): Promise<void>;
}

/**
 * A central system on 127.0.0.1 (node:http) that follows a script: drops connections, hangs, answers 500,
 * or stores the bundle — sometimes losing its answer, so the station sends the same bundle again.
 */
export async function startFakeCentral(credential: string): Promise<FakeCentral> {
  const queue: Behaviour[] = [];
  const stored = new Map<string, Buffer>();
  const requests: FakeCentral['requests'] = [];
  const corrupt: string[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const behaviour = queue.shift() ?? 'accept';
      requests.push({ key, behaviour });
      if (req.headers.authorization !== `Bearer ${credential}`) {
        res.writeHead(401).end();
        return;
      }
      const store = () => {
        const body = Buffer.concat(chunks);
        const manifest = unzipSync(body)['manifest.json'];
        const hash = manifest ? createHash('sha256').update(manifest).digest('hex') : '';
        if (hash !== key) corrupt.push(key);
        else if (!stored.has(key)) stored.set(key, body);
      };
      switch (behaviour) {
        case 'accept':
          store();
          res.writeHead(stored.has(key) ? 200 : 422, { 'Content-Type': 'application/json' }).end('{"acknowledged":true}');
          return;
        case 'accept-lose-answer':
          store();
          req.socket.destroy();
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'hang':
          hanging.add(res);
          return;
        case 'accepted-202':
          store();
          res.writeHead(202).end();
          return;
        default:
          res.writeHead(behaviour).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bundles`,
    stored,
    requests,
    corrupt,
    script: (...next) => queue.push(...next),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
