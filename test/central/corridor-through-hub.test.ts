import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../central/cli/run-central-cli';
import { createCore, silentLogger } from '../../shared/app';
import type { Core, Direction } from '../../shared/contract';
import { verifyReceipt } from '../../shared/domain/central';
import { openStationDatabase } from '../../shared/node/db';
import { CORRIDOR, manifestCsv, mrzOf, stationAt, traveller, usePassportOnlyRules, type Traveller } from '../fixtures/corridor/bus';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../support/core-session';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { ManualClock } from '../support/manual-clock';
import { unwrap } from '../support/result';
import { tempDir } from '../support/temp-dir';

// #30's passport expired in the fixture (a refusal); here everyone's is valid, so all 60 cross.
const BUS = Array.from({ length: 60 }, (_, i) => traveller(i, { expiryDate: '2029-06-30' }));
const opened: { close(): void }[] = [];
const hubs: HubProcess[] = [];

afterEach(async () => {
  for (const core of opened.splice(0)) core.close();
  for (const hub of hubs.splice(0)) await hub.stop();
});

async function central(...argv: string[]): Promise<Record<string, unknown>> {
  let out = '';
  let err = '';
  const code = await runCentralCli(argv, { stdin: async () => '', stdout: (text) => (out += text), stderr: (text) => (err += text) });
  if (code !== 0) throw new Error(`checkpoint-central ${argv.join(' ')}: ${err}`);
  return JSON.parse(out) as Record<string, unknown>;
}

interface Station {
  readonly core: Core;
  readonly dataDir: string;
  readonly stationId: string;
}

async function openStation(end: 'entry' | 'exit', stationId: string, clock: ManualClock): Promise<Station> {
  const dataDir = tempDir();
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock,
    logger: silentLogger,
    // Real timers: the outbox and the hub link act by themselves; the link polls every 200 ms here.
    hubLink: { intervalMs: 200, timeoutMs: 10_000 },
    outbox: { backoff: { baseMs: 50, maxMs: 500 }, timeoutMs: 30_000 },
    bootstrap: { station: stationAt(end, stationId), users: [testUser('operator'), testUser('shift-lead')], signIn: TEST_USERNAME.admin },
  });
  opened.push(core);
  return { core, dataDir, stationId };
}

/** `checkpoint-central station add` with the key from the station's Export screen, then the link entered there. */
async function register(station: Station, hub: HubProcess, databaseUrl: string): Promise<void> {
  const identity = unwrap(await station.core.getStationIdentity({}));
  const keyFile = path.join(tempDir('key-'), 'station.pub');
  fs.writeFileSync(keyFile, identity.publicKey);
  const added = await central('station', 'add', '--id', station.stationId, '--public-key', keyFile, '--corridor', CORRIDOR.id, '--database-url', databaseUrl);
  expect(added.hubPublicKey).toBe(hub.hubPublicKey);
  unwrap(await station.core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
  unwrap(await station.core.saveExportSettings({ timeZone: 'UTC', centralUrl: `${hub.url}/bundles`, credential: String(added.credential), hubPublicKey: hub.hubPublicKey }));
}

async function cross(core: Core, t: Traveller, direction: Direction): Promise<void> {
  const scan = unwrap(await core.scan({ payload: mrzOf(t), source: 'wedge' }));
  unwrap(await core.recordCrossing({ scanId: scan.scanId, direction }));
}

/** The receipt the station kept for its bundle, checked again here with the hub's key. */
async function storedReceipt(station: Station, manifestSha256: string, hubPublicKey: string): Promise<unknown> {
  const db = openStationDatabase(station.dataDir, { readonly: true });
  try {
    const row = db.prepare('SELECT receipt FROM outbox WHERE idempotency_key = ?').get(manifestSha256) as { receipt: string | null } | undefined;
    const receipt = JSON.parse(row?.receipt ?? 'null') as unknown;
    return await verifyReceipt(receipt, { hubPublicKey, manifestSha256, stationId: station.stationId });
  } finally {
    db.close();
  }
}

describe.skipIf(!centralAdminUrl())('a bus of 60 from Zhibek Zholy to Oybek through the hub, no USB stick', () => {
  it('the bundle and the group file travel through one hub process; Oybek pairs the arrivals; receipts verified at both stations', async () => {
    const databaseUrl = await createTestDatabase();
    const hub = await startHubProcess(['--database-url', databaseUrl, '--data-dir', tempDir('hub-')]);
    hubs.push(hub);
    expect(new URL(hub.url).hostname).toBe('127.0.0.1');
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const zhibek = await openStation('entry', 'STN-ZHZ-01', clock);
    const oybek = await openStation('exit', 'STN-OYB-01', clock);
    await register(zhibek, hub, databaseUrl);
    await register(oybek, hub, databaseUrl);
    // Each `station add` published the hub's registry of station keys: Oybek will trust Zhibek's group file
    // without anyone pasting a key.
    await usePassportOnlyRules(zhibek.core, 'operator');
    await usePassportOnlyRules(oybek.core, 'operator');

    // ── Zhibek Zholy: the bus boards, 60 leave Kazakhstan, the bus departs ─────────────────────────────────
    const group = unwrap(await zhibek.core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 60', expectedCount: 60 }));
    unwrap(await zhibek.core.importManifest({ groupId: group.id, fileName: 'bus-60.csv', format: 'csv', content: manifestCsv(BUS) }));
    unwrap(await zhibek.core.setLaneGroup({ groupId: group.id }));
    for (const t of BUS) {
      clock.advance(20_000);
      await cross(zhibek.core, t, 'entry');
    }
    unwrap(await zhibek.core.closeGroup({ groupId: group.id, stage: 'departed' }));

    // ── Oybek: the group file arrives as a package by itself (the link polls), signed by a key the hub vouched for ──
    unwrap(await oybek.core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    await expect
      .poll(async () => unwrap(await oybek.core.getHubLink({})).recent.map((r) => [r.kind, r.outcome]), { timeout: 30_000, interval: 100 })
      .toEqual([
        ['group-file', 'applied'],
        ['station-keys', 'skipped'],
        ['station-keys', 'applied'],
      ]);
    const received = unwrap(await oybek.core.getHubLink({})).recent[0];
    expect(received?.detail).toMatchObject({ groupId: group.id, crossingsAdded: 60, manifestAdded: 60 });
    const onTheRoad = unwrap(await oybek.core.getGroup({ groupId: group.id }));
    expect(onTheRoad.counts).toMatchObject({ entered: 60 });

    // The bus arrives: 60 enter Tajikistan, each paired with their exit from Kazakhstan.
    unwrap(await oybek.core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    unwrap(await oybek.core.setLaneGroup({ groupId: group.id }));
    clock.advance(4 * 3600_000);
    for (const t of BUS) {
      clock.advance(15_000);
      await cross(oybek.core, t, 'exit');
    }
    const arrived = unwrap(await oybek.core.getGroup({ groupId: group.id }));
    expect(arrived.counts).toMatchObject({ exited: 60, entered: 0, unexpected: 0 });
    expect(arrived.people.every((p) => p.state === 'exited' && p.pairMethod === 'document' && p.entry?.source === 'imported')).toBe(true);

    // ── Both stations export their day; the outboxes deliver to the hub and keep its signed receipts ──────────
    clock.advance(14 * 3600_000); // 2021-03-02 early morning
    for (const station of [zhibek, oybek]) {
      unwrap(await station.core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
      const exported = unwrap(await station.core.exportBundle({ date: '2021-03-01', folder: null }));
      expect(exported.crossings).toBe(60);
      await expect
        .poll(async () => unwrap(await station.core.listExports({})).items.find((e) => e.id === exported.id)?.status, { timeout: 60_000, interval: 100 })
        .toBe('acknowledged');
      expect(await storedReceipt(station, exported.manifestSha256, hub.hubPublicKey)).toMatchObject({
        ok: true,
        receipt: { stationId: station.stationId, manifestSha256: exported.manifestSha256, rows: { crossings: 60 } },
      });
    }
    expect(await central('stats', '--database-url', databaseUrl)).toMatchObject({ stations: 2, bundles: 2, crossings: 120, rejected: 0 });
    // The status bars: the hub answered, one package applied at Zhibek (the registry), two at Oybek.
    expect(unwrap(await zhibek.core.getStatus({})).hub).toMatchObject({ configured: true, lastContactAt: expect.any(String), packagesApplied: 1 });
    expect(unwrap(await oybek.core.getStatus({})).hub).toMatchObject({ configured: true, lastContactAt: expect.any(String), packagesApplied: 2 });
  });
});
