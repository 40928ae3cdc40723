import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHubServer, type HubServerOptions } from '../../central/server/create-server';
import type { CentralStore } from '../../central/store/open-store';
import { verifyReceipt } from '../../shared/domain/central';
import { centralAdminUrl } from '../support/central-db';
import { openTestHub, register } from '../support/central-store';
import type { TestStation } from '../support/export-station';
import { stationWithBundles, type TestBundle } from '../support/hub-bundles';

let station: TestStation;
let bundles: TestBundle[];
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  ({ station, bundles } = await stationWithBundles('ZHIBEK-ZHOLY', 2, 12));
});

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(store: CentralStore, options: HubServerOptions = {}): Promise<string> {
  const server = createHubServer(store, options);
  servers.push(server);
  return `${await server.listen({ port: 0, host: '127.0.0.1' })}/bundles`;
}

const postBundle = (url: string, bundle: TestBundle, credential: string, key = bundle.manifestSha256) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip', Authorization: `Bearer ${credential}`, 'Idempotency-Key': key },
    body: new Uint8Array(bundle.zip),
  });

describe.skipIf(!centralAdminUrl())('hub HTTP API on PostgreSQL', () => {
  it('201 with a signed receipt, then 200 with the same receipt; every request is logged', async () => {
    const store = await openTestHub();
    const { credential } = await register(store, station);
    const url = await start(store);
    const bundle = bundles[0] as TestBundle;
    const first = await postBundle(url, bundle, credential);
    expect(first.status).toBe(201);
    const answer = await first.json();
    expect(await verifyReceipt(answer, { hubPublicKey: store.hubKey.publicKey, manifestSha256: bundle.manifestSha256, stationId: station.stationId })).toMatchObject({ ok: true });
    const second = await postBundle(url, bundle, credential);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(answer);
    const hubKey = (await (await fetch(url.replace('/bundles', '/hub-key'))).json()) as { publicKey: string };
    expect(hubKey.publicKey).toBe(store.hubKey.publicKey);
    await expect.poll(async () => (await store.sql.query<{ status: number; code: string | null; station_id: string | null }>(`SELECT status, code, station_id FROM request_log ORDER BY id`)).length).toBe(3);
    const log = await store.sql.query<{ status: number; code: string | null; station_id: string | null }>(`SELECT status, code, station_id FROM request_log ORDER BY id`);
    expect(log).toEqual([
      { status: 201, code: 'stored', station_id: station.stationId },
      { status: 200, code: 'duplicate', station_id: station.stationId },
      { status: 200, code: null, station_id: null },
    ]);
  });

  it('refuses an unknown credential (401), a revoked station (403), a bad Idempotency-Key (400), an unreadable body (422) and a body over the limit (413), by code', async () => {
    const store = await openTestHub();
    const { credential } = await register(store, station);
    const url = await start(store, { maxBodyBytes: 1024 });
    const bundle = bundles[0] as TestBundle;
    const codeOf = async (response: Response) => ({ status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code });
    expect(await codeOf(await postBundle(url, bundle, 'not-a-credential-of-ours'))).toEqual({ status: 401, code: 'unknown-credential' });
    expect(await codeOf(await postBundle(url, { ...bundle, zip: Buffer.from('PK') }, credential, 'abc'))).toEqual({ status: 400, code: 'bad-request' });
    expect(await codeOf(await postBundle(url, bundle, credential))).toEqual({ status: 413, code: 'too-large' });
    expect(await codeOf(await postBundle(url, { ...bundle, zip: Buffer.from('PK') }, credential))).toEqual({ status: 422, code: 'bundle-unreadable' });
    await store.stations.revoke(station.stationId);
    // Refused before the body is read: an over-sized body from a revoked station is still a 403.
    expect(await codeOf(await postBundle(url, bundle, credential))).toEqual({ status: 403, code: 'station-revoked' });
  });

  it('rate-limits per station: the burst passes, the next request gets 429 with Retry-After, another station is not affected', async () => {
    const store = await openTestHub();
    const { credential } = await register(store, station);
    const url = await start(store, { rateLimit: { perMinute: 1, burst: 3 } });
    const bundle = bundles[0] as TestBundle;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await postBundle(url, bundle, credential)).status);
    expect(statuses).toEqual([201, 200, 200, 429]);
    const limited = await postBundle(url, bundle, credential);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await stationWithBundles('OYBEK', 1, 3);
    const { credential: otherCredential } = await register(store, other.station);
    expect((await postBundle(url, other.bundles[0] as TestBundle, otherCredential)).status).toBe(201);
  });
});
