import { describe, expect, it } from 'vitest';
import { startAlertSweep, sweepAlerts } from '../../../central/board/alert-sweep';
import { openAlerts } from '../../../central/board/alerts-repo';
import { ensureBoardPartitions } from '../../../central/board/board-partitions';
import { saveCorridor } from '../../../central/board/corridor-repo';
import { reconcileIngested } from '../../../central/board/reconcile-ingested';
import { BUS, KZ_UZ_TJ, MIN, T0, busBundleRows } from '../../fixtures/corridor/journey-bus';
import { centralAdminUrl } from '../../support/central-db';
import { openTestHub } from '../../support/central-store';
import { ManualClock } from '../../support/manual-clock';

const HOUR = 60 * MIN;

/** A hub holding the seeds' bus (the missing traveller never reaches Tajikistan) and one station registered at T0. */
async function hubWithBus() {
  const store = await openTestHub();
  expect((await saveCorridor(store.sql, { chain: KZ_UZ_TJ, name: 'Zhibek Zholy → Oybek' }, 'hub-admin')).ok).toBe(true);
  const rows = busBundleRows();
  await ensureBoardPartitions(store.sql, rows.map((r) => Date.parse(r.recordedAt)));
  await store.sql.transaction((tx) => reconcileIngested(tx, rows));
  await store.sql.query(`INSERT INTO stations (station_id, fingerprint, credential_hash, created_at) VALUES ('st-tj-oybek', repeat('a', 64), repeat('b', 64), $1)`, [new Date(T0).toISOString()]);
  return store;
}

const codes = async (sql: Parameters<typeof openAlerts>[0]) => (await openAlerts(sql)).map((a) => [a.code, a.checkpointId ?? a.stationId]);

describe.skipIf(!centralAdminUrl())('the alert sweep: alerts that come from time passing, with no bundle arriving', () => {
  it('raises the missing traveller once the leg maximum has passed, and the station once it is silent past its send time', async () => {
    const { sql } = await hubWithBus();
    // The Tajik arrivals end 780 + 179/3 minutes after T0; the leg from the Uzbek exit allows 180 minutes.
    expect(await sweepAlerts(sql, T0 + 14 * HOUR)).toEqual({ journeys: { raised: 0, updated: 0, resolved: 0 }, stations: { raised: 0, updated: 0, resolved: 0 } });
    expect(await sweepAlerts(sql, T0 + 20 * HOUR)).toMatchObject({ journeys: { raised: 1 }, stations: { raised: 0 } });
    expect(await codes(sql)).toEqual([['journey.missing', 'TJ-OYBEK']]);
    // A day and two hours after registering, with no bundle: silent.
    expect(await sweepAlerts(sql, T0 + 27 * HOUR)).toMatchObject({ journeys: { raised: 0, resolved: 0 }, stations: { raised: 1 } });
    expect((await codes(sql)).sort()).toEqual([
      ['journey.missing', 'TJ-OYBEK'],
      ['station.silent', 'st-tj-oybek'],
    ]);
    const [missing] = (await openAlerts(sql)).filter((a) => a.code === 'journey.missing');
    expect(missing?.params).toMatchObject({ count: 1, groupSize: BUS.size });
  });

  it('runs by itself on a timer, at the time of the clock it is given', async () => {
    const { sql } = await hubWithBus();
    const clock = new ManualClock(new Date(T0 + 14 * HOUR));
    const errors: unknown[] = [];
    const sweep = startAlertSweep(sql, { now: () => clock.now(), everyMs: 50, onError: (e) => errors.push(e) });
    try {
      // The first sweep runs at start: nothing is due yet.
      expect(await sweep.runOnce()).toMatchObject({ journeys: { raised: 0 } });
      expect(await codes(sql)).toEqual([]);
      clock.advance(6 * HOUR);
      await expect.poll(() => codes(sql), { timeout: 20_000, interval: 50 }).toEqual([['journey.missing', 'TJ-OYBEK']]);
      clock.advance(7 * HOUR);
      await expect.poll(async () => (await codes(sql)).length, { timeout: 20_000, interval: 50 }).toBe(2);
    } finally {
      await sweep.stop();
    }
    expect(errors).toEqual([]);
  });

  it('lets one hub process sweep at a time: a second one at the same moment skips', async () => {
    const { sql } = await hubWithBus();
    const results = await Promise.all([sweepAlerts(sql, T0 + 20 * HOUR), sweepAlerts(sql, T0 + 20 * HOUR), sweepAlerts(sql, T0 + 20 * HOUR)]);
    expect(results.filter((r) => r !== null).reduce((n, r) => n + r!.journeys.raised, 0)).toBe(1);
    expect(await codes(sql)).toEqual([['journey.missing', 'TJ-OYBEK']]);
  });
});
