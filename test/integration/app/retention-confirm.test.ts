import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { openStationDatabase } from '../../../shared/node/db';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { DAY_MS } from '../../support/export-station';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

type Core = Awaited<ReturnType<typeof createCore>>;

/** A station whose shift lead exports and whose administrator purges, on a clock the test moves. */
async function station(start: string) {
  const dataDir = tempDir();
  const clock = new ManualClock(new Date(start));
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator', { roles: ['operator', 'shift-lead'] }) });
  const as = async (role: 'operator' | 'shift-lead' | 'admin') => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));
  const record = async (): Promise<string> => {
    await as('operator');
    const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    return unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' })).id;
  };
  /** The shift lead exports one station day to a USB folder. */
  const exportDay = async (date: string) => {
    await as('shift-lead');
    return unwrap(await core.exportBundle({ date, folder: tempDir('checkpoint-usb-'), format: 'folder' }));
  };
  return { dataDir, clock, core, as, record, exportDay };
}

/** Crossing id → whether its personal data is still there (read from the file, as an auditor would). */
function kept(dataDir: string): Record<string, boolean> {
  const db = openStationDatabase(dataDir, { readonly: true });
  const rows = db.prepare('SELECT id, document_number FROM crossings').all() as { id: string; document_number: string }[];
  db.close();
  return Object.fromEntries(rows.map((r) => [r.id, r.document_number !== '(purged)']));
}

const errorOf = (result: Awaited<ReturnType<Core['purgeExpired']>> | Awaited<ReturnType<Core['setRetention']>>) => (result.ok ? null : result.error);

describe('retention and export state', () => {
  it('keeps crossings no bundle holds until an administrator purges them naming their count', async () => {
    const s = await station('2021-03-01T08:00:00Z');
    const exported = await s.record();
    await s.exportDay('2021-03-01');
    s.clock.advance(DAY_MS);
    const neverExported = await s.record();
    s.clock.advance(40 * DAY_MS);
    const today = await s.record(); // the clock agrees with the log

    await s.as('admin');
    expect(unwrap(await s.core.previewRetention({ days: 30 }))).toMatchObject({ days: 30, erase: 1, unexported: 1, clockSuspect: null });
    expect(unwrap(await s.core.purgeExpired({})).counts.crossings).toBe(1);
    expect(kept(s.dataDir)).toEqual({ [exported]: false, [neverExported]: true, [today]: true });

    // A count that is not the one on screen erases nothing and says the right one.
    expect(errorOf(await s.core.purgeExpired({ unexported: 3 }))).toMatchObject({ code: 'conflict', key: 'retention.confirmUnexported', params: { count: 1 } });
    expect(kept(s.dataDir)[neverExported]).toBe(true);
    expect(unwrap(await s.core.purgeExpired({ unexported: 1 })).counts.crossings).toBe(1);
    expect(kept(s.dataDir)).toEqual({ [exported]: false, [neverExported]: false, [today]: true });
    expect(unwrap(await s.core.previewRetention({ days: 30 }))).toMatchObject({ erase: 0, unexported: 0 });
    s.core.close();

    // The administrator's confirmation is in the audit log, by name.
    const db = openStationDatabase(s.dataDir, { readonly: true });
    const rows = db.prepare("SELECT actor, payload_json FROM audit_log WHERE action = 'retention.purged' ORDER BY seq").all() as { actor: string; payload_json: string }[];
    db.close();
    expect(rows.map((r) => JSON.parse(r.payload_json) as { crossings: number; unexportedConfirmed?: boolean })).toMatchObject([{ crossings: 1 }, { crossings: 1, unexportedConfirmed: true }]);
    expect(JSON.parse(rows[0]!.payload_json)).not.toHaveProperty('unexportedConfirmed');
    expect(rows[1]!.actor).toMatch(/^user:/);
  });

  it('the background purge never erases a crossing no bundle holds', async () => {
    const s = await station('2021-03-01T08:00:00Z');
    const exported = await s.record();
    await s.exportDay('2021-03-01');
    s.clock.advance(DAY_MS);
    const neverExported = await s.record();
    s.clock.advance(40 * DAY_MS);
    await s.record();
    s.core.close();
    const again = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: s.dataDir, clock: s.clock, logger: silentLogger, bootstrap: testBootstrap('operator'), retentionFirstRunMs: 0 });
    await expect.poll(() => kept(s.dataDir)[exported], { timeout: 10_000 }).toBe(false);
    again.close();
    expect(kept(s.dataDir)[neverExported]).toBe(true);
  });

  it('with a central link, a bundle counts only once the hub acknowledged it', async () => {
    const s = await station('2021-03-01T08:00:00Z');
    await s.as('admin');
    unwrap(await s.core.saveExportSettings({ centralUrl: 'https://central.example.org/bundles', credential: 'station-credential-1' }));
    const onUsb = await s.record();
    await s.exportDay('2021-03-01');
    s.clock.advance(40 * DAY_MS);
    await s.record();
    await s.as('admin');
    // Written to a stick and queued, but the hub has not acknowledged it: not counted as delivered.
    expect(unwrap(await s.core.previewRetention({ days: 30 }))).toMatchObject({ erase: 0, unexported: 1 });
    expect(unwrap(await s.core.purgeExpired({})).counts.crossings).toBe(0);
    expect(kept(s.dataDir)[onUsb]).toBe(true);
    s.core.close();
  });

  it('changing the period says how many crossings it erases and saves nothing without that count', async () => {
    const s = await station('2021-03-01T08:00:00Z');
    const old = await s.record();
    await s.exportDay('2021-03-01');
    s.clock.advance(20 * DAY_MS);
    const recent = await s.record();
    await s.as('admin');

    expect(unwrap(await s.core.previewRetention({ days: 10 }))).toMatchObject({ days: 10, erase: 1, unexported: 0, clockSuspect: null, cutoff: '2021-03-11T08:00:00.000Z' });
    expect(errorOf(await s.core.setRetention({ days: 10 }))).toMatchObject({ code: 'conflict', key: 'retention.confirmErase', params: { count: 1 } });
    expect(errorOf(await s.core.setRetention({ days: 10, erase: 2 }))).toMatchObject({ code: 'conflict', key: 'retention.confirmErase', params: { count: 1 } });
    expect(unwrap(await s.core.getRetention({}))).toMatchObject({ days: 30, lastPurge: null });
    expect(kept(s.dataDir)[old]).toBe(true);

    expect(unwrap(await s.core.setRetention({ days: 10, erase: 1 }))).toMatchObject({ days: 10, lastPurge: { counts: { crossings: 1 } } });
    expect(kept(s.dataDir)).toEqual({ [old]: false, [recent]: true });
    // A longer period erases nothing: no count to confirm.
    expect(unwrap(await s.core.setRetention({ days: 60 }))).toMatchObject({ days: 60 });
    s.core.close();
  });

  it("an administrator's purge refuses on a suspect clock, in a sentence, and erases nothing", async () => {
    const s = await station('2021-03-01T08:00:00Z');
    const old = await s.record();
    await s.exportDay('2021-03-01');
    s.clock.advance(31 * DAY_MS); // a clock a month fast, no crossing since
    await s.as('admin');
    const ahead = errorOf(await s.core.purgeExpired({}));
    expect(ahead).toMatchObject({ code: 'conflict', key: 'retention.clockAhead' });
    expect(ahead?.message).toMatch(/more than a day past the newest crossing/);
    expect(errorOf(await s.core.purgeExpired({ unexported: 0 }))).toMatchObject({ key: 'retention.clockAhead' });
    expect(unwrap(await s.core.previewRetention({ days: 30 }))).toMatchObject({ erase: 1, clockSuspect: 'clock-ahead' });
    // Saving a period on a suspect clock keeps the period and erases nothing yet.
    expect(unwrap(await s.core.setRetention({ days: 20 }))).toMatchObject({ days: 20, lastPurge: null });
    expect(kept(s.dataDir)[old]).toBe(true);

    s.clock.advance(-32 * DAY_MS); // now earlier than the newest crossing
    expect(errorOf(await s.core.purgeExpired({}))).toMatchObject({ code: 'conflict', key: 'retention.clockBehind' });
    expect(kept(s.dataDir)[old]).toBe(true);
    s.core.close();
  });
});
