import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { CENTRAL_CREDENTIAL_KEY, CENTRAL_URL_KEY } from '../../../shared/app/export/export-settings';
import { OutboxPusher } from '../../../shared/app/export/outbox-pusher';
import { silentLogger } from '../../../shared/app/logger';
import { httpTransport } from '../../../shared/node/outbox';
import { startFakeCentral, type FakeCentral } from '../../support/central-server';
import { DAY1_START, DAY_MS, openTestStation, type TestStation } from '../../support/export-station';
import { ManualTimers } from '../../support/manual-timers';
import { tempDir } from '../../support/temp-dir';

const CREDENTIAL = 'station-secret-123';
let central: FakeCentral;
let dataDir: string;
let clockMs: number;
let station: TestStation;

const now = () => new Date(clockMs);

function configure(target: TestStation, url = central.url, credential = CREDENTIAL): void {
  target.store.transaction(() => {
    target.deps.exports.setSetting(CENTRAL_URL_KEY, url);
    target.deps.exports.setSetting(CENTRAL_CREDENTIAL_KEY, credential);
  });
}

function pusher(target: TestStation, timers = new ManualTimers()) {
  return new OutboxPusher({
    store: target.store,
    exports: target.deps.exports,
    outbox: target.deps.outbox,
    transport: httpTransport,
    stationId: () => target.stationId,
    now,
    timers,
    random: () => 0.5,
    backoff: { baseMs: 1_000, maxMs: 60_000 },
    timeoutMs: 300,
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

beforeEach(async () => {
  central = await startFakeCentral(CREDENTIAL);
  dataDir = tempDir();
  clockMs = DAY1_START + 2 * DAY_MS + 3_600_000;
  station = openTestStation(dataDir, now);
  station.record(20, DAY1_START + 8 * 3_600_000, 600_000);
  station.record(15, DAY1_START + DAY_MS + 8 * 3_600_000, 600_000);
  configure(station);
});

afterEach(async () => {
  station.store.close();
  await central.close();
});

describe('the outbox against a real HTTP server on 127.0.0.1', () => {
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
    expect(afterFirst[1]?.lastError).toBe('the central system did not answer within 300 ms');
    // Backoff: the first retry waits base × 2⁰ with equal jitter at 0.5 → 750 ms.
    expect((afterFirst[0]?.nextAttemptMs ?? 0) - clockMs).toBe(750);
    outbox.kick();
    expect(timers.scheduledMs).toBe(750);

    clockMs += 1_000;
    await outbox.runDue();
    expect(central.requests.map((r) => r.behaviour)).toEqual(['reset', 'hang', 500, 'accept-lose-answer']);
    expect(central.stored.size).toBe(1);
    // The second failure of each waits twice as long: 1,500 ms.
    expect(station.deps.outbox.all().map((item) => item.nextAttemptMs - clockMs)).toEqual([1_500, 1_500]);
    expect(station.deps.exports.list(10).map((row) => row.status)).toEqual(['queued', 'queued']);

    clockMs += 1_500;
    await outbox.runDue();
    expect(central.requests).toHaveLength(6);
    expect(central.stored.size).toBe(2);
    expect(new Set(central.requests.map((r) => r.key)).size).toBe(2);
    expect(central.corrupt).toEqual([]);
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
    expect(central.stored.size).toBe(0);
    station.store.close();

    station = openTestStation(dataDir, now);
    clockMs += 60_000;
    await pusher(station).runDue();
    expect(central.stored.size).toBe(2);
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
    expect(central.stored.size).toBe(1);
    expect(station.deps.exports.deliveryCounts().notAcknowledged).toBe(15);
  });

  it('a refused credential keeps the bundle, says why, and retries at the slowest pace', async () => {
    configure(station, central.url, 'wrong');
    await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: null, format: 'zip' });
    await pusher(station).runDue();
    const [item] = station.deps.outbox.all();
    expect(item).toMatchObject({ state: 'pending', attempts: 1, lastError: 'the central system refused the station credential (401)' });
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
});
