import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../central/cli/run-central-cli';
import { publishPackage } from '../../central/packages/publish-package';
import { stationKeysContent } from '../../central/packages/station-keys-package';
import { createHubServer } from '../../central/server/create-server';
import { openCentralStore, type CentralStore } from '../../central/store/open-store';
import { createCore, silentLogger } from '../../shared/app';
import type { Core, PackageReportItem } from '../../shared/contract';
import { canonicalJson } from '../../shared/domain/canonical-json';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, manifestCsv, stationAt, traveller } from '../fixtures/corridor/bus';
import { makeSigner, EKU, type TestSigner } from '../fixtures/dcc/build-dcc';
import { gatewayEntries } from '../fixtures/dcc/trust-list-files';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../support/core-session';
import { ManualClock } from '../support/manual-clock';
import { unwrap } from '../support/result';
import { tempDir } from '../support/temp-dir';

const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

let signer: TestSigner;
beforeAll(async () => {
  signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
});

interface Hub {
  readonly store: CentralStore;
  readonly url: string;
  readonly databaseUrl: string;
}

async function startHub(): Promise<Hub> {
  const databaseUrl = await createTestDatabase();
  const store = await openCentralStore({ databaseUrl, dataDir: tempDir('hub-data-') });
  const server: FastifyInstance = createHubServer(store, { rateLimit: { perMinute: 600, burst: 100 } });
  opened.push(store, { close: () => server.close() });
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { store, url, databaseUrl };
}

async function openStation(end: 'entry' | 'exit', stationId: string, clock: ManualClock): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock,
    logger: silentLogger,
    // The test polls by hand (checkHubNow): the core's own timer never fires.
    hubLink: { timers: { setTimeout: () => null, clearTimeout: () => undefined } },
    bootstrap: { station: stationAt(end, stationId), users: [testUser('operator'), testUser('shift-lead')], signIn: TEST_USERNAME.admin },
  });
  opened.push(core);
  return core;
}

/** Registers the station at the hub on the corridor and enters the hub's address, credential and key, as an admin. */
async function link(core: Core, hub: Hub): Promise<void> {
  const identity = unwrap(await core.getStationIdentity({}));
  const { credential } = await hub.store.stations.add(identity.stationId, { publicKey: identity.publicKey, fingerprint: identity.fingerprint }, CORRIDOR.id);
  unwrap(await core.saveExportSettings({ centralUrl: `${hub.url}/bundles`, credential, hubPublicKey: hub.store.hubKey.publicKey }));
}

const outcomes = (items: readonly PackageReportItem[]) => items.map((item) => [item.kind, item.outcome]);
const reasons = (items: readonly PackageReportItem[]) => items.map((item) => item.reason?.key ?? null);

describe.skipIf(!centralAdminUrl())('station packages from the hub, applied by real station cores', () => {
  it('a station polls, verifies and applies a trust list, a rule profile, the station-key registry and a bus manifest once each, and reports them', async () => {
    const hub = await startHub();
    const clock = new ManualClock(new Date('2021-06-02T06:00:00Z'));
    const zhibek = await openStation('entry', 'STN-ZHZ-01', clock);
    const oybek = await openStation('exit', 'STN-OYB-01', clock);
    await link(zhibek, hub);
    await link(oybek, hub);

    const gateway = JSON.stringify(await gatewayEntries([signer], 'UZ'));
    await publishPackage(hub.store, { kind: 'trust-list', name: 'dsc-list.json', content: gateway, stationId: null, corridorId: null });
    await publishPackage(hub.store, {
      kind: 'rule-profile',
      name: 'transit.json',
      content: JSON.stringify({ ...PASSPORT_ONLY_PROFILE, version: 7, name: 'Transit from the hub' }),
      stationId: null,
      corridorId: CORRIDOR.id,
    });
    await publishPackage(hub.store, { kind: 'station-keys', name: 'station-keys.json', content: await stationKeysContent(hub.store), stationId: null, corridorId: CORRIDOR.id });
    const busManifest = {
      kind: 'checkpoint-central/bus-manifest',
      group: { label: 'Bus 12', corridorId: CORRIDOR.id, expectedCount: 5 },
      manifest: { fileName: 'bus-12.csv', format: 'csv', content: manifestCsv([0, 1, 2, 3, 4].map((i) => traveller(i))) },
    };
    await publishPackage(hub.store, { kind: 'bus-manifest', name: 'bus-12.json', content: JSON.stringify(busManifest), stationId: 'STN-OYB-01', corridorId: null });

    unwrap(await oybek.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const before = unwrap(await oybek.getStatus({}));
    expect(before.hub).toEqual({ configured: true, lastContactAt: null, packagesApplied: 0 });

    const first = unwrap(await oybek.checkHubNow({}));
    expect(outcomes(first.items)).toEqual([
      ['trust-list', 'applied'],
      ['rule-profile', 'applied'],
      ['station-keys', 'applied'],
      ['bus-manifest', 'applied'],
    ]);
    expect(first.items.map((item) => item.detail)).toEqual([
      { entries: 1 },
      { profilesSaved: 1 },
      { trusted: 1, untrusted: 0 },
      { groupId: expect.any(String), groupCreated: true, rowsAdded: 5, linked: 0 },
    ]);
    // Each through the code a USB import takes: the trust list the lane verifies with, a new profile version, a bus.
    expect(unwrap(await oybek.getStatus({})).trustList).toMatchObject({ entries: 1, source: 'dsc-list.json' });
    const profiles = unwrap(await oybek.listRuleProfiles({ history: true })).items.filter((p) => p.profile.id === PASSPORT_ONLY_PROFILE.id);
    expect(profiles.map((p) => [p.profile.version, p.profile.name])).toEqual([[1, 'Transit from the hub']]);
    const bus = unwrap(await oybek.listGroups({ limit: 10 })).items.find((g) => g.label === 'Bus 12');
    expect(bus).toMatchObject({ total: 5 });

    // The cursor moved: the next poll fetches nothing, and the status bar says what happened.
    expect(unwrap(await oybek.checkHubNow({})).items).toEqual([]);
    const status = unwrap(await oybek.getStatus({}));
    expect(status.hub).toEqual({ configured: true, lastContactAt: '2021-06-02T06:00:00.000Z', packagesApplied: 4 });
    const state = unwrap(await oybek.getHubLink({}));
    expect(state).toMatchObject({ configured: true, cursor: 4, packagesApplied: 4, lastError: null });
    expect(state.recent.map((r) => [r.seq, r.kind, r.via])).toEqual([
      [4, 'bus-manifest', 'hub'],
      [3, 'station-keys', 'hub'],
      [2, 'rule-profile', 'hub'],
      [1, 'trust-list', 'hub'],
    ]);

    // The same profile again is nothing to do; a station that is not on the corridor does not get its packages.
    await publishPackage(hub.store, { kind: 'rule-profile', name: 'transit.json', content: JSON.stringify({ ...PASSPORT_ONLY_PROFILE, version: 8, name: 'Transit from the hub' }), stationId: null, corridorId: null });
    expect(outcomes(unwrap(await oybek.checkHubNow({})).items)).toEqual([['rule-profile', 'skipped']]);
    // Zhibek got the corridor's and everyone's packages, not Oybek's bus.
    unwrap(await zhibek.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    expect(outcomes(unwrap(await zhibek.checkHubNow({})).items)).toEqual([
      ['trust-list', 'applied'],
      ['rule-profile', 'applied'],
      ['station-keys', 'applied'],
      ['rule-profile', 'skipped'],
    ]);
  });

  it('refuses every hostile package with a sentence and changes nothing: forged, tampered, another hub, another station, a replay, garbage; a folder works offline', async () => {
    const hub = await startHub();
    const clock = new ManualClock(new Date('2021-06-02T06:00:00Z'));
    const oybek = await openStation('exit', 'STN-OYB-01', clock);
    await link(oybek, hub);
    const other = await openStation('entry', 'STN-ZHZ-01', clock);
    const otherIdentity = unwrap(await other.getStationIdentity({}));
    await hub.store.stations.add(otherIdentity.stationId, { publicKey: otherIdentity.publicKey, fingerprint: otherIdentity.fingerprint }, 'ANOTHER-CORRIDOR');

    const gateway = JSON.stringify(await gatewayEntries([signer], 'UZ'));
    const trust = await publishPackage(hub.store, { kind: 'trust-list', name: 'dsc-list.json', content: gateway, stationId: null, corridorId: null });
    const forOther = await publishPackage(hub.store, { kind: 'rule-profile', name: 'other.json', content: JSON.stringify(PASSPORT_ONLY_PROFILE), stationId: otherIdentity.stationId, corridorId: null });
    const profile = await publishPackage(hub.store, { kind: 'rule-profile', name: 'transit.json', content: JSON.stringify({ ...PASSPORT_ONLY_PROFILE, name: 'Hub profile' }), stationId: null, corridorId: CORRIDOR.id });

    // The offline station's stick: `checkpoint-central package export` writes what the station would fetch.
    const stick = tempDir('stick-');
    let out = '';
    const code = await runCentralCli(['package', 'export', '--station', 'STN-OYB-01', '--out', stick, '--database-url', hub.databaseUrl], {
      stdin: async () => '',
      stdout: (text) => (out += text),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    expect((JSON.parse(out) as { packages: { seq: number }[] }).packages.map((p) => p.seq)).toEqual([trust.package.seq, profile.package.seq]);

    // Hostile files beside them, each named so it sorts where it would do harm.
    const hostile = tempDir('hostile-');
    const write = (name: string, value: unknown) => fs.writeFileSync(path.join(hostile, name), typeof value === 'string' ? value : JSON.stringify(value));
    write('a-garbage.cppkg.json', '{"package": 42, "signature": nul');
    write('b-tampered.cppkg.json', { ...profile, package: { ...profile.package, content: JSON.stringify({ ...PASSPORT_ONLY_PROFILE, evidenceRequired: true }) } });
    const forged = { ...profile.package, seq: 99, name: 'forged.json' };
    write('c-forged.cppkg.json', { package: forged, signature: profile.signature });
    const mallory = generateKeyPairSync('ed25519');
    const malloryKey = mallory.publicKey.export({ format: 'der', type: 'spki' });
    const otherHub = { ...profile.package, seq: 100, hubFingerprint: createHash('sha256').update(malloryKey).digest('hex') };
    write('d-other-hub.cppkg.json', { package: otherHub, signature: sign(null, Buffer.from(canonicalJson(otherHub)), mallory.privateKey).toString('base64') });
    write('e-other-station.cppkg.json', forOther);

    unwrap(await oybek.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const refused = unwrap(await oybek.importStationPackages({ path: hostile }));
    expect(outcomes(refused.items).every(([, outcome]) => outcome === 'refused')).toBe(true);
    expect(reasons(refused.items).sort()).toEqual(['package.malformed', 'package.notForThisStation', 'package.signatureInvalid', 'package.signatureInvalid', 'package.wrongHub']);
    for (const item of refused.items) expect(item.reason?.message).toMatch(/not applied\.$/);
    expect(unwrap(await oybek.getStatus({})).trustList.entries).toBe(0);
    expect(unwrap(await oybek.getHubLink({}))).toMatchObject({ cursor: 0, packagesApplied: 0, recent: [] });

    // The real ones from the stick apply, without any link to the hub.
    unwrap(await oybek.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    unwrap(await oybek.saveExportSettings({ centralUrl: null }));
    unwrap(await oybek.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const applied = unwrap(await oybek.importStationPackages({ path: stick }));
    expect(outcomes(applied.items)).toEqual([
      ['trust-list', 'applied'],
      ['rule-profile', 'applied'],
    ]);
    expect(unwrap(await oybek.getStatus({})).trustList.entries).toBe(1);
    // The same stick again, or the first package alone later: a replay, refused by name.
    const replay = unwrap(await oybek.importStationPackages({ path: stick }));
    expect(reasons(replay.items)).toEqual(['package.replayed', 'package.replayed']);
    expect(replay.items[0]?.reason?.message).toBe(`Package ${trust.package.seq} is not newer than package ${profile.package.seq}, applied here already: an old package sent again is not applied.`);
    expect(unwrap(await oybek.getHubLink({}))).toMatchObject({ cursor: profile.package.seq, packagesApplied: 2 });
    expect(unwrap(await oybek.getHubLink({})).recent.map((r) => r.via)).toEqual(['folder', 'folder']);
  });

  it('a package that is the hub’s but cannot be applied is recorded as refused with its reason, and later ones still apply', async () => {
    const hub = await startHub();
    const clock = new ManualClock(new Date('2021-06-02T06:00:00Z'));
    const oybek = await openStation('exit', 'STN-OYB-01', clock);
    await link(oybek, hub);
    await publishPackage(hub.store, { kind: 'rule-profile', name: 'broken.json', content: '{"id": "x"}', stationId: null, corridorId: null });
    await publishPackage(hub.store, { kind: 'station-keys', name: 'keys.json', content: '[]', stationId: null, corridorId: null });
    const good = await publishPackage(hub.store, { kind: 'trust-list', name: 'dsc-list.json', content: JSON.stringify(await gatewayEntries([signer], 'UZ')), stationId: null, corridorId: null });
    unwrap(await oybek.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const report = unwrap(await oybek.checkHubNow({}));
    expect(outcomes(report.items)).toEqual([
      ['rule-profile', 'refused'],
      ['station-keys', 'refused'],
      ['trust-list', 'applied'],
    ]);
    expect(reasons(report.items)).toEqual(['package.ruleProfileInvalid', 'package.stationKeysInvalid', null]);
    expect(report.items[0]?.reason?.message).toMatch(/^Package broken\.json holds no rule profile or business rule file this station can use \(profile 1: /);
    const state = unwrap(await oybek.getHubLink({}));
    expect(state).toMatchObject({ cursor: good.package.seq, packagesApplied: 1 });
    expect(state.recent.find((r) => r.seq === 2)?.reason?.key).toBe('package.stationKeysInvalid');

    // A hub that cannot be reached: the poll says so, and the last contact stays what it was.
    await hub.store.stations.revoke('STN-OYB-01');
    const failed = await oybek.checkHubNow({});
    expect(failed).toMatchObject({ ok: false, error: { key: 'hub.unanswered', params: { code: 'station-revoked' } } });
    expect(unwrap(await oybek.getHubLink({})).lastError).toMatchObject({ code: 'station-revoked' });
  });

  it('a revocation list from the hub goes where `checkpoint revocation import` puts it, once; a list that is not one is refused', async () => {
    const hub = await startHub();
    const clock = new ManualClock(new Date('2021-06-02T06:00:00Z'));
    const station = await openStation('exit', 'STN-OYB-01', clock);
    await link(station, hub);
    const hash = createHash('sha256').update('URN:UVCI:01:UZ:REVOKED1#A').digest().subarray(0, 16).toString('base64');
    const list = JSON.stringify([{ country: 'UZ', expires: '2022-06-01T00:00:00Z', kid: 'UNKNOWN_KID', hashType: 'UCI', entries: [{ hash }] }]);
    await publishPackage(hub.store, { kind: 'revocation-list', name: 'uz-revocation.json', content: list, stationId: null, corridorId: null });
    await publishPackage(hub.store, { kind: 'revocation-list', name: 'uz-revocation-again.json', content: list, stationId: null, corridorId: null });
    await publishPackage(hub.store, { kind: 'revocation-list', name: 'broken.json', content: '{"hashType": "MD5"}', stationId: null, corridorId: null });
    unwrap(await station.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const report = unwrap(await station.checkHubNow({}));
    expect(outcomes(report.items)).toEqual([
      ['revocation-list', 'applied'],
      ['revocation-list', 'skipped'],
      ['revocation-list', 'refused'],
    ]);
    expect(report.items[0]?.detail).toEqual({ revocationListVersion: 1, entries: 1 });
    expect(reasons(report.items)[2]).toBe('revocation.notImported');
  });
});
