import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { readZipBundle } from '../../shared/node/export';
import { ingestBundle, receiptFor } from '../ingest/ingest-bundle';
import { REJECTIONS, rejection, type Rejection, type RejectionCode } from '../ingest/rejection';
import type { CentralStore } from '../store/open-store';
import type { StationRecord } from '../store/stations-repo';
import { RateLimiter } from './rate-limit';
import { AuthHeaders, IngestHeaders, PackagesQuery, type ErrorBody } from './schemas';
import { packagesFor } from '../packages/publish-package';
import { receiveGroupFile } from '../packages/group-file-uplink';
import { PackageReportsBody, recordPackageReports } from '../packages/package-reports';
import { registerWebApi } from './routes-web';

export interface HubServerOptions {
  /** Largest request body (a 100k-crossing bundle .zip is ~10 MB). */
  readonly maxBodyBytes?: number;
  readonly rateLimit?: { readonly perMinute: number; readonly burst: number };
  readonly now?: () => Date;
  /** The built web UI (dist/central-web), served at `/`; without it only the API answers. */
  readonly webRoot?: string | null;
}

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    station: StationRecord | null;
    outcomeCode: string | null;
  }
}

const refuse = (reply: FastifyReply, outcome: Rejection): FastifyReply => {
  const body: ErrorBody = {
    error: { code: outcome.code, message: outcome.message, retryable: outcome.retryable, ...(outcome.problems.length > 0 ? { problems: outcome.problems.slice(0, 50).map((p) => ({ ...p })) } : {}) },
  };
  reply.request.outcomeCode = outcome.code;
  return reply.code(outcome.status).send(body);
};

const errorOf = (code: RejectionCode, message: string): Rejection => rejection(code, message);

/** The hub's HTTP API (docs/central.md has its OpenAPI description). */
export function createHubServer(store: CentralStore, options: HubServerOptions = {}): FastifyInstance {
  const app = Fastify({ bodyLimit: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, logger: false, return503OnClosing: true });
  const limiter = new RateLimiter(options.rateLimit?.perMinute ?? 60, options.rateLimit?.burst ?? 20);

  app.decorateRequest('station', null);
  app.decorateRequest('outcomeCode', null);
  app.addContentTypeParser(['application/zip', 'application/octet-stream'], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  // Every request is logged, refused ones included (after the answer: the log never delays it).
  app.addHook('onResponse', async (request, reply) => {
    const idempotencyKey = request.headers['idempotency-key'];
    await store.sql
      .query(`INSERT INTO request_log (method, path, station_id, status, request_bytes, duration_ms, idempotency_key, code) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        request.method,
        request.routeOptions.url ?? request.url.split('?')[0],
        request.station?.stationId ?? null,
        reply.statusCode,
        Number(request.headers['content-length'] ?? 0) || null,
        reply.elapsedTime,
        typeof idempotencyKey === 'string' ? idempotencyKey.slice(0, 64) : null,
        request.outcomeCode,
      ])
      .catch(() => undefined);
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, errorOf('too-large', `the body is larger than this hub accepts (${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes)`));
    if (error.statusCode !== undefined && error.statusCode < 500) return refuse(reply, { ...errorOf('bad-request', error.message), status: error.statusCode });
    return reply.code(500).send({ error: { code: 'internal', message: 'the hub failed to handle the request; try again', retryable: true } });
  });

  /** Resolves the bearer credential to its station; refuses unknown, revoked and too-frequent callers. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<StationRecord | null> {
    const headers = AuthHeaders.safeParse(request.headers);
    if (!headers.success) {
      refuse(reply, errorOf('unknown-credential', headers.error.issues[0]?.message ?? 'no bearer credential'));
      return null;
    }
    const station = await store.stations.byCredential(headers.data.authorization.slice('Bearer '.length));
    if (!station) {
      refuse(reply, errorOf('unknown-credential', 'the credential belongs to no station registered at this hub'));
      return null;
    }
    request.station = station;
    if (station.revokedAt !== null) {
      refuse(reply, errorOf('station-revoked', `station ${station.stationId} was revoked at ${station.revokedAt}`));
      return null;
    }
    const wait = limiter.take(station.stationId);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      refuse(reply, errorOf('rate-limited', `too many requests from station ${station.stationId}; try again in ${wait} s`));
      return null;
    }
    return station;
  }

  app.get('/health', async () => ({ ok: true }));

  app.get('/hub-key', async () => ({ publicKey: store.hubKey.publicKey, fingerprint: store.hubKey.fingerprint }));

  // The credential is checked on the request line and headers, before the body is read: an unknown or
  // revoked caller never gets the hub to receive 256 MB.
  const authenticated = {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      await authenticate(request, reply);
    },
  };

  app.post('/bundles', authenticated, async (request, reply) => {
    const station = request.station as StationRecord;
    const headers = IngestHeaders.safeParse(request.headers);
    if (!headers.success) return refuse(reply, errorOf('bad-request', headers.error.issues.map((i) => i.message).join('; ')));
    if (!Buffer.isBuffer(request.body)) return refuse(reply, errorOf('bad-request', 'the body must be the bundle .zip (Content-Type: application/zip)'));
    // Sent again (a lost answer, a retry): the stored receipt, without unpacking or checking anything.
    const held = await receiptFor(store.sql, station.stationId, headers.data['idempotency-key']);
    if (held) {
      request.outcomeCode = 'duplicate';
      return reply.code(200).send(held);
    }
    const read = readZipBundle(request.body, 'the bundle');
    if (!read.ok) return refuse(reply, errorOf('bundle-unreadable', read.message));
    const outcome = await ingestBundle(store, {
      files: read.files,
      raw: request.body,
      station,
      idempotencyKey: headers.data['idempotency-key'],
      via: 'http',
      ...(options.now ? { now: options.now } : {}),
    });
    if (outcome.kind === 'rejected') return refuse(reply, outcome);
    request.outcomeCode = outcome.kind;
    return reply.code(outcome.kind === 'stored' ? 201 : 200).send(outcome.signed);
  });

  // Stations poll for signed packages after their cursor; `next` is the cursor to send next time.
  app.get('/packages', authenticated, async (request, reply) => {
    const station = request.station as StationRecord;
    const query = PackagesQuery.safeParse(request.query);
    if (!query.success) return refuse(reply, errorOf('bad-request', query.error.issues.map((i) => i.message).join('; ')));
    const packages = await packagesFor(store.sql, station, query.data.since, query.data.limit);
    request.outcomeCode = 'packages';
    return { packages, next: packages.at(-1)?.package.seq ?? query.data.since };
  });

  // A bus departed or arrived at a station: its signed group file goes to the other stations of its corridor.
  app.post('/group-files', authenticated, async (request, reply) => {
    const station = request.station as StationRecord;
    const outcome = await receiveGroupFile(store, station, request.body, options.now);
    if (outcome.kind !== 'published') return refuse(reply, outcome);
    request.outcomeCode = outcome.created ? 'group-file-published' : 'group-file-duplicate';
    return reply.code(outcome.created ? 201 : 200).send({ seq: outcome.seq });
  });

  // What a station did with its packages (applied, skipped, refused with the reason's key): kept for station health.
  app.post('/packages/reports', authenticated, async (request, reply) => {
    const station = request.station as StationRecord;
    const body = PackageReportsBody.safeParse(request.body);
    if (!body.success) return refuse(reply, errorOf('bad-request', body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')));
    const recorded = await recordPackageReports(store.sql, station, body.data.reports);
    request.outcomeCode = 'package-reports';
    return { recorded };
  });

  registerWebApi(app, store, { now: options.now ?? (() => new Date()), webRoot: options.webRoot ?? null });

  return app;
}

export { REJECTIONS };
