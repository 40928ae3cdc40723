import fs from 'node:fs';
import path from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { RetentionService } from '../../../shared/app/retention/retention-service';
import { verifyBundle } from '../../../shared/domain/export';
import { AuditLog, DATABASE_FILE_NAME, StationStore, migrate, openStationDatabase, type SqliteDatabase } from '../../../shared/node/db';
import { EvidenceRepo } from '../../../shared/node/db/evidence-repo';
import { readBundle } from '../../../shared/node/export';
import { CORRIDOR, manifestCsv, mrzOf, stationAt, traveller } from '../../fixtures/corridor/bus';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap, testUser } from '../../support/core-session';
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

/** An administrator's purge of everything past the period, confirming the crossings no bundle holds by their count. */
const purgeAll = (retention: RetentionService, options: { compact?: boolean } = {}) => retention.purge({ ...options, unexported: retention.preview(retention.days()).unexported });

describe('retention purge', () => {
  it('blanks personal fields older than the period, keeps counts and the audit chain, and writes an audit row', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T08:00:00Z'));
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator') });
    const old = await recordPassport(core);
    clock.advance(20 * DAY_MS);
    const recent = await recordPassport(core);
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));

    // Nothing ran at start: the first purge runs in the background a few seconds later.
    expect(unwrap(await core.getRetention({}))).toMatchObject({ days: 30, lastPurge: null });
    expect(await core.setRetention({ days: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    clock.advance(11 * DAY_MS); // the first crossing is now 31 days old, the second 11
    // Someone crosses today, so the clock agrees with the log (an administrator's purge refuses otherwise).
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    const today = unwrap(await core.recordCrossing({ scanId: unwrap(await core.scan({ payload: mrzOf(traveller(1, { surname: 'TODAYTRAVELLER' })) })).scanId, direction: 'entry' }));
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    // Neither crossing was exported: the administrator confirms erasing them by their count.
    const purge = unwrap(await core.purgeExpired({ unexported: 1 }));
    expect(purge).toMatchObject({ cutoff: '2021-03-02T08:00:00.000Z', counts: { crossings: 1 }, compacted: true, checkpointBusy: false });
    // A second run finds nothing left to do.
    expect(unwrap(await core.purgeExpired({})).counts.crossings).toBe(0);
    // A shorter period: the crossing past it was never exported, so it waits for the administrator's count.
    expect(unwrap(await core.setRetention({ days: 7 }))).toMatchObject({ days: 7, lastPurge: { counts: { crossings: 0 } } });
    expect(unwrap(await core.purgeExpired({ unexported: 1 })).counts.crossings).toBe(1);
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    expect(cellsContaining(db, TAJIK_PASSPORT.surname)).toEqual([]);
    expect(cellsContaining(db, TAJIK_PASSPORT.documentNumber)).toEqual([]);
    expect(cellsContaining(db, TAJIK_PASSPORT.givenNames)).toEqual([]);
    const rows = db.prepare('SELECT id, direction, outcome, nationality, document_number, birth_date, note FROM crossings ORDER BY sequence').all();
    expect(rows).toEqual([
      { id: old.id, direction: 'entry', outcome: old.outcome, nationality: 'TJK', document_number: '(purged)', birth_date: null, note: null },
      { id: recent.id, direction: 'entry', outcome: recent.outcome, nationality: 'TJK', document_number: '(purged)', birth_date: null, note: null },
      expect.objectContaining({ id: today.id, document_number: expect.not.stringMatching(/purged/) }),
    ]);
    expect(new AuditLog(db).verify()).toMatchObject({ ok: true });
    const actions = db.prepare('SELECT action, actor, payload_json FROM audit_log WHERE action LIKE ? ORDER BY seq').all('retention.%') as { action: string; actor: string; payload_json: string }[];
    expect(actions.map((a) => a.action)).toEqual(['retention.purged', 'retention.period-set', 'retention.purged']);
    expect(new Set(actions.map((a) => a.actor))).toEqual(new Set([expect.stringMatching(/^user:/)]));
    expect(JSON.parse(actions[0]!.payload_json)).toMatchObject({ cutoff: '2021-03-02T08:00:00.000Z', days: 30, crossings: 1 });
    db.close();
  });

  it('runs in the background after start, and waits while the clock is more than a day past the newest crossing', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T08:00:00Z'));
    const first = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator', { roles: ['operator', 'shift-lead'] }) });
    await recordPassport(first);
    // Exported: the background purge erases only crossings a bundle holds.
    unwrap(await first.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    unwrap(await first.exportBundle({ date: '2021-03-01', folder: tempDir('checkpoint-usb-'), format: 'folder' }));
    first.close();
    // 31 days later by the clock: a station off for a month, or a clock set a month fast. The clock is not trusted.
    clock.advance(31 * DAY_MS);
    const open = () => createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap('operator'), retentionFirstRunMs: 0 });
    const second = await open();
    const names = async (core: Awaited<ReturnType<typeof createCore>>) => unwrap(await core.listCrossings({ limit: 10 })).items.map((c) => c.document.surname);
    await new Promise((r) => setTimeout(r, 100));
    expect(await names(second)).toEqual([TAJIK_PASSPORT.surname]);
    expect(unwrap(await second.getStatus({})).lane?.retentionPaused).toBe('clock-ahead');
    // A crossing recorded now: the log and the clock agree again, and the next run purges the month-old one.
    await recordPassport(second);
    expect(unwrap(await second.getStatus({})).lane?.retentionPaused).toBeNull();
    second.close();
    const third = await open();
    await expect.poll(async () => (await names(third)).sort(), { timeout: 10_000 }).toEqual(['', TAJIK_PASSPORT.surname]);
    third.close();
    // A clock set back before the newest crossing stops it too.
    clock.advance(-2 * DAY_MS);
    const fourth = await open();
    expect(unwrap(await fourth.getStatus({})).lane?.retentionPaused).toBe('clock-behind');
    fourth.close();
  });

  it("purges a closed bus's manifest and driver with its crossings, and the screens still show the purged rows", async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const core = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
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
    // Someone crosses today, so the clock agrees with the log; the bus's crossings were never exported (confirmed by count).
    unwrap(await core.setLaneGroup({ groupId: null }));
    unwrap(await core.recordCrossing({ scanId: unwrap(await core.scan({ payload: mrzOf(traveller(9, { surname: 'TODAYTRAVELLER' })), source: 'wedge' })).scanId, direction: 'entry' }));
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    expect(unwrap(await core.purgeExpired({ unexported: 2 })).counts).toMatchObject({ crossings: 2, manifestEntries: 5, groups: 1 });
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    // The purged rows still pass the contract on the way out: the group screen and the log list them.
    const detail = unwrap(await core.getGroup({ groupId: group.id }));
    expect(JSON.stringify(detail)).not.toMatch(/QZX/);
    expect(unwrap(await core.listCrossings({ limit: 10 })).total).toBe(3);
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    expect(cellsContaining(db, 'QZX')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM manifest_entries WHERE group_id = ?').pluck().get(group.id)).toBe(5);
    expect(new AuditLog(db).verify()).toMatchObject({ ok: true });
    db.close();
  });

  it('deletes travellers decided and never recorded before the cutoff with the rest; one parked within the period stays', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const open = (bootstrap: boolean) =>
      createCore({
        pinHashCost: TEST_PIN_HASH_COST,
        dataDir,
        clock,
        logger: silentLogger,
        ...(bootstrap ? { bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator')], signIn: TEST_USERNAME.operator } } : {}),
      });
    const core = await open(true);
    // Scanned, decided, never recorded: parked in the lane's strip (and in parked_travellers) with his name.
    unwrap(await core.scan({ payload: mrzOf(traveller(3, { surname: 'QZXPARKEDOLD' })), source: 'wedge' }));
    clock.advance(31 * DAY_MS);
    const recent = unwrap(await core.scan({ payload: mrzOf(traveller(4, { surname: 'QZXPARKEDNEW' })), source: 'wedge' }));
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    expect(unwrap(await core.purgeExpired({})).counts).toMatchObject({ parkedTravellers: 1 });
    // The lane forgets him at once, not only at the next start.
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    expect(unwrap(await core.listParked({})).items.map((p) => p.scanId)).toEqual([recent.scanId]);
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    expect(cellsContaining(db, 'QZXPARKEDOLD')).toEqual([]);
    expect(db.prepare('SELECT scan_id FROM parked_travellers').pluck().all()).toEqual([recent.scanId]);
    expect(new AuditLog(db).verify()).toMatchObject({ ok: true });
    db.close();
    const again = await open(false);
    unwrap(await again.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    expect(unwrap(await again.listParked({})).items.map((p) => p.scanId)).toEqual([recent.scanId]);
    again.close();
  });

  it('clears certificate holders, certificate ids, scanned text and photos from evidence, keeping kind and outcome', () => {
    const station = openTestStation(tempDir());
    station.record(1, DAY1_START, 1000);
    const crossingId = station.store.listCrossings({ limit: 1 }).items[0]!.id;
    const capturedAt = new Date(DAY1_START).toISOString();
    const evidence = [
      {
        evidence: {
          kind: 'dcc', id: 'e-dcc', capturedAt, payloadSha256: 'ab'.repeat(32), valid: true, steps: {}, problems: [], codes: [],
          holder: { surname: 'QZXHOLDER', givenNames: 'MADINA', birthDate: '1990-01-15' },
          test: { kind: 'pcr', typeCode: 'LP6464-4', result: 'negative', resultCode: '260415000', sampleTime: capturedAt, country: 'UZ', issuer: 'MoH', certificateId: 'URN:UVCI:QZXCERTID' },
          hcert: { nam: { fn: 'QZXHOLDER' } },
        },
        outcome: 'OK',
      },
      { evidence: { kind: 'paper-lab', id: 'e-paper', capturedAt, lab: 'Lab 1', testKind: 'pcr', sampleTime: capturedAt, result: 'negative', certificateNumber: 'QZXPAPER1', hasPhoto: true, holder: { surname: 'QZXPRINTED', givenNames: 'MADINA', birthDate: '1990-01-15' } }, outcome: 'NEEDS_CROSS_CHECK', photo: { bytes: new Uint8Array([0xff, 0xd8, 0x51, 0x5a, 0x58]), type: 'image/jpeg' } },
      { evidence: { kind: 'other-qr', id: 'e-qr', capturedAt, payloadSha256: 'cd'.repeat(32), form: 'text', text: 'QZX free text' }, outcome: 'NOT_OK' },
    ] as unknown as Parameters<EvidenceRepo['insertForCrossing']>[1];
    const repo = new EvidenceRepo(station.store.database);
    station.store.transaction(() => repo.insertForCrossing(crossingId, evidence));
    station.record(1, DAY1_START + 40 * DAY_MS - 60_000, 1000); // today's crossing: the clock agrees with the log

    const retention = new RetentionService({ store: station.store, now: () => new Date(DAY1_START + 40 * DAY_MS), logger: silentLogger, actor: () => 'station', centralLink: () => false });
    expect(purgeAll(retention).counts).toMatchObject({ crossings: 1, evidence: 3 });
    expect(cellsContaining(station.store.database, 'QZX')).toEqual([]);
    expect(repo.forCrossing(crossingId).map(({ evidence: e, outcome }) => [e.kind, outcome])).toEqual([
      ['dcc', 'OK'],
      ['paper-lab', 'NEEDS_CROSS_CHECK'],
      ['other-qr', 'NOT_OK'],
    ]);
    expect(repo.forCrossing(crossingId)[1]?.evidence).toMatchObject({ certificateNumber: '', hasPhoto: false, lab: 'Lab 1' });
    expect(station.store.database.prepare('SELECT count(*) FROM evidence WHERE photo IS NOT NULL').pluck().get()).toBe(0);
    // Again: nothing left to clear.
    expect(purgeAll(retention).counts).toMatchObject({ crossings: 0, evidence: 0 });
    station.store.close();
  });

  it('runs daily on its own timer once scheduled', async () => {
    const now = { at: DAY1_START + DAY_MS };
    const station = openTestStation(tempDir(), () => new Date(now.at));
    station.record(2, DAY1_START, 1000);
    // Exported: the scheduled purge erases only crossings a bundle holds.
    await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS, folder: tempDir(), format: 'folder' });
    const retention = new RetentionService({ store: station.store, now: () => new Date(now.at), logger: silentLogger, actor: () => 'station', centralLink: () => false });
    retention.schedule(20, 0); // a "day" of 20 ms; the first run is at once and finds nothing old enough
    await expect.poll(() => retention.status().lastPurge?.counts.crossings, { timeout: 10_000 }).toBe(0);
    // 40 days on, with a crossing recorded then (a clock a day past the newest crossing holds the purge back).
    now.at = DAY1_START + 40 * DAY_MS;
    station.record(1, now.at - 60_000, 1000);
    const purged = () => station.store.listCrossings({ limit: 10 }).items.filter((c) => c.document.documentNumber === '(purged)').length;
    expect(purged()).toBe(0);
    await expect.poll(purged, { timeout: 10_000 }).toBe(2);
    retention.stop();
    station.store.close();
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
    station.record(1, now.at - 60_000, 1000); // today's crossing: the clock agrees with the log
    const retention = new RetentionService({ store: station.store, now: () => new Date(now.at), logger: silentLogger, actor: () => 'station', centralLink: () => false });
    expect(retention.purge().counts.crossings).toBe(6);
    expect(station.store.countCrossings()).toBe(7);
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
    store.recordCrossing(crossingAt(41, DAY1_START + 60 * DAY_MS - 60_000, 'STN-TEST'), 'station'); // today's: the clock agrees with the log

    const retention = new RetentionService({ store, now: () => new Date(DAY1_START + 60 * DAY_MS), logger: silentLogger, actor: () => 'station', centralLink: () => false });
    expect(purgeAll(retention)).toMatchObject({ counts: { crossings: 40 }, compacted: true, checkpointBusy: false });
    // Still open: no close-time checkpoint helps here.
    expect(fs.statSync(`${file}-wal`).size).toBe(0);
    expect(onDisk().includes(surname)).toBe(false);
    expect(onDisk().includes('A00000001')).toBe(false);
    expect(store.countCrossings()).toBe(41);
    store.close();
  });
});
