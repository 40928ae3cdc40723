import fs from 'node:fs';
import path from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { RetentionService } from '../../../shared/app/retention/retention-service';
import { verifyBundle } from '../../../shared/domain/export';
import { AuditLog, DATABASE_FILE_NAME, StationStore, migrate, openStationDatabase, type SqliteDatabase } from '../../../shared/node/db';
import { readBundle } from '../../../shared/node/export';
import { CORRIDOR, manifestCsv, mrzOf, stationAt, traveller } from '../../fixtures/corridor/bus';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_USERNAME, testBootstrap, testUser } from '../../support/core-session';
import { DAY1_START, DAY_MS, crossingAt, openTestStation } from '../../support/export-station';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

/** Every text cell of every table that contains `needle`, as "table.column" (the encrypted file cannot be grepped). */
function cellsContaining(db: SqliteDatabase, needle: string): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const hits: string[] = [];
  for (const table of tables) {
    for (const { name } of db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]) {
      const found = db.prepare(`SELECT count(*) FROM "${table}" WHERE instr(CAST("${name}" AS TEXT), ?) > 0`).pluck().get(needle) as number;
      if (found > 0) hits.push(`${table}.${name}`);
    }
  }
  return hits;
}

async function recordPassport(core: Awaited<ReturnType<typeof createCore>>) {
  const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
  return unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry', note: `spoke with ${TAJIK_PASSPORT.surname}` }));
}

describe('retention purge (issue 7)', () => {
  it('blanks personal fields older than the period, keeps counts and the audit chain, and writes an audit row', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T08:00:00Z'));
    const core = await createCore({ dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator') });
    const old = await recordPassport(core);
    clock.advance(20 * DAY_MS);
    const recent = await recordPassport(core);
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));

    expect(unwrap(await core.getRetention({}))).toMatchObject({ days: 30, lastPurge: { counts: { crossings: 0 } } });
    expect(await core.setRetention({ days: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    clock.advance(11 * DAY_MS); // the first crossing is now 31 days old, the second 11
    const purge = unwrap(await core.purgeExpired({}));
    expect(purge).toMatchObject({ cutoff: '2021-03-02T08:00:00.000Z', counts: { crossings: 1 }, compacted: true, checkpointBusy: false });
    // A second run finds nothing left to do.
    expect(unwrap(await core.purgeExpired({})).counts.crossings).toBe(0);
    // A shorter period purges at once.
    expect(unwrap(await core.setRetention({ days: 7 }))).toMatchObject({ days: 7, lastPurge: { counts: { crossings: 1 } } });
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    expect(cellsContaining(db, TAJIK_PASSPORT.surname)).toEqual([]);
    expect(cellsContaining(db, TAJIK_PASSPORT.documentNumber)).toEqual([]);
    expect(cellsContaining(db, TAJIK_PASSPORT.givenNames)).toEqual([]);
    const rows = db.prepare('SELECT id, direction, outcome, nationality, document_number, birth_date, note FROM crossings ORDER BY sequence').all();
    expect(rows).toEqual([
      { id: old.id, direction: 'entry', outcome: old.outcome, nationality: 'TJK', document_number: '(purged)', birth_date: null, note: null },
      { id: recent.id, direction: 'entry', outcome: recent.outcome, nationality: 'TJK', document_number: '(purged)', birth_date: null, note: null },
    ]);
    expect(new AuditLog(db).verify()).toMatchObject({ ok: true });
    const actions = db.prepare('SELECT action, actor, payload_json FROM audit_log WHERE action LIKE ? ORDER BY seq').all('retention.%') as { action: string; actor: string; payload_json: string }[];
    expect(actions.map((a) => a.action)).toEqual(['retention.purged', 'retention.period-set', 'retention.purged']);
    expect(new Set(actions.map((a) => a.actor))).toEqual(new Set([expect.stringMatching(/^user:/)]));
    expect(JSON.parse(actions[0]!.payload_json)).toMatchObject({ cutoff: '2021-03-02T08:00:00.000Z', days: 30, crossings: 1 });
    db.close();
  });

  it('runs at start: a station restarted after the period no longer holds the names', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T08:00:00Z'));
    const first = await createCore({ dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator') });
    await recordPassport(first);
    first.close();
    clock.advance(31 * DAY_MS);
    const second = await createCore({ dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator') });
    const crossings = unwrap(await second.listCrossings({ limit: 10 })).items;
    expect(crossings).toHaveLength(1);
    expect(crossings[0]?.document).toMatchObject({ surname: '', givenNames: '', documentNumber: '(purged)', birthDate: null, nationality: 'TJK' });
    second.close();
  });

  it("purges a closed bus's manifest and driver with its crossings, and the screens still show the purged rows", async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const core = await createCore({
      dataDir,
      clock,
      logger: silentLogger,
      bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator')], signIn: TEST_USERNAME.operator },
    });
    const bus = Array.from({ length: 5 }, (_, i) => traveller(i, { surname: `QZXMANIFEST${'ABCDE'[i]}` }));
    const group = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 09', driverName: 'QZXDRIVERNAME', expectedCount: 5 }));
    unwrap(await core.importManifest({ groupId: group.id, fileName: 'bus-09.csv', format: 'csv', content: manifestCsv(bus) }));
    unwrap(await core.setLaneGroup({ groupId: group.id }));
    for (const t of bus.slice(0, 2)) {
      const scan = unwrap(await core.scan({ payload: mrzOf(t), source: 'wedge' }));
      unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
    }
    unwrap(await core.closeGroup({ groupId: group.id, stage: 'departed' }));
    clock.advance(31 * DAY_MS);
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    expect(unwrap(await core.purgeExpired({})).counts).toMatchObject({ crossings: 2, manifestEntries: 5, groups: 1 });
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    // The purged rows still pass the contract on the way out: the group screen and the log list them.
    const detail = unwrap(await core.getGroup({ groupId: group.id }));
    expect(JSON.stringify(detail)).not.toMatch(/QZX/);
    expect(unwrap(await core.listCrossings({ limit: 10 })).total).toBe(2);
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    expect(cellsContaining(db, 'QZX')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM manifest_entries WHERE group_id = ?').pluck().get(group.id)).toBe(5);
    expect(new AuditLog(db).verify()).toMatchObject({ ok: true });
    db.close();
  });

  it('leaves a bundle exported before the purge verifiable, and the same crossings counted', async () => {
    const dataDir = tempDir();
    const now = { at: DAY1_START + 2 * DAY_MS };
    const station = openTestStation(dataDir, () => new Date(now.at));
    station.record(6, DAY1_START + 3_600_000, 60_000);
    const out = tempDir();
    const row = await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: out, format: 'folder' });
    expect(row.crossings).toBe(6);

    now.at = DAY1_START + 40 * DAY_MS;
    const retention = new RetentionService({ store: station.store, now: () => new Date(now.at), logger: silentLogger, actor: () => 'station' });
    expect(retention.purge().counts.crossings).toBe(6);
    expect(station.store.countCrossings()).toBe(6);
    expect(station.store.verifyAudit()).toMatchObject({ ok: true });
    station.store.close();

    const read = readBundle(row.destination!);
    if (!read.ok) throw new Error(read.message);
    expect(await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } })).toMatchObject({ ok: true });
  });

  it('removes the name bytes from the database and WAL files (secure_delete, VACUUM, TRUNCATE checkpoint), seen on an unencrypted file', () => {
    // Encrypted files hide names anyway; a plaintext connection shows what the purge itself leaves on disk.
    const dir = tempDir();
    const file = path.join(dir, DATABASE_FILE_NAME);
    const plain = new PlainDatabase(file);
    plain.pragma('journal_mode = WAL');
    plain.pragma('synchronous = FULL');
    migrate(plain);
    const store = new StationStore(plain);
    const surname = 'QZXWYBORODINOVA';
    for (let i = 1; i <= 40; i += 1) store.recordCrossing({ ...crossingAt(i, DAY1_START + i * 1000, 'STN-TEST'), document: { ...crossingAt(i, 0, '').document, surname } }, 'station');
    const onDisk = () => Buffer.concat(fs.readdirSync(dir).map((name) => fs.readFileSync(path.join(dir, name))));
    expect(onDisk().includes(surname)).toBe(true); // the check below can fail

    const retention = new RetentionService({ store, now: () => new Date(DAY1_START + 60 * DAY_MS), logger: silentLogger, actor: () => 'station' });
    expect(retention.purge()).toMatchObject({ counts: { crossings: 40 }, compacted: true, checkpointBusy: false });
    // Still open: no close-time checkpoint helps here.
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    expect(onDisk().includes(surname)).toBe(false);
    expect(onDisk().includes('A00000001')).toBe(false);
    expect(store.countCrossings()).toBe(40);
    store.close();
  });
});
