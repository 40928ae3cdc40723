/**
 * The log of record at the lane and in bus accounting, through createCore with real SQLite files and real
 * signatures: nothing decided is dropped, a certificate shown after recording amends the crossing, what the
 * operator must know is said before Enter, and a bus's list claims the crossings recorded before it came.
 * Each test failed on the station before this change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { CoreBootstrap } from '../../../shared/app/create-core';
import type { Core } from '../../../shared/contract';
import { EKU, makeDcc, makeSigner, testHcert, type TestSigner } from '../../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';
import { CORRIDOR, manifestCsv, mrzOf, stationAt, traveller, usePassportOnlyRules } from '../../fixtures/corridor/bus';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

async function busStation(end: 'entry' | 'exit' = 'entry', clock = new ManualClock(new Date('2021-03-01T06:00:00Z'))): Promise<{ core: Core; clock: ManualClock }> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock,
    logger: silentLogger,
    bootstrap: { station: stationAt(end, end === 'entry' ? 'STN-ZHZ-01' : 'STN-OYB-01'), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')] },
  });
  await usePassportOnlyRules(core, 'operator');
  return { core, clock };
}

const record = async (core: Core, payload: string) => {
  const scan = unwrap(await core.scan({ payload, source: 'wedge', direction: 'entry' }));
  return unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
};

describe('nothing decided is dropped (finding 2)', () => {
  it('scanning the next passport parks the previous traveller, who stays listed until recorded', async () => {
    const { core } = await busStation();
    const first = unwrap(await core.scan({ payload: mrzOf(traveller(1)), direction: 'entry' }));
    const second = unwrap(await core.scan({ payload: mrzOf(traveller(2)), direction: 'entry' }));
    expect(unwrap(await core.listParked({})).items.map((p) => p.document?.documentNumber)).toEqual([traveller(1).documentNumber, traveller(2).documentNumber]);
    unwrap(await core.recordCrossing({ scanId: second.scanId, direction: 'entry' }));
    expect(unwrap(await core.listParked({})).items.map((p) => p.scanId)).toEqual([first.scanId]);
    // One key back to him: his own decision is recorded, not the last one on the screen.
    const late = unwrap(await core.recordCrossing({ scanId: first.scanId, direction: 'entry' }));
    expect(late.document.documentNumber).toBe(traveller(1).documentNumber);
    expect(unwrap(await core.listParked({})).items).toEqual([]);
    // Scanned in error: cancelled with a reason, and nobody crossed.
    const wrong = unwrap(await core.scan({ payload: mrzOf(traveller(3)), direction: 'entry' }));
    const cancelled = unwrap(await core.recordCrossing({ scanId: wrong.scanId, direction: 'entry', cancelReason: 'Scanned the driver by mistake' }));
    expect(cancelled).toMatchObject({ disposition: 'cancelled', alerts: [] });
    expect(unwrap(await core.listParked({})).items).toEqual([]);
  });
});

describe('before Enter (finding 6)', () => {
  it('says already recorded today, not on the selected bus, on another bus, and a minor without the adult, before recording', async () => {
    const { core } = await busStation();
    const bus02 = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 02' }));
    const bus03 = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 03' }));
    unwrap(await core.importManifest({ groupId: bus02.id, fileName: '02.csv', format: 'csv', content: manifestCsv([traveller(4), traveller(5)]) }));
    unwrap(await core.importManifest({ groupId: bus03.id, fileName: '03.csv', format: 'csv', content: manifestCsv([traveller(9)]) }));
    unwrap(await core.setLaneGroup({ groupId: bus02.id }));

    const recorded = await record(core, mrzOf(traveller(4)));
    const again = unwrap(await core.scan({ payload: mrzOf(traveller(4)), direction: 'entry' }));
    expect(again.notices).toEqual([
      { code: 'already-recorded', crossingId: recorded.id, sequence: recorded.sequence, recordedAt: recorded.recordedAt, direction: 'entry', disposition: 'crossed', outcome: 'OK' },
    ]);
    const stranger = unwrap(await core.scan({ payload: mrzOf(traveller(9)), direction: 'entry' }));
    expect(stranger.notices).toEqual([
      { code: 'not-on-manifest', groupId: bus02.id, groupLabel: 'Bus 02' },
      { code: 'on-other-manifest', groupId: bus03.id, groupLabel: 'Bus 03' },
    ]);
    // #7 is a child whose adult (#6) is nowhere: said before recording. #5's adult #4 crossed already.
    expect(unwrap(await core.scan({ payload: mrzOf(traveller(7)), direction: 'entry' })).notices).toContainEqual({ code: 'minor-without-companion', companionDocumentNumber: null });
    expect(unwrap(await core.scan({ payload: mrzOf(traveller(5)), direction: 'entry' })).notices ?? []).toEqual([]);
  });
});

describe('bus accounting (finding 5)', () => {
  it('a manifest imported after 3 people were recorded claims them; progress counts listed people; departure is confirmed and can be undone', async () => {
    const { core } = await busStation();
    const bus = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 05', expectedCount: 4 }));
    unwrap(await core.setLaneGroup({ groupId: null }));
    const early = [traveller(20), traveller(21), { ...traveller(22), documentNumber: 'TJ9922022' }];
    for (const t of early) await record(core, mrzOf(t));
    // #22 renewed his passport: the list still has his old number, so he is found by birth date and name.
    const imported = unwrap(await core.importManifest({ groupId: bus.id, fileName: '05.csv', format: 'csv', content: manifestCsv([traveller(20), traveller(21), traveller(22), traveller(23)]) }));
    expect(imported).toMatchObject({ rowsAdded: 4, linked: 3 });
    unwrap(await core.setLaneGroup({ groupId: bus.id }));
    await record(core, mrzOf(traveller(24))); // not on the list
    const detail = unwrap(await core.getGroup({ groupId: bus.id }));
    expect(detail.group).toMatchObject({ processed: 3, notOnList: 1, total: 4 });
    expect(detail.counts).toMatchObject({ entered: 3, expected: 1, unexpected: 1 });

    const preview = unwrap(await core.previewCloseGroup({ groupId: bus.id, stage: 'departed' }));
    expect(preview.becoming.map((p) => p.documentNumber)).toEqual([traveller(23).documentNumber]);
    unwrap(await core.closeGroup({ groupId: bus.id, stage: 'departed' }));
    expect(await core.reopenGroup({ groupId: bus.id, stage: 'departed', reason: 'Bus still at the gate' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const reopened = unwrap(await core.reopenGroup({ groupId: bus.id, stage: 'departed', reason: 'Bus still at the gate' }));
    expect(reopened.group.departedAt).toBeNull();
    expect(reopened.counts).toMatchObject({ expected: 1, 'no-show': 0 });

    // The group file carries every crossing of the bus, the early ones too, with their state.
    const file = unwrap(await core.exportGroupFile({ groupId: bus.id }));
    const payload = (JSON.parse(file.content) as { payload: { crossings: { document: { documentNumber: string }; disposition: string }[] } }).payload;
    expect(payload.crossings.map((c) => c.document.documentNumber).sort()).toEqual([...early.map((t) => t.documentNumber), traveller(24).documentNumber].sort());
    expect(new Set(payload.crossings.map((c) => c.disposition))).toEqual(new Set(['crossed']));
  });
});

describe('a certificate shown after recording (finding 3)', () => {
  let signer: TestSigner;
  beforeAll(async () => {
    signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
  });

  it('re-judges the recorded crossing instead of showing a green OK beside a NOT OK log', async () => {
    const START = new Date('2021-06-02T08:00:00.000Z');
    const bootstrap: CoreBootstrap = {
      station: {
        checkpoint: { id: 'UZ-YALLAMA', name: 'Yallama', country: 'UZB' },
        otherCheckpoints: [{ id: 'UZ-OYBEK', name: 'Oybek', country: 'UZB' }],
        corridors: [{ id: 'KZ-UZ-TJ', name: 'KZ – UZ – TJ', entryCheckpointId: 'UZ-YALLAMA', exitCheckpointId: 'UZ-OYBEK', expectedTransitMinutes: 1440, maxTransitMinutes: 2880 }],
        admin: { username: TEST_USERNAME.admin, displayName: 'Admin', pin: TEST_PIN.admin },
      },
      users: [testUser('operator'), testUser('shift-lead')],
      signIn: TEST_USERNAME['shift-lead'],
    };
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock: new ManualClock(START), logger: silentLogger, bootstrap });
    unwrap(await core.importTrustList({ path: await writeGatewayTrustList(tempDir(), [signer]) }));
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));

    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    expect(passport.decision.outcome).toBe('NOT_OK');
    const recorded = unwrap(await core.recordCrossing({ scanId: passport.scanId, direction: 'entry' }));
    expect(recorded.disposition).toBe('refused');

    const hcert = testHcert({ nam: { fn: 'Ҷураев', fnt: 'JURAEV', gn: 'Рустам', gnt: 'RUSTAM' }, dob: '1990-01-15' });
    (hcert.t as Record<string, unknown>[])[0]!.sc = new Date(START.getTime() - 25 * 3_600_000).toISOString().replace('.000Z', 'Z');
    const certificate = unwrap(await core.scan({ payload: await makeDcc(signer, { hcert }), joinScanId: passport.scanId, direction: 'entry' }));
    expect(certificate).toMatchObject({ amends: recorded.id, decision: { outcome: 'OK' } });
    // Recording it as a second crossing is refused; amending records the new judgement on the crossing.
    expect(await core.recordCrossing({ scanId: certificate.scanId, direction: 'entry' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const amended = unwrap(await core.amendCrossing({ crossingId: recorded.id, change: { kind: 'rejudge', scanId: certificate.scanId } }));
    expect(amended).toMatchObject({ outcome: 'NOT_OK', disposition: 'refused', current: { outcome: 'OK', disposition: 'crossed', corrections: 1 } });
    const listed = unwrap(await core.listCrossings({})).items;
    expect(listed).toHaveLength(1);
    expect(listed[0]?.current).toMatchObject({ outcome: 'OK', disposition: 'crossed' });
  });
});
