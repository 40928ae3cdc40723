import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createHubServer } from '../../central/server/create-server';
import { openCentralStore, type CentralStore } from '../../central/store/open-store';

/** What the network between station and hub does with the next request. */
export type Behaviour = 'accept' | 'accept-lose-answer' | 'reset' | 'hang' | 'accepted-202' | 'forge-receipt' | 500 | 401;

export interface TestHub {
  /** The station's central URL: the fault proxy in front of the hub. */
  readonly url: string;
  readonly store: CentralStore;
  readonly hubPublicKey: string;
  readonly requests: { key: string; behaviour: Behaviour }[];
  script(...next: Behaviour[]): void;
  /** What the next request will meet (the station sends one at a time, so this is exact). */
  next(): Behaviour;
  /** Registers a station key; returns the credential. */
  register(stationId: string, key: { publicKey: string; fingerprint: string }): Promise<string>;
  /** Manifest hashes the hub holds for a station. */
  stored(stationId: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The real hub (checkpoint-central's server and store, on PGlite in memory) behind a small proxy on
 * 127.0.0.1 that follows a script: drops connections, hangs, answers 500 or 401, forwards and loses the
 * answer, answers 202 after forwarding, or forges the receipt's signature. Everything else is the hub's
 * own answer, so the station's outbox meets real verification, real receipts and real refusals.
 */
export async function startTestHub(): Promise<TestHub> {
  const store = await openCentralStore({ dataDir: null });
  const app: FastifyInstance = createHubServer(store, { rateLimit: { perMinute: 6000, burst: 1000 } });
  const hubUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const queue: Behaviour[] = [];
  const requests: TestHub['requests'] = [];
  const hanging = new Set<http.ServerResponse>();

  const forward = async (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; text: string }> => {
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'idempotency-key', 'content-type', 'x-station-id']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(`${hubUrl}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body: new Uint8Array(body) });
    return { status: response.status, text: await response.text() };
  };

  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const behaviour = queue.shift() ?? 'accept';
      requests.push({ key: String(req.headers['idempotency-key'] ?? ''), behaviour });
      const body = Buffer.concat(chunks);
      const answer = (status: number, text: string) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
      switch (behaviour) {
        case 'reset':
          req.socket.destroy();
          return;
        case 'hang':
          hanging.add(res);
          return;
        case 500:
        case 401:
          res.writeHead(behaviour).end();
          return;
        default:
          void forward(req, body).then(
            ({ status, text }) => {
              if (behaviour === 'accept-lose-answer') req.socket.destroy();
              else if (behaviour === 'accepted-202') res.writeHead(202).end();
              else if (behaviour === 'forge-receipt' && status < 300) {
                const signed = JSON.parse(text) as { receipt: { rows: { crossings: number } }; signature: string };
                signed.receipt.rows.crossings += 1;
                answer(status, JSON.stringify(signed));
              } else answer(status, text);
            },
            () => res.writeHead(502).end(),
          );
      }
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bundles`,
    store,
    hubPublicKey: store.hubKey.publicKey,
    requests,
    script: (...next) => queue.push(...next),
    next: () => queue[0] ?? 'accept',
    register: async (stationId, key) => (await store.stations.add(stationId, key)).credential,
    stored: async (stationId) =>
      (await store.sql.query<{ manifest_sha256: string }>('SELECT manifest_sha256 FROM bundles WHERE station_id = $1 ORDER BY period_from', [stationId])).map((r) => r.manifest_sha256),
    close: async () => {
      for (const res of hanging) res.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await app.close();
      await store.close();
    },
  };
}
