import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../../central/cli/run-central-cli';
import { createHubServer } from '../../../central/server/create-server';
import { openCentralStore, type CentralStore } from '../../../central/store/open-store';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { KZ_UZ_TJ } from '../../fixtures/corridor/journey-bus';
import { centralAdminUrl, createTestDatabase } from '../../support/central-db';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function central(...argv: string[]): Promise<{ code: number; out: unknown; err: string }> {
  let out = '';
  let err = '';
  const code = await runCentralCli(argv, { stdin: async () => '', stdout: (text) => (out += text), stderr: (text) => (err += text) });
  return { code, out: out === '' ? null : (JSON.parse(out) as unknown), err };
}

async function startHub(): Promise<{ store: CentralStore; url: string; databaseUrl: string }> {
  const databaseUrl = await createTestDatabase();
  const store = await openCentralStore({ databaseUrl, dataDir: tempDir('hub-data-') });
  const server: FastifyInstance = createHubServer(store, { rateLimit: { perMinute: 600, burst: 100 } });
  opened.push(store, { close: () => server.close() });
  return { store, url: await server.listen({ port: 0, host: '127.0.0.1' }), databaseUrl };
}

/** A station that knows only its own checkpoint, and a hand-typed corridor of the hub's id with other ends. */
async function openStation(stationId: string, checkpoint: { id: string; name: string; country: string }, hub: { store: CentralStore; url: string }): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock: new ManualClock(new Date('2021-03-01T06:00:00Z')),
    logger: silentLogger,
    hubLink: { timers: { setTimeout: () => null, clearTimeout: () => undefined } },
    bootstrap: {
      station: {
        stationId,
        checkpoint,
        otherCheckpoints: [{ id: 'KZ-SHYMKENT', name: 'Shymkent', country: 'KAZ' }],
        corridors: [{ id: KZ_UZ_TJ.id, name: 'Typed by hand', entryCheckpointId: 'KZ-SHYMKENT', exitCheckpointId: checkpoint.id, expectedTransitMinutes: 60, maxTransitMinutes: 120 }],
        admin: { username: TEST_USERNAME.admin, displayName: 'Station admin', pin: TEST_PIN.admin },
      },
      users: [testUser('shift-lead')],
      signIn: TEST_USERNAME.admin,
    },
  });
  opened.push(core);
  const identity = unwrap(await core.getStationIdentity({}));
  const { credential } = await hub.store.stations.add(stationId, { publicKey: identity.publicKey, fingerprint: identity.fingerprint }, KZ_UZ_TJ.id);
  unwrap(await core.saveExportSettings({ centralUrl: `${hub.url}/bundles`, credential, hubPublicKey: hub.store.hubKey.publicKey }));
  return core;
}

const corridorItems = async (core: Core) => unwrap(await core.checkHubNow({})).items.filter((i) => i.kind === 'corridor').map((i) => [i.outcome, i.detail]);

describe.skipIf(!centralAdminUrl())('corridors registered at the hub reach the stations in packages', () => {
  it('corridor add publishes the chain; each station keeps the stretch it stands on in place of its hand-typed one', async () => {
    const hub = await startHub();
    const zhibek = await openStation('STN-KZ', { id: 'KZ-ZHIBEK-ZHOLY', name: 'Zhibek Zholy', country: 'KAZ' }, hub);
    const yallama = await openStation('STN-UZ', { id: 'UZ-YALLAMA', name: 'Yallama', country: 'UZB' }, hub);
    const elsewhere = await openStation('STN-KG', { id: 'KG-DOSTUK', name: 'Dostuk', country: 'KGZ' }, hub);

    const file = path.join(tempDir('corridor-'), 'kz-uz-tj.json');
    fs.writeFileSync(file, JSON.stringify({ id: KZ_UZ_TJ.id, name: 'Zhibek Zholy → Oybek', steps: KZ_UZ_TJ.steps, legs: KZ_UZ_TJ.legs }));
    const added = await central('corridor', 'add', '--file', file, '--database-url', hub.databaseUrl);
    expect(added).toMatchObject({ code: 0, out: { id: KZ_UZ_TJ.id, version: 1, package: expect.any(Number) } });
    expect((await central('corridor', 'list', '--database-url', hub.databaseUrl)).out).toEqual([
      { id: KZ_UZ_TJ.id, name: 'Zhibek Zholy → Oybek', version: 1, steps: KZ_UZ_TJ.steps, legs: KZ_UZ_TJ.legs },
    ]);
    const audit = await hub.store.sql.query<{ action: string }>(`SELECT action FROM central_audit`);
    expect(audit.map((a) => a.action)).toEqual(['corridor.saved']);

    const detail = (entry: string, exit: string) => ({ corridorId: KZ_UZ_TJ.id, version: 1, entryCheckpointId: entry, exitCheckpointId: exit });
    expect(await corridorItems(zhibek)).toEqual([['applied', detail('KZ-ZHIBEK-ZHOLY', 'TJ-OYBEK')]]);
    expect(await corridorItems(yallama)).toEqual([['applied', detail('UZ-YALLAMA', 'UZ-OYBEK')]]);
    expect(await corridorItems(elsewhere)).toEqual([['skipped', { corridorId: KZ_UZ_TJ.id, version: 1, onThisCorridor: false }]]);

    const corridorAt = async (core: Core) => unwrap(await core.listCorridors({})).items.find((c) => c.id === KZ_UZ_TJ.id);
    expect(await corridorAt(zhibek)).toMatchObject({ name: 'Zhibek Zholy → Oybek', entryCheckpointId: 'KZ-ZHIBEK-ZHOLY', exitCheckpointId: 'TJ-OYBEK', expectedTransitMinutes: 705, maxTransitMinutes: 1260 });
    expect(await corridorAt(yallama)).toMatchObject({ entryCheckpointId: 'UZ-YALLAMA', exitCheckpointId: 'UZ-OYBEK', expectedTransitMinutes: 600, maxTransitMinutes: 900 });
    expect(await corridorAt(elsewhere)).toMatchObject({ name: 'Typed by hand' });
    // The far end's checkpoint is made from the chain (code and country) where the station did not know it.
    expect(unwrap(await zhibek.listCheckpoints({})).items.find((c) => c.id === 'TJ-OYBEK')).toMatchObject({ country: 'TJK' });

    // A changed chain is a new version, published again; an unchanged stretch is skipped.
    const longer = { ...KZ_UZ_TJ, legs: [{ expectedMinutes: 90, maxMinutes: 240 }, ...KZ_UZ_TJ.legs.slice(1)] };
    fs.writeFileSync(file, JSON.stringify({ id: longer.id, name: 'Zhibek Zholy → Oybek', steps: longer.steps, legs: longer.legs }));
    expect(await central('corridor', 'add', '--file', file, '--database-url', hub.databaseUrl)).toMatchObject({ code: 0, out: { version: 2 } });
    expect(await corridorItems(zhibek)).toEqual([['applied', { ...detail('KZ-ZHIBEK-ZHOLY', 'TJ-OYBEK'), version: 2 }]]);
    expect(await corridorAt(zhibek)).toMatchObject({ expectedTransitMinutes: 735, maxTransitMinutes: 1320 });
    expect(await corridorItems(yallama)).toEqual([['skipped', { ...detail('UZ-YALLAMA', 'UZ-OYBEK'), version: 2 }]]);
  });

  it('refuses a chain that does not hold together, and publishes nothing', async () => {
    const hub = await startHub();
    const file = path.join(tempDir('corridor-'), 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ id: KZ_UZ_TJ.id, name: 'Bad', steps: KZ_UZ_TJ.steps, legs: KZ_UZ_TJ.legs.slice(1) }));
    expect(await central('corridor', 'add', '--file', file, '--database-url', hub.databaseUrl)).toMatchObject({ code: 1, out: null, err: expect.stringContaining('has 3 legs, not 2') });
    expect(await hub.store.sql.query(`SELECT seq FROM packages WHERE kind = 'corridor'`)).toEqual([]);
    expect((await central('corridor', 'list', '--database-url', hub.databaseUrl)).out).toEqual([]);
  });
});
