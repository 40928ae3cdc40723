import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, manifestCsv, mrzOf, stationAt, traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { statementRecorder } from '../../support/statement-recorder';
import { tempDir } from '../../support/temp-dir';

async function openStation(end: 'entry' | 'exit', stationId: string, clock: ManualClock): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock,
    logger: silentLogger,
    bootstrap: { station: stationAt(end, stationId), users: [testUser('operator'), testUser('shift-lead')], signIn: TEST_USERNAME.admin },
  });
  unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
  unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
  return core;
}

const as = async (core: Core, role: 'operator' | 'shift-lead') => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

/** Every listed group's progress equals the one computed from scratch (getGroup builds the roster every time). */
async function expectListCurrent(core: Core): Promise<void> {
  const listed = unwrap(await core.listGroups({ limit: 20 })).items;
  expect(listed.length).toBeGreaterThan(0);
  for (const group of listed) expect(group).toEqual(unwrap(await core.getGroup({ groupId: group.id })).group);
  const overview = unwrap(await core.getLaneOverview({}));
  if (overview.group) {
    const fresh = unwrap(await core.getGroup({ groupId: overview.group.id })).group;
    expect(overview.group).toMatchObject({ processed: fresh.processed, notOnList: fresh.notOnList, total: fresh.total });
  }
}

// The roster's manifest read (one per roster built).
const ROSTER_READ = /FROM manifest_entries WHERE group_id = \? ORDER BY line_no/;

describe("the lane's group list", () => {
  it('rebuilds only the group a crossing touched, and stays equal to a fresh roster through crossings, corrections, manifests, departure, group files and pairing', async () => {
    const clock = new ManualClock(new Date('2021-03-01T05:30:00Z'));
    const entry = await openStation('entry', 'STN-ZHZ-01', clock);
    const buses = [0, 1, 2].map((b) => Array.from({ length: 12 }, (_, i) => traveller(b * 20 + i)));
    const groups = [];
    for (const [b, people] of buses.entries()) {
      const group = unwrap(await entry.createGroup({ corridorId: CORRIDOR.id, label: `Bus ${b}`, expectedCount: 12 }));
      unwrap(await entry.importManifest({ groupId: group.id, fileName: `bus-${b}.csv`, format: 'csv', content: manifestCsv(people.slice(0, 10)) }));
      groups.push(group);
    }
    const [busA, busB] = groups;
    if (!busA || !busB) throw new Error('groups');
    unwrap(await entry.setLaneGroup({ groupId: busA.id }));
    await expectListCurrent(entry);

    // One crossing with bus A: the list builds A's roster again and reuses the other two.
    const recorder = statementRecorder();
    let first = '';
    await recorder.during(async () => {
      clock.advance(20_000);
      const scan = unwrap(await entry.scan({ payload: mrzOf(buses[0]![0]!), source: 'wedge' }));
      first = unwrap(await entry.recordCrossing({ scanId: scan.scanId, direction: 'entry' })).id;
      recorder.reset();
      unwrap(await entry.getLaneOverview({}));
      unwrap(await entry.listGroups({ limit: 20 }));
    });
    expect(recorder.count(ROSTER_READ)).toBe(1);
    await expectListCurrent(entry);
    // Nothing changed: no roster is built at all.
    recorder.reset();
    await recorder.during(async () => {
      unwrap(await entry.listGroups({ limit: 20 }));
    });
    expect(recorder.count(ROSTER_READ)).toBe(0);

    // A second traveller, then someone not on A's list, whose crossing the operator voids.
    let last = first;
    for (const t of [buses[0]![1]!, buses[0]![11]!]) {
      clock.advance(20_000);
      last = unwrap(await entry.recordCrossing({ scanId: unwrap(await entry.scan({ payload: mrzOf(t), source: 'wedge' })).scanId, direction: 'entry' })).id;
      await expectListCurrent(entry);
    }
    expect(unwrap(await entry.listGroups({ limit: 20 })).items.find((g) => g.id === busA.id)).toMatchObject({ processed: 2, notOnList: 1, total: 10 });
    unwrap(await entry.amendCrossing({ crossingId: last, change: { kind: 'void', reason: 'Scanned the wrong passport' } }));
    await expectListCurrent(entry);
    expect(unwrap(await entry.listGroups({ limit: 20 })).items.find((g) => g.id === busA.id)).toMatchObject({ processed: 2, notOnList: 0 });

    // A second manifest for bus B, then bus B crosses on another lane group and bus A departs.
    unwrap(await entry.importManifest({ groupId: busB.id, fileName: 'bus-1-more.csv', format: 'csv', content: manifestCsv(buses[1]!) }));
    await expectListCurrent(entry);
    unwrap(await entry.setLaneGroup({ groupId: busB.id }));
    for (const t of buses[1]!.slice(0, 3)) {
      clock.advance(20_000);
      unwrap(await entry.recordCrossing({ scanId: unwrap(await entry.scan({ payload: mrzOf(t), source: 'wedge' })).scanId, direction: 'entry' }));
    }
    await expectListCurrent(entry);
    await as(entry, 'shift-lead');
    unwrap(await entry.closeGroup({ groupId: busB.id, stage: 'departed' }));
    await expectListCurrent(entry);

    // The exit end: the group file brings B's entries, exits pair with them.
    const exit = await openStation('exit', 'STN-OYB-01', clock);
    const file = unwrap(await entry.exportGroupFile({ groupId: busB.id }));
    const identity = unwrap(await entry.getStationIdentity({}));
    await exit.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin });
    unwrap(await exit.trustStation({ stationId: identity.stationId, checkpointId: 'ZHIBEK-ZHOLY', label: 'Zhibek Zholy', publicKey: identity.publicKey }));
    await as(exit, 'shift-lead');
    unwrap(await exit.importGroupFile({ content: file.content }));
    await as(exit, 'operator');
    unwrap(await exit.setLaneGroup({ groupId: busB.id }));
    await expectListCurrent(exit);
    clock.advance(4 * 3_600_000);
    const exited = [];
    for (const t of buses[1]!.slice(0, 2)) {
      clock.advance(20_000);
      exited.push(unwrap(await exit.recordCrossing({ scanId: unwrap(await exit.scan({ payload: mrzOf(t), source: 'wedge' })).scanId, direction: 'exit' })).id);
      await expectListCurrent(exit);
    }
    expect(unwrap(await exit.listGroups({ limit: 20 })).items.find((g) => g.id === busB.id)).toMatchObject({ processed: 2 });
    // Voiding an exit undoes its pairing: the group's list moves with it.
    unwrap(await exit.amendCrossing({ crossingId: exited[1]!, change: { kind: 'void', reason: 'Scanned the wrong passport' } }));
    await expectListCurrent(exit);
    expect(unwrap(await exit.listGroups({ limit: 20 })).items.find((g) => g.id === busB.id)).toMatchObject({ processed: 1 });
    entry.close();
    exit.close();
  });
});
