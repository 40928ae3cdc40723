/**
 * The log of record through createCore, real SQLite files: what Enter records for each outcome, corrections,
 * overrides by a second person, the held queue, and how counts, alerts and group progress read them.
 * Each `finding` test failed on the station before dispositions existed.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, Direction } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/auth';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, manifestCsv, mrzOf, stationAt, traveller, type Traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-03-01T06:00:00Z');
/** Traveller #30's passport expired on 2020-12-31: NOT OK on its own. */
const EXPIRED = traveller(30);

async function station(end: 'entry' | 'exit' = 'entry', clock = new ManualClock(START), stationId = end === 'entry' ? 'STN-ZHZ-01' : 'STN-OYB-01'): Promise<{ core: Core; clock: ManualClock }> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock,
    logger: silentLogger,
    bootstrap: { station: stationAt(end, stationId), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')], signIn: TEST_USERNAME.admin },
  });
  unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
  await signInAs(core, 'operator');
  return { core, clock };
}

/** The MRZ with a wrong composite check digit that no single misread explains: NEEDS CROSS-CHECK. */
function doubtfulMrz(t: Traveller): string {
  const [line1, line2] = mrzOf(t).split('\n') as [string, string];
  const last = Number(line2.at(-1));
  return `${line1}\n${line2.slice(0, -1)}${(last + 5) % 10}`;
}

async function scanAndRecord(core: Core, payload: string, direction: Direction = 'entry', extra: Record<string, unknown> = {}) {
  const scan = unwrap(await core.scan({ payload, source: 'wedge', direction }));
  return { scan, recorded: unwrap(await core.recordCrossing({ scanId: scan.scanId, direction, ...extra })) };
}

const signInAs = async (core: Core, role: Role) => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

describe('Enter records the safe thing for the outcome (finding 1)', () => {
  it('NOT OK + Enter records a refusal: no "crossed" alert, not an entry on the dashboard, refused in the bus', async () => {
    const { core } = await station();
    const group = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 02', expectedCount: 2 }));
    unwrap(await core.importManifest({ groupId: group.id, fileName: 'bus-02.csv', format: 'csv', content: manifestCsv([traveller(29), EXPIRED]) }));
    unwrap(await core.setLaneGroup({ groupId: group.id }));

    const { scan, recorded } = await scanAndRecord(core, mrzOf(EXPIRED));
    expect(scan.decision.outcome).toBe('NOT_OK');
    expect(recorded).toMatchObject({ outcome: 'NOT_OK', disposition: 'refused', current: { disposition: 'refused', direction: 'entry' } });
    // "Expired passport: … crossed with a document that expired" would be false: nobody crossed.
    expect(recorded.alerts).toEqual([]);
    expect(unwrap(await core.listAlerts({ status: 'open' })).items).toEqual([]);

    const { recorded: ok } = await scanAndRecord(core, mrzOf(traveller(29)));
    expect(ok).toMatchObject({ outcome: 'OK', disposition: 'crossed' });

    await signInAs(core, 'shift-lead');
    const dashboard = unwrap(await core.getDashboard({ from: '2021-03-01T00:00:00Z', to: '2021-03-02T00:00:00Z' }));
    expect(dashboard.corridors.find((c) => c.corridorId === CORRIDOR.id)?.totals).toMatchObject({ entries: 1, refused: 1, held: 0, notOk: 1, ok: 1 });
    const detail = unwrap(await core.getGroup({ groupId: group.id }));
    expect(detail.counts).toMatchObject({ entered: 1, refused: 1, expected: 0 });
    expect(detail.people.find((p) => p.documentNumber === EXPIRED.documentNumber)?.state).toBe('refused');
    // Both were dealt with at the lane: one crossed, one turned back.
    expect(detail.group).toMatchObject({ processed: 2, notOnList: 0, total: 2 });
  });

  it('NEEDS CROSS-CHECK + Enter holds the traveller for consular staff until admitted or refused', async () => {
    const { core } = await station();
    const { scan, recorded } = await scanAndRecord(core, doubtfulMrz(traveller(12)));
    expect(scan.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    expect(recorded.disposition).toBe('held');
    const { recorded: other } = await scanAndRecord(core, doubtfulMrz(traveller(13)));

    const queue = unwrap(await core.listHeld({}));
    expect(queue.items.map((c) => c.id)).toEqual([recorded.id, other.id]);
    // The operator alone cannot let them through, nor refuse them from the queue.
    expect(await core.admitCrossing({ crossingId: recorded.id, reason: 'Data page checked by hand' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.refuseCrossing({ crossingId: other.id, reason: 'Passport damaged' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await signInAs(core, 'consular');
    const admitted = unwrap(await core.admitCrossing({ crossingId: recorded.id, reason: 'Data page checked by hand' }));
    expect(admitted).toMatchObject({ disposition: 'held', current: { disposition: 'crossed', corrections: 1 } });
    const refused = unwrap(await core.refuseCrossing({ crossingId: other.id, reason: 'Passport damaged, turned back' }));
    expect(refused.current).toMatchObject({ disposition: 'refused' });
    expect(unwrap(await core.listHeld({})).total).toBe(0);

    const history = unwrap(await core.getTravellerHistory({ documentNumber: traveller(12).documentNumber, nationality: 'TJK' }));
    expect(history.passages[0]).toMatchObject({ disposition: 'crossed', override: { reason: 'Data page checked by hand', disposition: 'crossed', previousDisposition: 'held', authoriserRole: 'consular' } });
  });

  it('letting a NOT OK traveller cross at the lane takes a second, authorised person\'s PIN and a reason', async () => {
    const { core } = await station();
    const scan = unwrap(await core.scan({ payload: mrzOf(EXPIRED), source: 'wedge', direction: 'entry' }));
    const asOperator = await core.recordCrossing({ scanId: scan.scanId, direction: 'entry', override: { username: TEST_USERNAME.operator, pin: TEST_PIN.operator, reason: 'Consul says fine' } });
    expect(asOperator).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrongPin = await core.recordCrossing({ scanId: scan.scanId, direction: 'entry', override: { username: TEST_USERNAME.consular, pin: '000000', reason: 'Consul says fine' } });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(unwrap(await core.listCrossings({})).total).toBe(0);

    const admitted = unwrap(
      await core.recordCrossing({ scanId: scan.scanId, direction: 'entry', override: { username: TEST_USERNAME.consular, pin: TEST_PIN.consular, reason: 'Humanitarian: returning home' } }),
    );
    expect(admitted).toMatchObject({ outcome: 'NOT_OK', disposition: 'crossed' });
    // Crossed, so the crossing's alert is true now: an expired passport crossed.
    expect(admitted.alerts.map((a) => a.type)).toEqual(['expired-passport']);
    expect(unwrap(await core.whoAmI({})).user?.username).toBe(TEST_USERNAME.operator);
    await signInAs(core, 'consular');
    const history = unwrap(await core.getTravellerHistory({ documentNumber: EXPIRED.documentNumber, nationality: 'TJK' }));
    expect(history.passages[0]?.override).toMatchObject({ previousDisposition: 'refused', disposition: 'crossed', reason: 'Humanitarian: returning home', authoriserRole: 'consular' });
  });
});

describe('corrections are appended, never edits (finding 3)', () => {
  it('the operator voids or turns round their own last crossing within the window; later only a shift lead', async () => {
    const { core, clock } = await station('entry');
    const { recorded: first } = await scanAndRecord(core, mrzOf(traveller(40)));
    const { recorded: second } = await scanAndRecord(core, mrzOf(traveller(41)));
    // Not the last one: refused for the operator.
    expect(await core.amendCrossing({ crossingId: first.id, change: { kind: 'void', reason: 'Scanned the wrong passport' } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const voided = unwrap(await core.amendCrossing({ crossingId: second.id, change: { kind: 'void', reason: 'Scanned the wrong passport' } }));
    expect(voided).toMatchObject({ disposition: 'crossed', current: { disposition: 'cancelled', corrections: 1 } });
    // The recorded row is unchanged: listing still shows what the lane recorded, with the current state beside it.
    const listed = unwrap(await core.listCrossings({})).items.find((c) => c.id === second.id);
    expect(listed).toMatchObject({ disposition: 'crossed', direction: 'entry', current: { disposition: 'cancelled' } });
    expect(await core.amendCrossing({ crossingId: second.id, change: { kind: 'direction', direction: 'exit', reason: 'Wrong direction' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const { recorded: third } = await scanAndRecord(core, mrzOf(traveller(42)));
    clock.advance(16 * 60_000);
    expect(await core.amendCrossing({ crossingId: third.id, change: { kind: 'void', reason: 'Scanned in error' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await signInAs(core, 'shift-lead');
    expect(unwrap(await core.amendCrossing({ crossingId: first.id, change: { kind: 'void', reason: 'Duplicate of paper log' } })).current?.disposition).toBe('cancelled');

    const stats = unwrap(await core.getDashboard({ from: '2021-03-01T00:00:00Z', to: '2021-03-02T00:00:00Z' }));
    expect(stats.corridors.find((c) => c.corridorId === CORRIDOR.id)?.totals).toMatchObject({ entries: 1 });
  });

  it('a voided exit closes the "exited without a matching entry" alert it raised', async () => {
    const clock = new ManualClock(START);
    const entry = await station('entry', clock);
    const exit = await station('exit', clock);
    const t = traveller(60);
    const { recorded } = await scanAndRecord(exit.core, mrzOf(t), 'exit');
    expect(recorded.alerts.map((a) => a.type)).toEqual(['unexpected-arrival']);
    const voided = unwrap(await exit.core.amendCrossing({ crossingId: recorded.id, change: { kind: 'void', reason: 'Scanned at the wrong lane' } }));
    expect(voided.current?.disposition).toBe('cancelled');
    // The alert said someone exited; they did not, so it is closed.
    expect(unwrap(await exit.core.listAlerts({ status: 'open' })).items).toEqual([]);
    void entry;
  });
});
