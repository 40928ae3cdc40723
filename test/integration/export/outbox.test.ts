import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { CENTRAL_CREDENTIAL_KEY, CENTRAL_HUB_KEY, CENTRAL_URL_KEY } from '../../../shared/app/export/export-settings';
import { OUTBOX_FOLDER, takeInOutboxFiles } from '../../../shared/app/export/outbox-files';
import { OutboxPusher } from '../../../shared/app/export/outbox-pusher';
import { RetentionService } from '../../../shared/app/retention/retention-service';
import { silentLogger } from '../../../shared/app/logger';
import { readZipBundle } from '../../../shared/node/export';
import { httpTransport } from '../../../shared/node/outbox';
import { startTestHub, type TestHub } from '../../support/test-hub';
import { DAY1_START, DAY_MS, openTestStation, type TestStation } from '../../support/export-station';
import { ManualTimers } from '../../support/manual-timers';
import { tempDir } from '../../support/temp-dir';

let central: TestHub;
let credential: string;
let stationNo = 0;
let dataDir: string;
let clockMs: number;
let station: TestStation;

const now = () => new Date(clockMs);
const HANG_TIMEOUT_MS = 300;

function configure(target: TestStation, url = central.url, secret = credential, hubKey: string | null = central.hubPublicKey): void {
  target.store.transaction(() => {
    target.deps.exports.setSetting(CENTRAL_URL_KEY, url);
    target.deps.exports.setSetting(CENTRAL_CREDENTIAL_KEY, secret);
    target.deps.exports.setSetting(CENTRAL_HUB_KEY, hubKey);
  });
}

const stored = () => central.stored(station.stationId);

function pusher(target: TestStation, timers = new ManualTimers()) {
  return new OutboxPusher({
    store: target.store,
    exports: target.deps.exports,
    outbox: target.deps.outbox,
    // A request the proxy will hang times out at once; any other gets all the time the real hub needs to verify and
    // store a bundle on a loaded machine (one timeout for both made the test fail under load).
    transport: (request) => httpTransport({ ...request, timeoutMs: central.next() === 'hang' ? HANG_TIMEOUT_MS : 120_000 }),
    stationId: () => target.stationId,
    now,
    timers,
    random: () => 0.5,
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    logger: silentLogger,
  });
}

async function queueTwoDays(target: TestStation): Promise<string[]> {
  const ids: string[] = [];
  for (const day of [0, 1]) {
    const fromMs = DAY1_START + day * DAY_MS;
    ids.push((await exportBundle(target.deps, { fromMs, toMs: fromMs + DAY_MS, folder: null, format: 'zip' })).id);
  }
  return ids;
}

// One real hub (PGlite in memory) for the file; every test is a new station registered with it.
beforeAll(async () => {
  central = await startTestHub();
}, 120_000);

afterAll(async () => {
  await central.close();
});

beforeEach(async () => {
  central.requests.splice(0);
  dataDir = tempDir();
  clockMs = DAY1_START + 2 * DAY_MS + 3_600_000;
  stationNo += 1;
  station = openTestStation(dataDir, now, `STN-OUTBOX-${stationNo}`);
  credential = await central.register(station.stationId, { publicKey: station.key.publicKey, fingerprint: station.key.fingerprint });
  station.record(20, DAY1_START + 8 * 3_600_000, 600_000);
  station.record(15, DAY1_START + DAY_MS + 8 * 3_600_000, 600_000);
  configure(station);
});

afterEach(() => {
  station.store.close();
});

describe('the outbox against the real hub on 127.0.0.1, behind a faulty network', () => {
  it('survives a dropped connection, a hang, a 500 and a lost answer: nothing lost, nothing duplicated', async () => {
    const ids = await queueTwoDays(station);
    expect(station.deps.exports.deliveryCounts()).toEqual({ notAcknowledged: 35, sentNotAcknowledged: 0 });
    const timers = new ManualTimers();
    const outbox = pusher(station, timers);
    central.script('reset', 'hang', 500, 'accept-lose-answer');

    await outbox.runDue();
    expect(central.requests.map((r) => r.behaviour)).toEqual(['reset', 'hang']);
    const afterFirst = station.deps.outbox.all();
    expect(afterFirst.map((item) => item.state)).toEqual(['pending', 'pending']);
    expect(afterFirst[0]?.lastError).toMatch(/cannot be reached/);
    expect(afterFirst[1]?.lastError).toBe(`the central system did not answer within ${HANG_TIMEOUT_MS} ms`);
    // Backoff: the first retry waits base × 2⁰ with equal jitter at 0.5 → 750 ms.
    expect((afterFirst[0]?.nextAttemptMs ?? 0) - clockMs).toBe(750);
    outbox.kick();
    expect(timers.scheduledMs).toBe(750);

    clockMs += 1_000;
    await outbox.runDue();
    expect(central.requests.map((r) => r.behaviour)).toEqual(['reset', 'hang', 500, 'accept-lose-answer']);
    expect(await stored()).toHaveLength(1);
    // The second failure of each waits twice as long: 1,500 ms.
    expect(station.deps.outbox.all().map((item) => item.nextAttemptMs - clockMs)).toEqual([1_500, 1_500]);
    expect(station.deps.exports.list(10).map((row) => row.status)).toEqual(['queued', 'queued']);

    clockMs += 1_500;
    await outbox.runDue();
    expect(central.requests).toHaveLength(6);
    expect(await stored()).toHaveLength(2);
    expect(new Set(central.requests.map((r) => r.key)).size).toBe(2);
    // The bundle whose answer was lost got, when sent again, the receipt the hub made the first time.
    const receipts = await central.store.sql.query<{ manifest_sha256: string; receipt_sig: string }>('SELECT manifest_sha256, receipt_sig FROM bundles WHERE station_id = $1', [
      station.stationId,
    ]);
    for (const item of station.deps.outbox.all()) {
      expect(JSON.parse(item.receipt ?? '{}').signature).toBe(receipts.find((r) => r.manifest_sha256 === item.idempotencyKey)?.receipt_sig);
    }
    expect(station.deps.outbox.all().map((item) => [item.state, item.attempts])).toEqual([
      ['acknowledged', 3],
      ['acknowledged', 3],
    ]);
    expect(new Set(station.deps.exports.list(10).map((row) => [row.id, row.status].join()))).toEqual(new Set(ids.map((id) => `${id},acknowledged`)));
    expect(station.deps.exports.deliveryCounts()).toEqual({ notAcknowledged: 0, sentNotAcknowledged: 0 });

    // Nothing left to do: no timer, no request.
    outbox.kick();
    expect(timers.pending.size).toBe(0);
    await outbox.runDue();
    expect(central.requests).toHaveLength(6);
  });

  it('resumes after a restart: a new pusher on the reopened database sends what the old one could not', async () => {
    await queueTwoDays(station);
    central.script(500, 500);
    await pusher(station).runDue();
    expect(await stored()).toHaveLength(0);
    station.store.close();

    station = openTestStation(dataDir, now, station.stationId);
    clockMs += 60_000;
    await pusher(station).runDue();
    expect(await stored()).toHaveLength(2);
    expect(station.deps.outbox.all().every((item) => item.state === 'acknowledged')).toBe(true);
  });

  it('a 202 marks the bundle sent; asking again later turns it acknowledged', async () => {
    await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: null, format: 'zip' });
    central.script('accepted-202');
    const outbox = pusher(station);
    await outbox.runDue();
    expect(station.deps.exports.list(1)[0]?.status).toBe('sent');
    expect(station.deps.exports.deliveryCounts()).toEqual({ notAcknowledged: 35, sentNotAcknowledged: 20 });
    clockMs += 60_000;
    await outbox.runDue();
    expect(station.deps.exports.list(1)[0]?.status).toBe('acknowledged');
    expect(await stored()).toHaveLength(1);
    expect(station.deps.exports.deliveryCounts().notAcknowledged).toBe(15);
  });

  it('a refused credential keeps the bundle, says why, and retries at the slowest pace', async () => {
    configure(station, central.url, 'wrong-credential');
    await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: null, format: 'zip' });
    await pusher(station).runDue();
    const [item] = station.deps.outbox.all();
    expect(item).toMatchObject({ state: 'pending', attempts: 1, held: false, lastErrorCode: 'unknown-credential', lastError: 'the credential belongs to no station registered at this hub' });
    expect((item?.nextAttemptMs ?? 0) - clockMs).toBe(60_000);
    configure(station);
    clockMs += 60_000;
    await pusher(station).runDue();
    expect(station.deps.outbox.all()[0]?.state).toBe('acknowledged');
  });

  it('schedules itself with real timers', async () => {
    await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: null, format: 'zip' });
    central.script(500, 500);
    clockMs = Date.now();
    const outbox = new OutboxPusher({
      store: station.store,
      exports: station.deps.exports,
      outbox: station.deps.outbox,
      transport: httpTransport,
      stationId: () => station.stationId,
      now: () => new Date(),
      backoff: { baseMs: 20, maxMs: 100 },
      logger: silentLogger,
    });
    outbox.kick();
    await expect.poll(() => station.deps.outbox.all()[0]?.state, { timeout: 5_000 }).toBe('acknowledged');
    outbox.stop();
    expect(central.requests.map((r) => r.behaviour)).toEqual([500, 500, 'accept']);
  });
  it('an answer counts only with a receipt signed by the configured hub key: a forged one, or none to check it with, is not an acknowledgement', async () => {
    await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: null, format: 'zip' });
    central.script('forge-receipt');
    await pusher(station).runDue();
    expect(station.deps.outbox.all()[0]).toMatchObject({ state: 'pending', lastErrorCode: 'receipt-signature-invalid', receipt: null, held: false });
    expect(station.deps.exports.list(1)[0]?.status).toBe('queued');

    configure(station, central.url, credential, null);
    clockMs += 60_000;
    await pusher(station).runDue();
    expect(station.deps.outbox.all()[0]).toMatchObject({ state: 'pending', lastErrorCode: 'receipt-no-hub-key', receipt: null });

    configure(station);
    clockMs += 60_000;
    await pusher(station).runDue();
    const [item] = station.deps.outbox.all();
    expect(item).toMatchObject({ state: 'acknowledged', lastErrorCode: null });
    expect(JSON.parse(item?.receipt ?? '{}').receipt).toMatchObject({ manifestSha256: item?.idempotencyKey, stationId: station.stationId, rows: { crossings: 20, alerts: 0 } });
  });

  it('a bundle the hub refuses for good (changed after export) is held, named, and not sent again; the next day is a gap, retried', async () => {
    station.record(5, DAY1_START + 2 * DAY_MS + 8 * 3_600_000, 600_000);
    clockMs = DAY1_START + 3 * DAY_MS + 3_600_000;
    const ids: string[] = [];
    for (const day of [0, 1, 2]) {
      const fromMs = DAY1_START + day * DAY_MS;
      ids.push((await exportBundle(station.deps, { fromMs, toMs: fromMs + DAY_MS, folder: null, format: 'zip' })).id);
    }
    const byExport = () => new Map(station.deps.outbox.all().map((item) => [item.exportId, item]));
    // Day 2's outbox copy is damaged after export: one byte of the crossings entry changes.
    const day2 = byExport().get(ids[1] as string);
    const zip = station.deps.outbox.bundle(day2?.idempotencyKey ?? '') ?? Buffer.alloc(0);
    const at = zip.indexOf(Buffer.from('crossings.jsonl')) + 40;
    zip[at] = (zip[at] ?? 0) ^ 0x01;
    station.store.database.prepare('UPDATE outbox_bundles SET zip = ? WHERE idempotency_key = ?').run(zip, day2?.idempotencyKey);

    await pusher(station).runDue();
    const after = byExport();
    expect(after.get(ids[0] as string)).toMatchObject({ state: 'acknowledged' });
    expect(after.get(ids[1] as string)).toMatchObject({ held: true, state: 'pending' });
    expect(['bundle-unreadable', 'bundle-invalid']).toContain(after.get(ids[1] as string)?.lastErrorCode);
    // Day 3 does not continue day 1, the last day the hub has: a gap, which can succeed later, so it is retried.
    expect(after.get(ids[2] as string)).toMatchObject({ held: false, lastErrorCode: 'gap' });

    const sent = central.requests.length;
    clockMs += 3_600_000;
    await pusher(station).runDue();
    // Only day 3 went again; the held day 2 was not sent.
    expect(central.requests.slice(sent).map((r) => r.key)).toEqual([after.get(ids[2] as string)?.idempotencyKey]);
    expect(await stored()).toEqual([after.get(ids[0] as string)?.idempotencyKey]);
  });
});

/** Every file (not folder) under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((name) => fs.statSync(path.join(dir, name)).isFile());
}

describe('outbox copies of bundles hold personal data: encrypted until acknowledged, then gone', () => {
  it('keeps a queued bundle only inside the encrypted database, never as a file, and deletes it with the verified receipt', async () => {
    const usb = tempDir();
    const centralOnly = (await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: null, format: 'zip' })).manifestSha256;
    const both = (await exportBundle(station.deps, { fromMs: DAY1_START + DAY_MS, toMs: DAY1_START + 2 * DAY_MS, folder: usb, format: 'folder' })).manifestSha256;
    // Before: `<data dir>/outbox/<id>.zip` and the central-only bundle, plaintext and 0644, kept for good.
    expect(filesUnder(path.join(dataDir, OUTBOX_FOLDER))).toEqual([]);
    expect(station.deps.outbox.keptBundles().sort()).toEqual([centralOnly, both].sort());
    expect(station.deps.outbox.all().map((item) => item.file)).toEqual(['', '']);
    // The kept zip is the signed bundle the USB stick got.
    const kept = readZipBundle(station.deps.outbox.bundle(both) ?? Buffer.alloc(0), 'outbox');
    if (!kept.ok) throw new Error(kept.message);
    expect(Buffer.from(kept.files.get('manifest.json') ?? []).toString()).toBe(fs.readFileSync(path.join(usb, fs.readdirSync(usb)[0] ?? '', 'manifest.json'), 'utf8'));

    // An answer whose receipt does not verify is no acknowledgement: the copy stays.
    central.script('forge-receipt', 'forge-receipt');
    await pusher(station).runDue();
    expect(station.deps.outbox.keptBundles().sort()).toEqual([centralOnly, both].sort());

    clockMs += 60_000;
    await pusher(station).runDue();
    expect(station.deps.outbox.all().map((item) => item.state)).toEqual(['acknowledged', 'acknowledged']);
    expect(station.deps.outbox.keptBundles()).toEqual([]);
    expect(station.deps.outbox.bundle(centralOnly)).toBeUndefined();
  });

  it('takes in the plaintext copies an earlier version left under <data dir>/outbox and removes every file there', async () => {
    const [first] = await queueTwoDays(station);
    const item = station.deps.outbox.all().find((row) => row.exportId === first);
    const key = item?.idempotencyKey ?? '';
    // What an earlier version left: the queue entry names a 0644 zip in the outbox folder, and a zip of an export
    // killed before it was queued lies beside it.
    const folder = path.join(dataDir, OUTBOX_FOLDER);
    const legacy = path.join(folder, `${first}.zip`);
    const zip = station.deps.outbox.bundle(key) ?? Buffer.alloc(0);
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    fs.writeFileSync(legacy, zip, { mode: 0o644 });
    fs.writeFileSync(path.join(folder, 'checkpoint-export_killed.zip'), zip, { mode: 0o644 });
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of fs.readdirSync(folder)) fs.utimesSync(path.join(folder, name), hourAgo, hourAgo);
    station.store.transaction(() => {
      station.store.database.prepare('DELETE FROM outbox_bundles WHERE idempotency_key = ?').run(key);
      station.store.database.prepare('UPDATE outbox SET file = ? WHERE idempotency_key = ?').run(legacy, key);
    });

    expect(takeInOutboxFiles(dataDir, { store: station.store, outbox: station.deps.outbox, logger: silentLogger, nowMs: () => Date.now() })).toBe(1);
    expect(filesUnder(folder)).toEqual([]);
    expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    expect(station.deps.outbox.get(key)?.file).toBe('');
    expect(station.deps.outbox.bundle(key)?.equals(zip)).toBe(true);
    await pusher(station).runDue();
    expect(await stored()).toHaveLength(2);
    expect(station.deps.outbox.keptBundles()).toEqual([]);
  });

  it('the retention purge erases a bundle never acknowledged once its crossings are purged, and holds it with the reason', async () => {
    const ids = await queueTwoDays(station);
    const byExport = () => new Map(station.deps.outbox.all().map((item) => [item.exportId, item]));
    // 30 days after the end of day 1 (+1 h): day 1's crossings are purged, day 2's not yet.
    const nowMs = DAY1_START + 31 * DAY_MS + 3_600_000;
    station.record(1, nowMs - 60_000, 1000); // today's crossing: the clock agrees with the log
    const retention = new RetentionService({ store: station.store, now: () => new Date(nowMs), logger: silentLogger, actor: () => 'station', centralLink: () => true });
    // Queued but never acknowledged: the administrator confirms erasing day 1's crossings by their count.
    expect(retention.preview(retention.days())).toMatchObject({ erase: 0, unexported: 20 });
    const purge = retention.purge({ compact: false, unexported: 20 });
    expect(purge.counts).toMatchObject({ crossings: 20, outboxBundles: 1 });
    expect(station.deps.outbox.keptBundles()).toEqual([byExport().get(ids[1] as string)?.idempotencyKey]);
    expect(byExport().get(ids[0] as string)).toMatchObject({ held: true, state: 'pending', lastErrorCode: 'outbox-copy-purged' });
    // Nothing left to send for day 1; day 2 goes.
    await pusher(station).runDue();
    expect(await stored()).toEqual([byExport().get(ids[1] as string)?.idempotencyKey]);
  });
});
