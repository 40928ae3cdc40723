import { createHash, generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, CoreEvent } from '../../../shared/contract';
import { verifyBundle } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { startTestHub, type TestHub } from '../../support/test-hub';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { DAY1_START, DAY_MS, openTestStation } from '../../support/export-station';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const opened: Core[] = [];
let central: TestHub | undefined;

afterEach(async () => {
  for (const core of opened.splice(0)) core.close();
  await central?.close();
  central = undefined;
});

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A station with 12 crossings on 1 March 2021 (Tashkent) and 5 the next day, a shift lead signed in. */
async function stationCore(dataDir = tempDir(), seed = true, laterMs = 0) {
  if (seed) {
    const station = openTestStation(dataDir);
    station.record(12, DAY1_START + 8 * 3_600_000, 900_000);
    station.record(5, DAY1_START + DAY_MS + 8 * 3_600_000, 900_000);
    station.store.close();
  }
  const clock = new ManualClock(new Date(DAY1_START + 2 * DAY_MS + 3_600_000 + laterMs));
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock,
    logger: silentLogger,
    appVersion: 'test',
    bootstrap: testBootstrap('shift-lead', { roles: ['shift-lead', 'operator'] }),
    outbox: { backoff: { baseMs: 10, maxMs: 50 }, timeoutMs: 2_000 },
  });
  opened.push(core);
  return { core, clock, dataDir };
}

describe('Export methods (shift lead)', () => {
  it('previews, exports with progress events, and lists the history', async () => {
    const { core } = await stationCore();
    const preview = unwrap(await core.previewExport({ date: '2021-03-01' }));
    expect(preview).toMatchObject({
      period: { from: '2021-03-01T00:00:00.000+05:00', to: '2021-03-02T00:00:00.000+05:00', timeZone: 'Asia/Tashkent' },
      crossings: { total: 12 },
      alerts: 0,
      acknowledged: 0,
      centralConfigured: false,
    });
    const events: CoreEvent[] = [];
    core.subscribe((event) => events.push(event));
    const usb = tempDir('checkpoint-usb-');
    const record = unwrap(await core.exportBundle({ date: '2021-03-01', folder: usb, format: 'zip' }));
    expect(record).toMatchObject({ crossings: 12, status: 'written', format: 'zip', attempts: 0, lastError: null });
    expect(record.destination).toBe(path.join(usb, 'checkpoint-export_STN-TEST01_2021-03-01.zip'));
    expect(events.filter((e) => e.type === 'export-progress').map((e) => (e.type === 'export-progress' ? e.phase : ''))).toContain('done');
    expect(events).toContainEqual({ type: 'log-changed', what: 'exports' });

    const identity = unwrap(await core.getExportSettings({}));
    const read = readBundle(record.destination as string);
    if (!read.ok) throw new Error(read.message);
    expect((await verifyBundle({ files: read.files, signer: { fingerprint: identity.stationFingerprint } })).ok).toBe(true);

    const history = unwrap(await core.listExports({}));
    expect(history.items.map((item) => item.id)).toEqual([record.id]);
  });

  it('defaults to today at the station and refuses bad folders with plain words', async () => {
    const { core } = await stationCore();
    expect(unwrap(await core.previewExport({})).period.from).toBe('2021-03-03T00:00:00.000+05:00');
    const relative = await core.exportBundle({ folder: 'usb', format: 'zip' });
    expect(!relative.ok && relative.error.message).toMatch(/whole path/);
    const missing = await core.exportBundle({ folder: path.join(tempDir(), 'no-stick'), format: 'zip' });
    expect(!missing.ok && missing.error).toMatchObject({ code: 'not-found', message: expect.stringMatching(/Plug in the USB stick/) });
    const centralOnly = await core.exportBundle({ folder: null, format: 'zip' });
    expect(!centralOnly.ok && centralOnly.error.message).toMatch(/No central system is configured/);
    const backwards = await core.previewExport({ from: '2021-03-02T00:00:00+05:00', to: '2021-03-01T00:00:00+05:00' });
    expect(!backwards.ok && backwards.error.code).toBe('invalid-input');
  });

  it('is for shift leads only; the settings are an administrator’s, and the credential never comes back', async () => {
    const { core } = await stationCore();
    const denied = await core.saveExportSettings({ centralUrl: 'https://central.example.org/bundles' });
    expect(!denied.ok && denied.error.code).toBe('forbidden');
    unwrap(await core.logout({}));
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    const operator = await core.exportBundle({ folder: tempDir(), format: 'zip' });
    expect(!operator.ok && operator.error.code).toBe('forbidden');
    expect((await core.previewExport({})).ok).toBe(false);
    unwrap(await core.logout({}));
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    const insecure = await core.saveExportSettings({ centralUrl: 'http://central.example.org/bundles' });
    expect(!insecure.ok && insecure.error.message).toMatch(/must start with https/);
    const badZone = await core.saveExportSettings({ timeZone: 'Mars/Olympus' });
    expect(!badZone.ok && badZone.error.message).toMatch(/not a time zone/);
    const badHubKey = await core.saveExportSettings({ hubPublicKey: 'MCowBQYDK2VwAyEA' + 'A'.repeat(40) });
    expect(!badHubKey.ok && badHubKey.error.message).toMatch(/not an Ed25519 public key/);
    const hubKey = generateKeyPairSync('ed25519').publicKey;
    const hubDer = hubKey.export({ format: 'der', type: 'spki' });
    const hubPem = hubKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(unwrap(await core.saveExportSettings({ hubPublicKey: hubPem })).hubFingerprint).toBe(createHash('sha256').update(hubDer).digest('hex'));
    const saved = unwrap(await core.saveExportSettings({ centralUrl: 'https://central.example.org/bundles', credential: 'very-secret-credential', timeZone: 'Asia/Dushanbe' }));
    expect(saved).toMatchObject({ centralUrl: 'https://central.example.org/bundles', credentialSet: true, timeZone: 'Asia/Dushanbe' });
    expect(JSON.stringify(saved)).not.toContain('very-secret-credential');
    expect(JSON.stringify(unwrap(await core.getExportSettings({})))).not.toContain('very-secret-credential');
    expect((await core.exportBundle({ folder: tempDir(), format: 'zip' })).ok).toBe(false);
  });

  it('queues for the central system, shows "saved, not yet sent" per crossing until acknowledged, and a new core picks up the queue', async () => {
    central = await startTestHub();
    const first = await stationCore();
    const key = openTestStation(first.dataDir);
    const credential = await central.register(key.stationId, { publicKey: key.key.publicKey, fingerprint: key.key.fingerprint });
    key.store.close();
    unwrap(await first.core.logout({}));
    unwrap(await first.core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    // A credential the central side does not know yet: nothing gets through.
    unwrap(await first.core.saveExportSettings({ centralUrl: central.url, credential: 'not-registered-yet', hubPublicKey: central.hubPublicKey }));
    unwrap(await first.core.logout({}));
    unwrap(await first.core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const record = unwrap(await first.core.exportBundle({ date: '2021-03-01', folder: null, format: 'zip' }));
    expect(record).toMatchObject({ status: 'queued', destination: null });
    await expect.poll(async () => unwrap(await first.core.listExports({})).items[0]?.lastErrorCode).toBe('unknown-credential');
    const settings = unwrap(await first.core.getExportSettings({}));
    expect(settings.delivery).toMatchObject({ notAcknowledged: 17, queuedBundles: 1, heldBundles: 0, lastErrorCode: 'unknown-credential' });
    expect(settings.hubFingerprint).toBe(central.store.hubKey.fingerprint);

    unwrap(await first.core.logout({}));
    unwrap(await first.core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    const listed = unwrap(await first.core.listCrossings({ limit: 50 }));
    expect(new Set(listed.items.map((c) => c.delivery))).toEqual(new Set(['saved']));
    first.core.close();

    // Restart with the right credential in place: the new core sends the queued bundle on its own.
    const fix = openTestStation(first.dataDir);
    fix.store.transaction(() => fix.deps.exports.setSetting('central.credential', credential));
    fix.store.close();
    // An hour later: the refused bundle's next attempt is due.
    const second = await stationCore(first.dataDir, false, 3_600_000);
    await expect.poll(async () => unwrap(await second.core.listExports({})).items[0]?.status, { timeout: 5_000 }).toBe('acknowledged');
    expect(await central.stored(key.stationId)).toHaveLength(1);
    unwrap(await second.core.logout({}));
    unwrap(await second.core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    const after = unwrap(await second.core.listCrossings({ limit: 50 }));
    const byDay = after.items.map((c) => [c.recordedAt < new Date(DAY1_START + DAY_MS).toISOString(), c.delivery]);
    expect(byDay.filter(([day1]) => day1).every(([, delivery]) => delivery === 'acknowledged')).toBe(true);
    expect(byDay.filter(([day1]) => !day1).every(([, delivery]) => delivery === 'saved')).toBe(true);
    // A real hub on PGlite starts inside this test: WASM start-up and migrations take seconds of CPU, many on a busy machine.
  }, 120_000);

  it('builds the shift report from the same counts as the bundle', async () => {
    const { core } = await stationCore();
    const report = unwrap(await core.getShiftReport({ date: '2021-03-01' }));
    expect(report.crossings.total).toBe(12);
    expect(report.byHour[0]).toMatchObject({ hour: '2021-03-01T08:00+05:00', total: 4 });
    expect(report.byCorridor.reduce((n, c) => n + c.total, 0)).toBe(12);
  });
});
