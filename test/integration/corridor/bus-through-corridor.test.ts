import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Alert, Core, Direction, PersonStatus, RecordedCrossing } from '../../../shared/contract';
import { pairingProblems, type Passage } from '../../../shared/domain/corridor';
import type { Role } from '../../../shared/domain/auth';
import { StationStore, openStationDatabase } from '../../../shared/node/db';
import type { CrossingExportRow } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { bundleSchemaProblemsAt } from '../../support/bundle-schema';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, manifestCsv, mrzOf, stationAt, traveller, type Traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const BUS = Array.from({ length: 180 }, (_, i) => traveller(i));
const NO_SHOWS = [6, 50, 120];
const MISSING_AT_EXIT = 100;
const REPLACED_PASSPORT = 20;
const DUPLICATE = 10;
const STOWAWAY = traveller(500, { documentNumber: 'TJ7777777', surname: 'NOMALUM', givenNames: 'SHAKHS', birthDate: '1988-08-08' });

async function openStation(end: 'entry' | 'exit', stationId: string, clock: ManualClock, dataDir = tempDir()): Promise<{ core: Core; dataDir: string }> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock,
    logger: silentLogger,
    bootstrap: { station: stationAt(end, stationId), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')], signIn: TEST_USERNAME.admin },
  });
  unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
  unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
  return { core, dataDir };
}

const signInAs = async (core: Core, role: Role) => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

/** #30's passport expired: NOT OK, so the consular officer lets them through with their PIN (an override). */
const EXPIRED = 30;

async function cross(core: Core, t: Traveller, direction: Direction): Promise<RecordedCrossing> {
  const scan = unwrap(await core.scan({ payload: mrzOf(t), source: 'wedge' }));
  const override = t.index === EXPIRED ? { override: { username: TEST_USERNAME.consular, pin: TEST_PIN.consular, reason: 'Returning home, passport renewal at home' } } : {};
  return unwrap(await core.recordCrossing({ scanId: scan.scanId, direction, ...override }));
}

const byDocument = (people: readonly PersonStatus[], t: Traveller) => people.find((p) => p.documentNumber === t.documentNumber);
const types = (alerts: readonly Alert[]) => alerts.map((a) => a.type).sort();

describe('a bus of 180 through the corridor, recorded at both ends (two stations, two data folders)', () => {
  it('accounts for every traveller: entries, exits, pairing, no-shows, a duplicate scan, a stowaway and a missing person', async () => {
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const entry = await openStation('entry', 'STN-ZHZ-01', clock);
    const exit = await openStation('exit', 'STN-OYB-01', clock);

    // ── Entry end: the carrier's manifest (CSV) and 177 boarding passengers ──────────────────────────
    const group = unwrap(
      await entry.core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 07', vehiclePlate: '01 A 123 BC', driverName: 'Driver', expectedCount: 180 }),
    );
    const csv = manifestCsv(BUS);
    const imported = unwrap(await entry.core.importManifest({ groupId: group.id, fileName: 'bus-07.csv', format: 'csv', content: csv }));
    expect(imported).toEqual({ rowsTotal: 180, rowsAdded: 180, alreadyImported: false, problems: [], linked: 0 });
    // The same file again (a second click, a second operator): nothing changes.
    expect(unwrap(await entry.core.importManifest({ groupId: group.id, fileName: 'bus-07 (1).csv', format: 'csv', content: csv }))).toMatchObject({
      rowsAdded: 0,
      alreadyImported: true,
    });
    unwrap(await entry.core.setLaneGroup({ groupId: group.id }));
    expect(unwrap(await entry.core.getLaneOverview({})).group).toMatchObject({ label: 'Bus 07', processed: 0, total: 180, stationRole: 'entry' });

    clock.advance(30 * 60_000); // boarding from 06:00
    const entryAlerts: Alert[] = [];
    let duplicateOf: RecordedCrossing | undefined;
    for (const t of BUS) {
      if (NO_SHOWS.includes(t.index)) continue;
      clock.advance(20_000);
      const recorded = await cross(entry.core, t, 'entry');
      expect(recorded).toMatchObject({ duplicate: false, direction: 'entry', corridorId: CORRIDOR.id, groupId: group.id, checkpointId: 'ZHIBEK-ZHOLY' });
      entryAlerts.push(...recorded.alerts);
      if (t.index === DUPLICATE) {
        clock.advance(60_000);
        const again = await cross(entry.core, t, 'entry');
        expect(again.duplicate).toBe(true);
        expect(again.id).toBe(recorded.id);
        expect(again.sequence).toBe(recorded.sequence);
        duplicateOf = again;
        entryAlerts.push(...again.alerts);
      }
    }
    expect(unwrap(await entry.core.listCrossings({ limit: 500 })).total).toBe(177);
    expect(duplicateOf?.alerts[0]?.message).toMatch(/Scanned twice: .*TJ4100010.* already recorded as #\d+; no second crossing/);
    expect(types(entryAlerts)).toEqual(['duplicate-scan', 'expired-passport']);
    expect(entryAlerts.find((a) => a.type === 'expired-passport')?.message).toContain('2020-12-31');
    const overview = unwrap(await entry.core.getLaneOverview({}));
    expect(overview.group).toMatchObject({ processed: 177, total: 180 });
    expect(overview.recent).toHaveLength(10);
    expect(overview.openAlertsTotal).toBe(2);

    // The bus leaves: the three no-shows are listed, and child #7 travels without #6, their adult.
    const departed = unwrap(await entry.core.closeGroup({ groupId: group.id, stage: 'departed' }));
    expect(departed.counts).toMatchObject({ entered: 177, 'no-show': 3, expected: 0, exited: 0, unexpected: 0, total: 180 });
    expect(departed.people.filter((p) => p.state === 'no-show').map((p) => p.documentNumber).sort()).toEqual(NO_SHOWS.map((i) => traveller(i).documentNumber));
    const afterDeparture = unwrap(await entry.core.listAlerts({}));
    expect(types(afterDeparture.items)).toEqual(['duplicate-scan', 'expired-passport', 'minor-without-companion']);
    expect(afterDeparture.items.find((a) => a.type === 'minor-without-companion')?.message).toContain(traveller(7).documentNumber);
    // The entry end never sees exits: nobody is overdue there, however late it gets.
    clock.advance(12 * 3600_000);
    expect(unwrap(await entry.core.listAlerts({})).total).toBe(3);
    clock.advance(-12 * 3600_000);

    // ── The signed group file travels to the exit end ────────────────────────────────────────────────
    expect(await entry.core.exportGroupFile({ groupId: group.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(entry.core, 'shift-lead');
    const file = unwrap(await entry.core.exportGroupFile({ groupId: group.id }));
    expect(file.crossings).toBe(177);
    expect(file.fileName).toMatch(/^group-Bus-07-STN-ZHZ-01-\d{8}T\d{4}\.cpgroup\.json$/);
    const identity = unwrap(await entry.core.getStationIdentity({}));

    await signInAs(exit.core, 'shift-lead');
    const untrusted = await exit.core.importGroupFile({ content: file.content });
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!untrusted.ok) expect(untrusted.error.message).toMatch(/signed by station STN-ZHZ-01 .* does not trust/);
    await signInAs(exit.core, 'admin');
    unwrap(await exit.core.trustStation({ stationId: identity.stationId, checkpointId: 'ZHIBEK-ZHOLY', label: 'Zhibek Zholy lane 1', publicKey: identity.publicKey }));
    await signInAs(exit.core, 'shift-lead');
    const tampered = file.content.replace(traveller(42).documentNumber, 'TJ0000000');
    expect(await exit.core.importGroupFile({ content: tampered })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const received = unwrap(await exit.core.importGroupFile({ content: file.content }));
    expect(received).toMatchObject({ groupId: group.id, crossingsTotal: 177, crossingsAdded: 177, manifestAdded: 180, paired: 0, alreadyImported: false });
    expect(unwrap(await exit.core.importGroupFile({ content: file.content }))).toMatchObject({ crossingsAdded: 0, manifestAdded: 0, alreadyImported: true });

    // ── Exit end: 176 arrive (one on a replaced passport), one stowaway, one missing ──────────────────
    await signInAs(exit.core, 'operator');
    unwrap(await exit.core.setLaneGroup({ groupId: group.id }));
    const onTheRoad = unwrap(await exit.core.getGroup({ groupId: group.id }));
    expect(onTheRoad.counts).toMatchObject({ entered: 177, 'no-show': 3 });
    expect(onTheRoad.group).toMatchObject({ stationRole: 'exit', processed: 0, departedAt: expect.any(String) });
    expect(await exit.core.recordCrossing({ scanId: unwrap(await exit.core.scan({ payload: mrzOf(BUS[1]!) })).scanId, direction: 'entry' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    clock.advance(4.5 * 3600_000); // arrival around 11:00
    const exitAlerts: Alert[] = [];
    for (const t of BUS) {
      if (NO_SHOWS.includes(t.index) || t.index === MISSING_AT_EXIT) continue;
      clock.advance(15_000);
      const who = t.index === REPLACED_PASSPORT ? { ...t, documentNumber: 'TJ9990020', expiryDate: '2031-02-01' } : t;
      const recorded = await cross(exit.core, who, 'exit');
      expect(recorded.duplicate).toBe(false);
      exitAlerts.push(...recorded.alerts);
    }
    const stowaway = await cross(exit.core, STOWAWAY, 'exit');
    expect(types(stowaway.alerts)).toEqual(['unexpected-arrival']);
    expect(stowaway.alerts[0]?.message).toMatch(/Unexpected arrival \(group Bus 07\): NOMALUM, SHAKHS \(TJ7777777\) exited without a matching entry/);
    expect(types(exitAlerts)).toEqual(['expired-passport']);

    const arrived = unwrap(await exit.core.getGroup({ groupId: group.id }));
    expect(arrived.counts).toMatchObject({ exited: 176, entered: 1, 'no-show': 3, unexpected: 1, missing: 0, total: 181, onManifest: 180 });
    // The stowaway is recorded with the bus but not on its list: counted apart, never in processed.
    expect(arrived.group).toMatchObject({ processed: 176, notOnList: 1, total: 180 });
    const replaced = byDocument(arrived.people, BUS[REPLACED_PASSPORT]!);
    expect(replaced).toMatchObject({ state: 'exited', pairMethod: 'identity' });
    expect(byDocument(arrived.people, BUS[0]!)).toMatchObject({ state: 'exited', pairMethod: 'document', entry: { source: 'imported' }, exit: { source: 'local' } });
    expect(byDocument(arrived.people, BUS[MISSING_AT_EXIT]!)?.state).toBe('entered');
    expect(arrived.people.find((p) => p.documentNumber === STOWAWAY.documentNumber)).toMatchObject({ state: 'unexpected', manifestEntryId: null });
    expect(unwrap(await exit.core.getGroup({ groupId: group.id, query: 'tj41000' })).people).toHaveLength(100);
    // By name in Cyrillic, as a Tajik document spells it: Ҷураев is JURAEV in the MRZ.
    const juraev = unwrap(await exit.core.getGroup({ groupId: group.id, query: 'Ҷураев' })).people;
    expect(juraev).toHaveLength(15);
    expect(new Set(juraev.map((p) => p.surname))).toEqual(new Set(['JURAEV']));
    expect(unwrap(await exit.core.getGroup({ groupId: group.id, states: ['no-show'] })).people).toHaveLength(3);

    // The bus is in: #100 is listed as missing, by name; child #7 came without #6 (a no-show) here too.
    const closed = unwrap(await exit.core.closeGroup({ groupId: group.id, stage: 'arrived' }));
    expect(closed.counts).toMatchObject({ exited: 176, missing: 1, entered: 0 });
    const incomplete = unwrap(await exit.core.listAlerts({})).items.find((a) => a.type === 'group-incomplete');
    expect(incomplete).toMatchObject({ severity: 'critical', subjectCount: 1, groupId: group.id });
    expect(incomplete?.message).toBe(`Group incomplete (group Bus 07): 1 did not arrive: ${BUS[MISSING_AT_EXIT]!.surname}, ${BUS[MISSING_AT_EXIT]!.givenNames} (${BUS[MISSING_AT_EXIT]!.documentNumber}).`);

    // Past the corridor's maximum time since #100 entered: overdue.
    clock.advance(3 * 3600_000);
    const late = unwrap(await exit.core.listAlerts({}));
    expect(types(late.items)).toEqual(['expired-passport', 'group-incomplete', 'minor-without-companion', 'overdue', 'unexpected-arrival']);
    expect(late.items.find((a) => a.type === 'overdue')?.message).toContain(`${BUS[MISSING_AT_EXIT]!.documentNumber}) entered and has not exited within 360 minutes`);
    expect(unwrap(await exit.core.listAlerts({})).total).toBe(5); // a second sweep raises nothing new

    // Acknowledged with a note, the alert leaves the open list.
    const ack = unwrap(await exit.core.acknowledgeAlert({ alertId: incomplete?.id ?? '', note: 'Called the escort: left the bus in Termez.' }));
    expect(ack).toMatchObject({ status: 'acknowledged', note: 'Called the escort: left the bus in Termez.' });
    expect(unwrap(await exit.core.listAlerts({})).total).toBe(4);

    // Pairing is consistent over every crossing the exit end knows.
    const db = openStationDatabase(exit.dataDir, { readonly: true });
    const passages = db
      .prepare(
        `SELECT id, direction, corridor_id AS corridorId, group_id AS groupId, station_id AS stationId, recorded_at_ms AS recordedAtMs,
           document_number AS documentNumber, nationality, birth_date AS birthDate, name_key AS nameKey FROM crossings
         UNION ALL SELECT id, direction, corridor_id, group_id, source_station_id, recorded_at_ms, document_number, nationality, birth_date, name_key FROM imported_crossings`,
      )
      .all() as Passage[];
    const pairings = db.prepare('SELECT entry_id AS entryId, exit_id AS exitId, method FROM pairings').all() as { entryId: string; exitId: string; method: 'document' | 'identity' }[];
    expect(passages).toHaveLength(177 + 177);
    expect(pairings).toHaveLength(176);
    expect(pairings.filter((p) => p.method === 'identity')).toHaveLength(1);
    expect(pairingProblems(passages, pairings)).toEqual([]);
    // No personal data in the audit log: ids and hashes only.
    const auditText = (db.prepare('SELECT group_concat(payload_json || entity_id || actor, \' \') AS t FROM audit_log').get() as { t: string }).t;
    for (const t of [BUS[0]!, BUS[MISSING_AT_EXIT]!, STOWAWAY]) {
      expect(auditText).not.toContain(t.documentNumber);
      expect(auditText).not.toContain(t.surname);
    }
    db.close();

    // Shift lead's dashboard at the exit end: today's exits per hour, overdue, open alerts.
    await signInAs(exit.core, 'shift-lead');
    const dashboard = unwrap(await exit.core.getDashboard({ from: '2021-03-01T00:00:00Z', to: '2021-03-02T00:00:00Z' }));
    const corridorRow = dashboard.corridors.find((c) => c.corridorId === CORRIDOR.id);
    expect(corridorRow?.totals).toMatchObject({ entries: 0, exits: 177, overdue: 1, inCorridor: 0 });
    expect(corridorRow?.hours).toHaveLength(24);
    expect(corridorRow?.hours.reduce((n, h) => n + h.exits, 0)).toBe(177);
    expect(dashboard.openAlertsTotal).toBe(4);

    entry.core.close();
    exit.core.close();
    for (const dir of [entry.dataDir, exit.dataDir]) {
      const store = StationStore.open(dir);
      expect(store.verifyAudit()).toMatchObject({ ok: true });
      store.close();
    }

    // Everything is still there after a restart of the exit station.
    const again = await openStation('exit', 'STN-OYB-01', clock, exit.dataDir);
    expect(unwrap(await again.core.getGroup({ groupId: group.id })).counts).toMatchObject({ exited: 176, missing: 1, 'no-show': 3, unexpected: 1 });
    again.core.close();
  }, 300_000); // ~360 scans with scrypt sign-ins: a generous bound, not a timing claim

  it('the log of record: 40 recorded before the list came, 3 refused, 2 held then admitted, 1 parked, 2 amended; exit pairing and the v2 bundle agree with the recount', async () => {
    const REFUSED = [EXPIRED, 61, 62];
    const HELD = [70, 71];
    const PARKED = 80;
    const AMENDED = [90, 91];
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const entry = await openStation('entry', 'STN-ZHZ-01', clock);
    const exit = await openStation('exit', 'STN-OYB-01', clock);
    const group = unwrap(await entry.core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 08', expectedCount: 180 }));
    // Refused: passports that expired; held: a zone whose composite check digit no single misread explains.
    const person = (t: Traveller) => (REFUSED.includes(t.index) ? { ...t, expiryDate: '2020-12-31' } : t);
    const payload = (t: Traveller) => {
      if (!HELD.includes(t.index)) return mrzOf(person(t));
      const [line1, line2] = mrzOf(t).split('\n') as [string, string];
      return `${line1}\n${line2.slice(0, -1)}${(Number(line2.at(-1)) + 5) % 10}`;
    };
    const scanOf = async (t: Traveller, direction: Direction) => unwrap(await entry.core.scan({ payload: payload(t), source: 'wedge', direction }));

    let parkedScanId = '';
    for (const t of BUS) {
      clock.advance(20_000);
      // The first 40 board before the carrier's list reaches the lane: recorded without the bus.
      if (t.index === 40) {
        const imported = unwrap(await entry.core.importManifest({ groupId: group.id, fileName: 'bus-08.csv', format: 'csv', content: manifestCsv(BUS) }));
        expect(imported).toMatchObject({ rowsAdded: 180, linked: 40 });
        unwrap(await entry.core.setLaneGroup({ groupId: group.id }));
      }
      const scan = await scanOf(t, 'entry');
      if (t.index === PARKED) {
        parkedScanId = scan.scanId;
        continue; // the next passport parks him
      }
      const recorded = unwrap(await entry.core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
      if (AMENDED.includes(t.index)) {
        // Recorded against the wrong bus (another lane's): the operator voids their own last crossing at once…
        const voided = unwrap(await entry.core.amendCrossing({ crossingId: recorded.id, change: { kind: 'void', reason: 'Recorded under the wrong bus' } }));
        expect(voided.current?.disposition).toBe('cancelled');
        // …and records the traveller again, as a new crossing (the voided row stays, cancelled).
        const again = unwrap(await entry.core.recordCrossing({ scanId: (await scanOf(t, 'entry')).scanId, direction: 'entry' }));
        expect(again).toMatchObject({ duplicate: false, disposition: 'crossed' });
      }
      expect(recorded.disposition).toBe(REFUSED.includes(t.index) ? 'refused' : HELD.includes(t.index) ? 'held' : 'crossed');
      if (t.index === PARKED + 3) {
        expect(unwrap(await entry.core.listParked({})).items.map((p) => p.document?.documentNumber)).toEqual([BUS[PARKED]!.documentNumber]);
        expect(unwrap(await entry.core.recordCrossing({ scanId: parkedScanId, direction: 'entry' })).disposition).toBe('crossed');
      }
    }
    expect(unwrap(await entry.core.listParked({})).items).toEqual([]);
    await signInAs(entry.core, 'consular');
    const held = unwrap(await entry.core.listHeld({})).items;
    expect(held.map((c) => c.document.documentNumber)).toEqual(HELD.map((i) => BUS[i]!.documentNumber));
    for (const c of held) unwrap(await entry.core.admitCrossing({ crossingId: c.id, reason: 'Data page checked by hand against the visa' }));

    // The recount from the log: 182 rows (two voided), every one of the 180 with one crossing that stands, with the bus.
    await signInAs(entry.core, 'shift-lead');
    const log = unwrap(await entry.core.listCrossings({ limit: 500 })).items;
    expect(log).toHaveLength(182);
    expect(log.filter((c) => c.current?.disposition === 'cancelled').map((c) => c.document.documentNumber).sort()).toEqual(AMENDED.map((i) => BUS[i]!.documentNumber));
    const standing = log.filter((c) => c.current?.disposition !== 'cancelled');
    expect(new Set(standing.map((c) => c.document.documentNumber)).size).toBe(180);
    expect(standing.every((c) => c.current?.groupId === group.id && c.current.direction === 'entry')).toBe(true);
    const crossed = log.filter((c) => c.current?.disposition === 'crossed');
    expect(crossed).toHaveLength(177);
    expect(log.filter((c) => c.current?.disposition === 'refused').map((c) => c.document.documentNumber).sort()).toEqual(REFUSED.map((i) => BUS[i]!.documentNumber));
    const atEntry = unwrap(await entry.core.getGroup({ groupId: group.id }));
    expect(atEntry.group).toMatchObject({ processed: 180, notOnList: 0, total: 180 });
    expect(atEntry.counts).toMatchObject({ entered: 177, refused: 3, expected: 0, held: 0, total: 180 });

    // The v2 bundle of the day says the same, with the two admissions and every correction.
    const usb = tempDir('usb-');
    const bundle = unwrap(await entry.core.exportBundle({ date: '2021-03-01', folder: usb, format: 'folder' }));
    expect(bundleSchemaProblemsAt(bundle.destination as string)).toEqual([]);
    const read = readBundle(bundle.destination as string);
    if (!read.ok) throw new Error(read.message);
    const rows = Buffer.from(new Map(read.files).get('crossings.jsonl') as Uint8Array)
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as CrossingExportRow);
    expect(new Map(rows.map((r) => [r.id, [r.current.disposition, r.current.direction, r.current.groupId]]))).toEqual(
      new Map(log.map((c) => [c.id, [c.current?.disposition, c.current?.direction, c.current?.groupId]])),
    );
    expect(rows.filter((r) => r.overrides.length > 0).map((r) => r.document.documentNumber).sort()).toEqual(HELD.map((i) => BUS[i]!.documentNumber));
    const kinds = rows.flatMap((r) => r.corrections.map((c) => c.kind)).sort();
    expect(kinds.filter((k) => k === 'group')).toHaveLength(40);
    expect(kinds.filter((k) => k === 'void')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'admit')).toHaveLength(2);

    // The exit end: the group file carries all 182 with their state now; the 177 who crossed come out and pair.
    const file = unwrap(await entry.core.exportGroupFile({ groupId: group.id }));
    expect(file.crossings).toBe(182);
    const identity = unwrap(await entry.core.getStationIdentity({}));
    await signInAs(exit.core, 'admin');
    unwrap(await exit.core.trustStation({ stationId: identity.stationId, checkpointId: 'ZHIBEK-ZHOLY', label: 'Zhibek Zholy lane 1', publicKey: identity.publicKey }));
    await signInAs(exit.core, 'shift-lead');
    expect(unwrap(await exit.core.importGroupFile({ content: file.content }))).toMatchObject({ crossingsAdded: 182, manifestAdded: 180 });
    await signInAs(exit.core, 'operator');
    unwrap(await exit.core.setLaneGroup({ groupId: group.id }));
    clock.advance(4 * 3600_000);
    const exitAlerts: Alert[] = [];
    for (const c of crossed) {
      clock.advance(15_000);
      const t = BUS.find((b) => b.documentNumber === c.document.documentNumber)!;
      const recorded = await cross(exit.core, t, 'exit');
      exitAlerts.push(...recorded.alerts);
    }
    // Nobody came out "without a matching entry": every exit found the entry the group file carried.
    expect(exitAlerts.filter((a) => a.type === 'unexpected-arrival')).toEqual([]);
    const atExit = unwrap(await exit.core.getGroup({ groupId: group.id }));
    expect(atExit.group).toMatchObject({ processed: 177, notOnList: 0, total: 180 });
    expect(atExit.counts).toMatchObject({ exited: 177, refused: 3, entered: 0, total: 180 });
    const db = openStationDatabase(exit.dataDir, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM pairings').pluck().get()).toBe(177);
    db.close();
    entry.core.close();
    exit.core.close();
  }, 300_000);
});
