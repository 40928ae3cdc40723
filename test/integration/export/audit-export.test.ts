/**
 * The export signs only what the audit trail vouches for, and carries the signed chain heads so that a later bundle
 * cannot hide rows removed from the log. On the station before this, the tampered period exported and verified.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { verifyBundle } from '../../../shared/domain/export';
import { HEADS_FILE_NAME, verifiedHeadPath } from '../../../shared/node/audit-anchor';
import { openStationDatabase } from '../../../shared/node/db';
import { readBundle } from '../../../shared/node/export';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { DAY1_START, DAY_MS, openTestStation } from '../../support/export-station';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const opened: Core[] = [];
afterEach(() => {
  for (const core of opened.splice(0)) core.close();
});

async function coreAt(dataDir: string, atMs: number): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock: new ManualClock(new Date(atMs)),
    logger: silentLogger,
    appVersion: 'test',
    bootstrap: testBootstrap('shift-lead', { roles: ['shift-lead'] }),
  });
  opened.push(core);
  return core;
}

function usb(): string {
  return tempDir('usb-');
}

describe('the export writer vouches for its period', () => {
  it('refuses to sign a period whose crossings no longer match their audit rows, and writes nothing', async () => {
    const dataDir = tempDir();
    const station = openTestStation(dataDir);
    station.record(6, DAY1_START + 8 * 3_600_000, 900_000);
    station.store.close();
    const core = await coreAt(dataDir, DAY1_START + DAY_MS + 3_600_000);
    const first = unwrap(await core.exportBundle({ date: '2021-03-01', folder: usb(), format: 'folder' }));
    const read = readBundle(first.destination as string);
    if (!read.ok) throw new Error('unreadable bundle');
    expect((await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } })).ok).toBe(true);
    // The head signed as the bundle was written is in its manifest, with the row the chain had reached.
    const manifest = (await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } })).manifest;
    expect(manifest?.auditHeads?.at(-1)).toMatchObject({ stationId: station.stationId, publicKey: station.key.publicKey });
    core.close();

    // The attacker turns a NOT OK crossing into an OK one, record and current state alike.
    const db = openStationDatabase(dataDir);
    const target = db.prepare("SELECT id FROM crossings WHERE outcome = 'NOT_OK' LIMIT 1").pluck().get() as string;
    db.prepare("UPDATE crossings SET outcome = 'OK' WHERE id = ?").run(target);
    db.prepare("UPDATE crossing_state SET outcome = 'OK' WHERE crossing_id = ?").run(target);
    db.close();

    const again = await coreAt(dataDir, DAY1_START + DAY_MS + 2 * 3_600_000);
    const folder = usb();
    const refused = await again.exportBundle({ date: '2021-03-01', folder, format: 'folder' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/do not match the audit trail/) } });
    expect(!refused.ok && refused.error.message).toContain(target);
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(unwrap(await again.listExports({})).items).toHaveLength(1);
  });

  it('a bundle after rows were cut from the log (and the heads file removed) breaks the chain of signed heads', async () => {
    const dataDir = tempDir();
    const station = openTestStation(dataDir);
    station.record(4, DAY1_START + 8 * 3_600_000, 900_000);
    // Day 2 starts before day 1 is exported: the head signed at the export covers these rows too.
    station.record(20, DAY1_START + DAY_MS + 1 * 3_600_000, 60_000);
    station.store.close();
    const core = await coreAt(dataDir, DAY1_START + DAY_MS + 3 * 3_600_000);
    const day1 = unwrap(await core.exportBundle({ date: '2021-03-01', folder: usb(), format: 'folder' }));
    core.close();

    // The attacker removes day 2's crossings with their audit rows (and every row after them) and the heads file.
    const db = openStationDatabase(dataDir);
    const from = db.prepare("SELECT min(seq) FROM audit_log WHERE action = 'crossing.recorded' AND at >= ?").pluck().get(new Date(DAY1_START + DAY_MS).toISOString()) as number;
    db.exec('DROP TRIGGER audit_log_no_delete');
    const ids = db.prepare("SELECT entity_id FROM audit_log WHERE seq >= ? AND action = 'crossing.recorded'").pluck().all(from) as string[];
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(from);
    // A careful attacker also winds the row counter back, so the numbers continue without a gap.
    db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(from - 1);
    db.pragma('foreign_keys = OFF');
    for (const id of ids) for (const table of ['crossing_state', 'crossings']) db.prepare(`DELETE FROM ${table} WHERE ${table === 'crossings' ? 'id' : 'crossing_id'} = ?`).run(id);
    db.prepare('DELETE FROM exports').run();
    db.exec("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END");
    db.close();
    fs.rmSync(path.join(dataDir, HEADS_FILE_NAME));

    const later = await coreAt(dataDir, DAY1_START + 2 * DAY_MS + 3_600_000);
    // The day-1 export signed the point it verified the chain to beside the database: that row is gone, so the station
    // itself signs nothing.
    const refused = await later.exportBundle({ date: '2021-03-02', folder: usb(), format: 'folder' });
    expect(refused.ok ? 'signed' : refused.error.message).toMatch(/verified by an earlier check, is gone/);
    // Removed as well: the station now signs a bundle, and the chain of signed heads at the hub tells the truncation.
    fs.rmSync(verifiedHeadPath(dataDir));
    const day2 = unwrap(await later.exportBundle({ date: '2021-03-02', folder: usb(), format: 'folder' }));
    const previous = readBundle(day1.destination as string);
    const current = readBundle(day2.destination as string);
    if (!previous.ok || !current.ok) throw new Error('unreadable bundle');
    // Alone, the day-2 bundle is a valid bundle of an empty day; following day 1 it is not.
    expect((await verifyBundle({ files: current.files, signer: { publicKey: station.key.publicKey } })).ok).toBe(true);
    const chained = await verifyBundle({ files: current.files, previous: previous.files, signer: { publicKey: station.key.publicKey } });
    expect(chained.ok).toBe(false);
    expect(chained.problems).toContainEqual(expect.objectContaining({ code: 'chain-broken', message: expect.stringMatching(/went backwards.*truncated/) }));
  });
});
