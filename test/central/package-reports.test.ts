import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../central/cli/run-central-cli';
import { appliedPackages } from '../../central/packages/package-reports';
import { publishPackage } from '../../central/packages/publish-package';
import { createHubServer } from '../../central/server/create-server';
import { openCentralStore, type CentralStore } from '../../central/store/open-store';
import { createCore, silentLogger } from '../../shared/app';
import type { Core } from '../../shared/contract';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, stationAt } from '../fixtures/corridor/bus';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';
import { TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../support/core-session';
import { ManualClock } from '../support/manual-clock';
import { unwrap } from '../support/result';
import { tempDir } from '../support/temp-dir';

const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function startHub(): Promise<{ store: CentralStore; url: string; databaseUrl: string }> {
  const databaseUrl = await createTestDatabase();
  const store = await openCentralStore({ databaseUrl, dataDir: tempDir('hub-data-') });
  const server: FastifyInstance = createHubServer(store, { rateLimit: { perMinute: 600, burst: 100 } });
  opened.push(store, { close: () => server.close() });
  return { store, url: await server.listen({ port: 0, host: '127.0.0.1' }), databaseUrl };
}

async function openStation(stationId: string, hub: { store: CentralStore; url: string }): Promise<{ core: Core; credential: string }> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock: new ManualClock(new Date('2021-06-02T06:00:00Z')),
    logger: silentLogger,
    hubLink: { timers: { setTimeout: () => null, clearTimeout: () => undefined } },
    bootstrap: { station: stationAt('exit', stationId), users: [testUser('shift-lead')], signIn: TEST_USERNAME.admin },
  });
  opened.push(core);
  const identity = unwrap(await core.getStationIdentity({}));
  const { credential } = await hub.store.stations.add(stationId, { publicKey: identity.publicKey, fingerprint: identity.fingerprint }, CORRIDOR.id);
  unwrap(await core.saveExportSettings({ centralUrl: `${hub.url}/bundles`, credential, hubPublicKey: hub.store.hubKey.publicKey }));
  return { core, credential };
}

describe.skipIf(!centralAdminUrl())('the hub records what each station reported it did with its packages', () => {
  it('a station reports after applying: applied, skipped and refused with the reason, each package once', async () => {
    const hub = await startHub();
    const oybek = await openStation('STN-OYB-01', hub);
    const other = await openStation('STN-OTHER', hub);
    const profile = JSON.stringify({ ...PASSPORT_ONLY_PROFILE, name: 'Transit from the hub' });
    const first = await publishPackage(hub.store, { kind: 'rule-profile', name: 'transit.json', content: profile, stationId: null, corridorId: CORRIDOR.id });
    const again = await publishPackage(hub.store, { kind: 'rule-profile', name: 'transit-again.json', content: profile, stationId: null, corridorId: CORRIDOR.id });
    const broken = await publishPackage(hub.store, { kind: 'station-keys', name: 'keys.json', content: '{"format": "nope"}', stationId: 'STN-OYB-01', corridorId: null });
    const forOther = await publishPackage(hub.store, { kind: 'rule-profile', name: 'other.json', content: profile, stationId: 'STN-OTHER', corridorId: null });
    expect(await appliedPackages(hub.store.sql, 'STN-OYB-01')).toEqual([]);

    const report = unwrap(await oybek.core.checkHubNow({}));
    expect(report.items.map((i) => [i.seq, i.outcome])).toEqual([
      [first.package.seq, 'applied'],
      [again.package.seq, 'skipped'],
      [broken.package.seq, 'refused'],
    ]);
    const applied = await appliedPackages(hub.store.sql, 'STN-OYB-01');
    expect(applied.map((a) => [a.seq, a.kind, a.name, a.outcome, a.errorKey])).toEqual([
      [broken.package.seq, 'station-keys', 'keys.json', 'refused', 'package.stationKeysInvalid'],
      [again.package.seq, 'rule-profile', 'transit-again.json', 'skipped', null],
      [first.package.seq, 'rule-profile', 'transit.json', 'applied', null],
    ]);
    expect(applied.at(-1)).toMatchObject({ detail: { profilesSaved: 1 }, actedAt: '2021-06-02T06:00:00.000Z' });

    // Nothing new: nothing reported twice. The CLI prints the same.
    unwrap(await oybek.core.checkHubNow({}));
    const [count] = await hub.store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM package_reports WHERE station_id = 'STN-OYB-01'`);
    expect(count?.n).toBe(3);
    let out = '';
    expect(await runCentralCli(['station', 'applied', '--id', 'STN-OYB-01', '--database-url', hub.databaseUrl], { stdin: async () => '', stdout: (t) => (out += t), stderr: () => undefined })).toBe(0);
    expect((JSON.parse(out) as { seq: number }[]).map((a) => a.seq)).toEqual(applied.map((a) => a.seq));

    // A station cannot report packages that were not addressed to it.
    const forged = await fetch(`${hub.url}/packages/reports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${oybek.credential}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ reports: [{ seq: forOther.package.seq, outcome: 'applied', detail: {}, errorKey: null, actedAt: '2021-06-02T06:00:00Z' }] }),
    });
    expect(forged.status).toBe(200);
    expect(await forged.json()).toEqual({ recorded: 0 });
    const malformed = await fetch(`${hub.url}/packages/reports`, { method: 'POST', headers: { Authorization: `Bearer ${oybek.credential}`, 'Content-Type': 'application/json' }, body: '{"reports": [{"seq": -1}]}' });
    expect(malformed.status).toBe(400);
    expect(await appliedPackages(hub.store.sql, 'STN-OTHER')).toEqual([]);
    unwrap(await other.core.checkHubNow({}));
    expect((await appliedPackages(hub.store.sql, 'STN-OTHER')).map((a) => a.seq)).toEqual([forOther.package.seq, again.package.seq, first.package.seq]);
  });
});
