import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAlerts, refreshJourneyAlerts } from '../../../central/board/alerts-repo';
import { corridorBoard, groupPeople, searchPersons } from '../../../central/board/board-queries';
import { loadCorridors, saveCorridor } from '../../../central/board/corridor-repo';
import { runCentralCli } from '../../../central/cli/run-central-cli';
import { openCentralStore, type CentralStore } from '../../../central/store/open-store';
import { createCore, silentLogger } from '../../../shared/app';
import type { BootstrapStationInput, Core, SaveCorridorInput } from '../../../shared/contract';
import { KZ_UZ_TJ } from '../../fixtures/corridor/journey-bus';
import { PASSPORT_ONLY_PROFILE, mrzOf, traveller, type Traveller } from '../../fixtures/corridor/bus';
import { centralAdminUrl, createTestDatabase } from '../../support/central-db';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

/**
 * The seeds' scenario end to end: four real station cores (Zhibek Zholy out of Kazakhstan, Yallama into
 * Uzbekistan, Oybek out of it, Oybek/Fotehobod into Tajikistan) export their days as operators do, and the hub
 * ingests the bundles with `checkpoint-central ingest` on PostgreSQL. A bus of 180 leaves Zhibek Zholy; 2 are
 * refused at Yallama (passports expired in December), 2 more at the Uzbek exit (passports expiring on the day
 * they reach it); of the 176 who leave Uzbekistan 175 enter Tajikistan — one of them on a passport issued on the
 * way, paired by identity — and one is missing.
 */

const DAY1 = '2021-03-01';
const DAY2 = '2021-03-02';
const START = Date.parse(`${DAY1}T12:00:00Z`);
const MIN = 60_000;
const CHECKPOINTS = {
  'KZ-ZHIBEK-ZHOLY': { id: 'KZ-ZHIBEK-ZHOLY', name: 'Zhibek Zholy', country: 'KAZ' },
  'UZ-YALLAMA': { id: 'UZ-YALLAMA', name: 'Yallama', country: 'UZB' },
  'UZ-OYBEK': { id: 'UZ-OYBEK', name: 'Oybek', country: 'UZB' },
  'TJ-OYBEK': { id: 'TJ-OYBEK', name: 'Oybek / Fotehobod', country: 'TJK' },
} as const;
type CheckpointId = keyof typeof CHECKPOINTS;

const REFUSED_AT_YALLAMA = [10, 11];
const REFUSED_AT_UZ_EXIT = [20, 21];
const REPLACED = 42;
const MISSING = 99;
const NEW_PASSPORT = 'TJ9900042';

const BUS: Traveller[] = Array.from({ length: 180 }, (_, i) =>
  traveller(i, { expiryDate: REFUSED_AT_YALLAMA.includes(i) ? '2020-12-31' : REFUSED_AT_UZ_EXIT.includes(i) ? DAY1 : '2029-06-30' }),
);

/** The corridor as each station had it typed in: the ends of its own stretch (the hub's chain knows all four). */
const stationCorridor = (entry: CheckpointId, exit: CheckpointId): SaveCorridorInput => ({
  id: KZ_UZ_TJ.id,
  name: 'Zhibek Zholy → Oybek',
  entryCheckpointId: entry,
  exitCheckpointId: exit,
  expectedTransitMinutes: 705,
  maxTransitMinutes: 1260,
});

interface Station {
  readonly id: string;
  readonly core: Core;
  readonly publicKey: string;
}

const clock = new ManualClock(new Date(START - 60 * MIN));
const opened: Core[] = [];
// Station folders and bundles live for the whole file (tempDir's folders go after each test).
const suiteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'four-stations-'));
const bundlesDir = path.join(suiteDir, 'bundles');
fs.mkdirSync(bundlesDir);

async function openStation(id: string, checkpoint: CheckpointId, corridor: SaveCorridorInput): Promise<Station> {
  const others = [corridor.entryCheckpointId, corridor.exitCheckpointId].filter((c) => c !== checkpoint) as CheckpointId[];
  const bootstrap: BootstrapStationInput = {
    stationId: id,
    checkpoint: CHECKPOINTS[checkpoint],
    otherCheckpoints: others.map((c) => CHECKPOINTS[c]),
    corridors: [corridor],
    admin: { username: TEST_USERNAME.admin, displayName: 'Station admin', pin: TEST_PIN.admin },
  };
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: fs.mkdtempSync(path.join(suiteDir, `${id}-`)),
    clock,
    logger: silentLogger,
    bootstrap: { station: bootstrap, users: [testUser('operator'), testUser('shift-lead')], signIn: TEST_USERNAME.admin },
  });
  opened.push(core);
  unwrap(await core.saveRuleProfile({ profile: { ...PASSPORT_ONLY_PROFILE, corridor: KZ_UZ_TJ.id, effectiveFrom: '2021-01-01T00:00:00Z' } }));
  unwrap(await core.saveExportSettings({ timeZone: 'UTC' }));
  const identity = unwrap(await core.getStationIdentity({}));
  unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
  return { id, core, publicKey: identity.publicKey };
}

/** One traveller at the lane: the passport scanned, Enter (the safe thing for the outcome), or a shift lead's override. */
async function cross(station: Station, t: Traveller, direction: 'entry' | 'exit', override = false): Promise<{ id: string; disposition: string }> {
  const scan = unwrap(await station.core.scan({ payload: mrzOf(t), source: 'wedge' }));
  const recorded = unwrap(
    await station.core.recordCrossing({
      scanId: scan.scanId,
      direction,
      ...(override ? { override: { username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'], reason: 'Leaving the country on an expired passport is allowed' } } : {}),
    }),
  );
  return { id: recorded.id, disposition: recorded.disposition };
}

/** The day's bundle as the shift lead exports it to a USB stick: the path of the .zip. */
async function exportDay(station: Station, date: string): Promise<string> {
  unwrap(await station.core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
  const dir = fs.mkdtempSync(path.join(bundlesDir, `${station.id}-${date}-`));
  const exported = unwrap(await station.core.exportBundle({ date, folder: dir, format: 'zip' }));
  unwrap(await station.core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
  return exported.destination!;
}

async function central(...argv: string[]): Promise<unknown> {
  let out = '';
  let err = '';
  await runCentralCli(argv, { stdin: async () => '', stdout: (text) => (out += text), stderr: (text) => (err += text) });
  if (out === '') throw new Error(`checkpoint-central ${argv.join(' ')}: ${err}`);
  return JSON.parse(out);
}

const bundles: Record<string, string> = {};
let stations: Record<'zhibek' | 'yallama' | 'uzOybek' | 'tjOybek', Station>;
let groupId = '';
let wronglyRecorded = '';

beforeAll(async () => {
  stations = {
    zhibek: await openStation('STN-KZ-ZHIBEK', 'KZ-ZHIBEK-ZHOLY', stationCorridor('KZ-ZHIBEK-ZHOLY', 'TJ-OYBEK')),
    yallama: await openStation('STN-UZ-YALLAMA', 'UZ-YALLAMA', stationCorridor('UZ-YALLAMA', 'UZ-OYBEK')),
    uzOybek: await openStation('STN-UZ-OYBEK', 'UZ-OYBEK', stationCorridor('UZ-YALLAMA', 'UZ-OYBEK')),
    tjOybek: await openStation('STN-TJ-OYBEK', 'TJ-OYBEK', stationCorridor('KZ-ZHIBEK-ZHOLY', 'TJ-OYBEK')),
  };
  const { zhibek, yallama, uzOybek, tjOybek } = stations;

  // Zhibek Zholy, from 12:00: the bus boards and leaves Kazakhstan; the two on expired passports are let out by the shift lead.
  const group = unwrap(await zhibek.core.createGroup({ corridorId: KZ_UZ_TJ.id, label: 'KZ-017', expectedCount: 180 }));
  groupId = group.id;
  unwrap(await zhibek.core.setLaneGroup({ groupId }));
  clock.advance(60 * MIN);
  for (const t of BUS) {
    clock.advance(20_000);
    const expired = REFUSED_AT_YALLAMA.includes(t.index);
    expect(await cross(zhibek, t, 'entry', expired)).toMatchObject({ disposition: 'crossed' });
  }
  // Yallama, from 13:30: into Uzbekistan; Enter refuses the expired passports.
  clock.advance(30 * MIN);
  for (const t of BUS) {
    clock.advance(20_000);
    expect(await cross(yallama, t, 'entry')).toMatchObject({ disposition: REFUSED_AT_YALLAMA.includes(t.index) ? 'refused' : 'crossed' });
  }
  // The Uzbek Oybek, from 23:30 across midnight: out of Uzbekistan; the two whose passports ran out on the 1st come last.
  clock.advance(Date.parse(`${DAY1}T23:30:00Z`) - clock.now().getTime());
  const inUzbekistan = BUS.filter((t) => !REFUSED_AT_YALLAMA.includes(t.index));
  const lastTwo = inUzbekistan.filter((t) => REFUSED_AT_UZ_EXIT.includes(t.index));
  for (const t of [...inUzbekistan.filter((x) => !lastTwo.includes(x)), ...lastTwo]) {
    clock.advance(15_000);
    expect(await cross(uzOybek, t, 'exit')).toMatchObject({ disposition: REFUSED_AT_UZ_EXIT.includes(t.index) ? 'refused' : 'crossed' });
  }
  expect(clock.now().toISOString() > `${DAY2}T00:00:00Z`).toBe(true);
  // The Tajik Oybek, from 00:30: into Tajikistan, one on a new passport; the missing one's passport is scanned by mistake.
  clock.advance(Date.parse(`${DAY2}T00:30:00Z`) - clock.now().getTime());
  for (const t of inUzbekistan.filter((x) => !REFUSED_AT_UZ_EXIT.includes(x.index))) {
    clock.advance(15_000);
    const crossed = await cross(tjOybek, t.index === REPLACED ? { ...t, documentNumber: NEW_PASSPORT } : t, 'exit');
    expect(crossed.disposition).toBe('crossed');
    if (t.index === MISSING) wronglyRecorded = crossed.id;
  }

  // Early on the 2nd every station exports its days; the Tajik shift lead then finds the mistake, voids that
  // crossing and exports the day again: a bundle that supersedes the first.
  clock.advance(Date.parse(`${DAY2}T04:00:00Z`) - clock.now().getTime());
  bundles.zhibek = await exportDay(zhibek, DAY1);
  bundles.yallama = await exportDay(yallama, DAY1);
  bundles.uzOybek1 = await exportDay(uzOybek, DAY1);
  bundles.uzOybek2 = await exportDay(uzOybek, DAY2);
  bundles.tjOybek = await exportDay(tjOybek, DAY2);
  unwrap(await tjOybek.core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
  unwrap(await tjOybek.core.amendCrossing({ crossingId: wronglyRecorded, change: { kind: 'void', reason: 'Scanned a passport photocopy in error' } }));
  clock.advance(30 * MIN);
  bundles.tjOybekCorrected = await exportDay(tjOybek, DAY2);
}, 600_000);

afterAll(() => {
  for (const core of opened.splice(0)) core.close();
  fs.rmSync(suiteDir, { recursive: true, force: true });
});

/** A new hub database: the four stations registered with their keys, the corridor's chain saved by a hub administrator. */
async function newHub(): Promise<{ url: string; store: CentralStore }> {
  const url = await createTestDatabase();
  for (const station of Object.values(stations)) {
    const keyFile = path.join(tempDir('key-'), 'station.pub');
    fs.writeFileSync(keyFile, station.publicKey);
    await central('station', 'add', '--id', station.id, '--public-key', keyFile, '--corridor', KZ_UZ_TJ.id, '--database-url', url);
  }
  const store = await openCentralStore({ databaseUrl: url, dataDir: tempDir('hub-') });
  unwrap(await saveCorridor(store.sql, { chain: KZ_UZ_TJ, name: 'Zhibek Zholy → Oybek' }, 'hub-admin'));
  return { url, store };
}

async function ingest(url: string, bundle: string): Promise<{ outcome: string; code?: string; message?: string }> {
  const [result] = (await central('ingest', bundle, '--database-url', url, '--data-dir', tempDir('hub-'))) as { outcome: string; code?: string; message?: string }[];
  return { outcome: result!.outcome, ...(result!.code ? { code: result!.code, message: result!.message } : {}) };
}

const AFTER = Date.parse(`${DAY2}T08:00:00Z`);

/** The board, the bus's people and the alerts say exactly the scenario. */
async function expectScenario(store: CentralStore): Promise<void> {
  const corridors = await loadCorridors(store.sql);
  const board = await corridorBoard(store.sql, corridors, AFTER, { sinceMs: START - 86_400_000 });
  expect(board).toHaveLength(1);
  const row = board[0]!;
  expect(row).toMatchObject({ groupId, corridorId: KZ_UZ_TJ.id, people: 180, left: { checkpointId: 'KZ-ZHIBEK-ZHOLY' } });
  expect(row.steps.map((s) => [s.checkpointId, s.passed, s.refused, s.held, s.expected, s.missing])).toEqual([
    ['KZ-ZHIBEK-ZHOLY', 180, 0, 0, 0, 0],
    ['UZ-YALLAMA', 178, 2, 0, 0, 0],
    ['UZ-OYBEK', 176, 2, 0, 0, 0],
    ['TJ-OYBEK', 175, 0, 0, 0, 1],
  ]);
  expect(row.states).toMatchObject({ arrived: 175, missing: 1, refused: 4 });
  const people = await groupPeople(store.sql, corridors[0]!, groupId, AFTER, START - 86_400_000);
  expect(people).toHaveLength(180);
  const missing = people.filter((p) => p.state === 'missing');
  expect(missing.map((p) => p.summary.identity.documentNumber)).toEqual([traveller(MISSING).documentNumber]);
  expect(missing[0]!.summary).toMatchObject({ lastSeen: { checkpointId: 'UZ-OYBEK' }, nextStep: 3 });
  const replaced = people.filter((p) => p.summary.pairedBy === 'identity');
  expect(replaced.map((p) => [p.state, p.summary.documents])).toEqual([['arrived', [`TJK:${traveller(REPLACED).documentNumber}`, `TJK:${NEW_PASSPORT}`]]]);
  expect(people.filter((p) => p.state === 'refused').map((p) => [p.summary.identity.documentNumber, p.summary.lastSeen.checkpointId]).sort()).toEqual(
    [...REFUSED_AT_YALLAMA.map((i) => [traveller(i).documentNumber, 'UZ-YALLAMA']), ...REFUSED_AT_UZ_EXIT.map((i) => [traveller(i).documentNumber, 'UZ-OYBEK'])].sort(),
  );
  expect(await searchPersons(store.sql, NEW_PASSPORT)).toHaveLength(1);

  await refreshJourneyAlerts(store.sql, corridors, AFTER);
  const alerts = await openAlerts(store.sql);
  expect(alerts.map((a) => [a.code, a.checkpointId, a.groupId, a.params.count])).toEqual([['journey.missing', 'TJ-OYBEK', groupId, 1]]);
  expect(await openAlerts(store.sql, { stationId: stations.tjOybek.id, checkpointIds: ['TJ-OYBEK'] })).toHaveLength(1);
  expect(await openAlerts(store.sql, { stationId: stations.yallama.id, checkpointIds: ['UZ-YALLAMA'] })).toEqual([]);
}

describe.skipIf(!centralAdminUrl())('the seeds scenario through four station cores and the hub on PostgreSQL', () => {
  it('says exactly that when every station sends its days in order, the correction last', async () => {
    const { url, store } = await newHub();
    try {
      for (const b of [bundles.zhibek, bundles.yallama, bundles.uzOybek1, bundles.uzOybek2, bundles.tjOybek]) expect(await ingest(url, b!)).toMatchObject({ outcome: 'stored' });
      // Before the correction the Tajik station says the missing one arrived.
      const before = await corridorBoard(store.sql, await loadCorridors(store.sql), AFTER, { sinceMs: START - 86_400_000 });
      expect(before[0]!.steps.at(-1)).toMatchObject({ passed: 176, missing: 0 });
      expect(await ingest(url, bundles.tjOybekCorrected!)).toMatchObject({ outcome: 'stored' });
      await expectScenario(store);
    } finally {
      await store.close();
    }
  });

  it('stays right when bundles arrive late, out of order, twice, and the superseded one after its correction', async () => {
    const { url, store } = await newHub();
    try {
      // The Tajik end first, the Uzbek exit's second day before its first, Yallama twice, Zhibek Zholy's day last.
      expect(await ingest(url, bundles.tjOybek!)).toMatchObject({ outcome: 'stored' });
      expect(await ingest(url, bundles.uzOybek2!)).toMatchObject({ outcome: 'stored' });
      expect(await ingest(url, bundles.yallama!)).toMatchObject({ outcome: 'stored' });
      expect(await ingest(url, bundles.uzOybek1!)).toMatchObject({ outcome: 'stored' });
      expect(await ingest(url, bundles.yallama!)).toMatchObject({ outcome: 'duplicate' });
      expect(await ingest(url, bundles.tjOybekCorrected!)).toMatchObject({ outcome: 'stored' });
      expect(await ingest(url, bundles.tjOybek!)).toMatchObject({ outcome: 'duplicate' });
      expect(await ingest(url, bundles.zhibek!)).toMatchObject({ outcome: 'stored' });
      expect(await ingest(url, bundles.zhibek!)).toMatchObject({ outcome: 'duplicate' });
      await expectScenario(store);
    } finally {
      await store.close();
    }
  });
});
