/**
 * Travellers decided at the lane and not recorded stay listed across a restart of the station, with their own
 * decision and the evidence they showed; through createCore on a real (encrypted) SQLite file, closed and
 * opened again. The restart test failed before parked travellers were stored (the list came back empty).
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { openStationDatabase } from '../../../shared/node/db';
import type { CoreBootstrap } from '../../../shared/app/create-core';
import { EKU, makeDcc, makeSigner, testHcert } from '../../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';
import { mrzOf, stationAt, traveller, usePassportOnlyRules } from '../../fixtures/corridor/bus';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

// A JPEG's first bytes: enough for the core, which stores the photo as it came.
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64');

async function open(dataDir: string, clock: ManualClock, firstStart: boolean): Promise<Core> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock,
    logger: silentLogger,
    ...(firstStart ? { bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator')] } } : {}),
  });
  if (firstStart) await usePassportOnlyRules(core, 'operator');
  else unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
  return core;
}

const parkedDocuments = async (core: Core) => unwrap(await core.listParked({})).items.map((p) => p.document?.documentNumber);

describe('parked travellers across a restart', () => {
  it('come back listed after the station restarts, and Enter records their own decision with their evidence', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const core = await open(dataDir, clock, true);
    // #1 shows a paper certificate with its photo, #30's passport expired (NOT OK), #2 is recorded.
    const first = unwrap(await core.scan({ payload: mrzOf(traveller(1)), direction: 'entry' }));
    unwrap(
      await core.addPaperCertificate({
        joinScanId: first.scanId,
        lab: 'Central lab Dushanbe',
        testType: 'pcr',
        sampleTime: '2021-02-28T20:00:00Z',
        result: 'negative',
        certificateNumber: 'DSH-2021-0042',
        photo: { type: 'image/jpeg', base64: PHOTO },
        direction: 'entry',
      }),
    );
    clock.advance(60_000);
    const expired = unwrap(await core.scan({ payload: mrzOf(traveller(30)), direction: 'entry' }));
    expect(expired.decision.outcome).toBe('NOT_OK');
    clock.advance(60_000);
    const recorded = unwrap(await core.scan({ payload: mrzOf(traveller(2)), direction: 'entry' }));
    unwrap(await core.recordCrossing({ scanId: recorded.scanId, direction: 'entry' }));
    const before = unwrap(await core.listParked({})).items;
    expect(before.map((p) => p.document?.documentNumber)).toEqual([traveller(1).documentNumber, traveller(30).documentNumber]);
    core.close();

    clock.advance(60_000);
    const again = await open(dataDir, clock, false);
    const after = unwrap(await again.listParked({})).items;
    expect(after.map((p) => p.scanId)).toEqual(before.map((p) => p.scanId));
    expect(after.map((p) => p.decision)).toEqual(before.map((p) => p.decision));
    expect(after[0]?.evidence?.map((e) => e.kind)).toEqual(['paper-lab']);

    // Enter on #30 records his NOT OK as a refusal; #1 is recorded with his paper certificate and its photo.
    expect(unwrap(await again.recordCrossing({ scanId: expired.scanId, direction: 'entry' }))).toMatchObject({ disposition: 'refused', outcome: 'NOT_OK' });
    const crossed = unwrap(await again.recordCrossing({ scanId: first.scanId, direction: 'entry' }));
    expect(crossed.document.documentNumber).toBe(traveller(1).documentNumber);
    expect(await parkedDocuments(again)).toEqual([]);
    again.close();
    const db = openStationDatabase(dataDir, { readonly: true });
    try {
      const evidence = db.prepare('SELECT kind, photo, photo_type FROM evidence WHERE crossing_id = ?').all(crossed.id) as { kind: string; photo: Buffer; photo_type: string }[];
      expect(evidence).toEqual([{ kind: 'paper-lab', photo: Buffer.from(PHOTO, 'base64'), photo_type: 'image/jpeg' }]);
      expect(db.prepare('SELECT count(*) AS n FROM parked_travellers').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('stay listed past the decision time: Enter then asks for a new scan, which takes their place; cancelling still works', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const core = await open(dataDir, clock, true);
    const late = unwrap(await core.scan({ payload: mrzOf(traveller(1)), direction: 'entry' }));
    const wrong = unwrap(await core.scan({ payload: mrzOf(traveller(3)), direction: 'entry' }));
    clock.advance(20 * 60_000);
    expect(await parkedDocuments(core)).toEqual([traveller(1).documentNumber, traveller(3).documentNumber]);
    expect(await core.recordCrossing({ scanId: late.scanId, direction: 'entry' })).toMatchObject({ ok: false, error: { code: 'expired' } });
    const rescanned = unwrap(await core.scan({ payload: mrzOf(traveller(1)), direction: 'entry' }));
    expect(unwrap(await core.listParked({})).items.map((p) => p.scanId)).toEqual([wrong.scanId, rescanned.scanId]);
    unwrap(await core.recordCrossing({ scanId: rescanned.scanId, direction: 'entry' }));
    expect(unwrap(await core.recordCrossing({ scanId: wrong.scanId, direction: 'entry', cancelReason: 'Scanned the driver by mistake' }))).toMatchObject({ disposition: 'cancelled' });
    expect(await parkedDocuments(core)).toEqual([]);
    core.close();
    // Recorded (and cancelled) travellers do not come back, nor the one whose document was recorded after him.
    const again = await open(dataDir, clock, false);
    expect(await parkedDocuments(again)).toEqual([]);
    again.close();
  });

  it('the same passport scanned again with the missing certificate re-judges its crossing and is not left waiting', async () => {
    const START = new Date('2021-06-02T08:00:00.000Z');
    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
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
    const dataDir = tempDir();
    const clock = new ManualClock(START);
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap });
    unwrap(await core.importTrustList({ path: await writeGatewayTrustList(tempDir(), [signer]) }));
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    const crossing = unwrap(await core.recordCrossing({ scanId: passport.scanId, direction: 'entry' }));
    expect(crossing.disposition).toBe('refused');

    // Minutes later (the next travellers in between) he is back with his test: passport again, then the certificate.
    clock.advance(5 * 60_000);
    unwrap(await core.scan({ payload: mrzOf(traveller(1)), direction: 'entry' }));
    const again = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    expect(again.notices?.[0]).toMatchObject({ code: 'already-recorded', crossingId: crossing.id });
    const hcert = testHcert({ nam: { fn: 'Ҷураев', fnt: 'JURAEV', gn: 'Рустам', gnt: 'RUSTAM' }, dob: '1990-01-15' });
    (hcert.t as Record<string, unknown>[])[0]!.sc = new Date(START.getTime() - 25 * 3_600_000).toISOString().replace('.000Z', 'Z');
    const joined = unwrap(await core.scan({ payload: await makeDcc(signer, { hcert }), joinScanId: again.scanId, direction: 'entry' }));
    expect(joined).toMatchObject({ scanId: again.scanId, decision: { outcome: 'OK' } });
    expect(await parkedDocuments(core)).toContain(TAJIK_PASSPORT.documentNumber);

    const amended = unwrap(await core.amendCrossing({ crossingId: crossing.id, change: { kind: 'rejudge', scanId: again.scanId } }));
    expect(amended.current).toMatchObject({ outcome: 'OK', disposition: 'crossed' });
    expect(await parkedDocuments(core)).not.toContain(TAJIK_PASSPORT.documentNumber);
    // A retried Enter for that scan shows the crossing it amended instead of recording him twice.
    expect(unwrap(await core.recordCrossing({ scanId: again.scanId, direction: 'entry' })).id).toBe(crossing.id);
    core.close();
    const reopened = await open(dataDir, clock, false);
    expect(await parkedDocuments(reopened)).toEqual([traveller(1).documentNumber]);
    reopened.close();
  });

  it('the shift report lists, per operator, who was decided and never recorded, also after a restart', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const options = { pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger };
    const core = await createCore({ ...options, bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('shift-lead')] } });
    await usePassportOnlyRules(core, 'shift-lead');
    // The shift lead helps at the lane and leaves #2 decided; the operator leaves #30 (NOT OK) and #1, records #3.
    unwrap(await core.scan({ payload: mrzOf(traveller(2)), direction: 'entry' }));
    unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    clock.advance(60_000);
    unwrap(await core.scan({ payload: mrzOf(traveller(30)), direction: 'entry' }));
    clock.advance(60_000);
    unwrap(await core.scan({ payload: mrzOf(traveller(1)), direction: 'entry' }));
    const recorded = unwrap(await core.scan({ payload: mrzOf(traveller(3)), direction: 'entry' }));
    unwrap(await core.recordCrossing({ scanId: recorded.scanId, direction: 'entry' }));
    core.close();

    const again = await createCore(options);
    unwrap(await again.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const report = unwrap(await again.getShiftReport({ date: '2021-03-01' }));
    expect(report.parkedNowTotal).toBe(3);
    expect(report.parkedNow.map((p) => [p.operatorName, p.documentNumber, p.outcome])).toEqual([
      ['Test operator', traveller(30).documentNumber, 'NOT_OK'],
      ['Test operator', traveller(1).documentNumber, 'OK'],
      ['Test shift-lead', traveller(2).documentNumber, 'OK'],
    ]);
    expect(report.parkedNow[0]).toMatchObject({ surname: traveller(30).surname, nationality: 'TJK', scannedAt: expect.stringMatching(/^2021-03-01T06:01:00/) });
    again.close();
  });
});
