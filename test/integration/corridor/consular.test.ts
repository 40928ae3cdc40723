import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { CORRIDOR, mrzOf, stationAt, traveller, usePassportOnlyRules } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const CONSUL = { username: TEST_USERNAME.consular, pin: TEST_PIN.consular };

describe('consular screen: search, full history, override with a reason', () => {
  it('finds a traveller by document or name, shows the history with both passports, and only consular staff override', async () => {
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const core = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
      dataDir: tempDir(),
      clock,
      logger: silentLogger,
      bootstrap: { station: stationAt('exit', 'STN-OYB-02'), users: [testUser('operator'), testUser('consular')], signIn: TEST_USERNAME.operator },
    });
    await usePassportOnlyRules(core, 'operator');
    const expired = traveller(30); // NOT OK: passport expired; the consular officer lets him through at the lane
    const scan = unwrap(await core.scan({ payload: mrzOf(expired) }));
    const override = { username: TEST_USERNAME.consular, pin: TEST_PIN.consular, reason: 'Going home; renews the passport there' };
    const crossing = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'exit', override }));
    expect(crossing.corridorId).toBe(CORRIDOR.id);
    expect(crossing.alerts.map((a) => a.type).sort()).toEqual(['expired-passport', 'unexpected-arrival']);
    clock.advance(3 * 24 * 3600_000);
    // The same man weeks later on a new passport.
    const renewed = { ...expired, documentNumber: 'TJ9990030', expiryDate: '2031-01-01' };
    unwrap(await core.recordCrossing({ scanId: unwrap(await core.scan({ payload: mrzOf(renewed) })).scanId, direction: 'exit' }));

    expect(await core.overrideCrossing({ crossingId: crossing.id, outcome: 'OK', reason: 'Embassy confirmed identity by phone', authoriser: CONSUL })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    unwrap(await core.login({ username: TEST_USERNAME.consular, pin: TEST_PIN.consular }));
    const byDocument = unwrap(await core.searchTravellers({ query: expired.documentNumber.slice(0, 6) }));
    expect(byDocument.items.map((t) => t.documentNumber)).toContain(expired.documentNumber);
    const byName = unwrap(await core.searchTravellers({ query: `${expired.surname.toLowerCase()} ${expired.givenNames.toLowerCase()}` }));
    expect(byName.items.map((t) => t.documentNumber).sort()).toEqual([expired.documentNumber, renewed.documentNumber].sort());

    const history = unwrap(await core.getTravellerHistory({ documentNumber: expired.documentNumber, nationality: 'TJK' }));
    expect(history.passages.map((p) => p.document.documentNumber)).toEqual([renewed.documentNumber, expired.documentNumber]);
    // Both exits came without an entry (no group file here); the first one also on an expired passport.
    expect(history.alerts.map((a) => a.type).sort()).toEqual(['expired-passport', 'unexpected-arrival', 'unexpected-arrival']);

    expect(await core.overrideCrossing({ crossingId: crossing.id, outcome: 'OK', reason: 'ok', authoriser: CONSUL })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // Without the officer's own PIN, or with a wrong one, nothing changes.
    expect(await core.overrideCrossing({ crossingId: crossing.id, outcome: 'OK', reason: 'Embassy confirmed identity by phone' } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await core.overrideCrossing({ crossingId: crossing.id, outcome: 'OK', reason: 'Embassy confirmed identity by phone', authoriser: { ...CONSUL, pin: '000000' } })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const overridden = unwrap(await core.overrideCrossing({ crossingId: crossing.id, outcome: 'OK', reason: 'Embassy confirmed identity by phone', authoriser: CONSUL }));
    expect(overridden).toMatchObject({
      outcome: crossing.outcome,
      effectiveOutcome: 'OK',
      override: { previousOutcome: crossing.outcome, outcome: 'OK', reason: 'Embassy confirmed identity by phone', authoriserRole: 'consular' },
    });
    expect(await core.overrideCrossing({ crossingId: crossing.id, outcome: 'OK', reason: 'again the same thing', authoriser: CONSUL })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The crossing row itself never changes; the override sits beside it.
    expect(unwrap(await core.getTravellerHistory({ documentNumber: expired.documentNumber, nationality: 'TJK' })).passages[1]).toMatchObject({
      outcome: crossing.outcome,
      effectiveOutcome: 'OK',
    });
    core.close();
  }, 60_000);

  it('a consular officer cannot change the outcome of a crossing they recorded themselves: a second person decides, and is named', async () => {
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const core = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
      dataDir: tempDir(),
      clock,
      logger: silentLogger,
      bootstrap: { station: stationAt('exit', 'STN-OYB-02'), users: [testUser('consular'), testUser('shift-lead')], signIn: TEST_USERNAME.consular },
    });
    await usePassportOnlyRules(core, 'consular');
    // The consular officer helps at the lane: #30's expired passport is NOT OK, and Enter refuses him.
    const scan = unwrap(await core.scan({ payload: mrzOf(traveller(30)) }));
    const refused = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'exit' }));
    expect(refused).toMatchObject({ outcome: 'NOT_OK', disposition: 'refused' });
    // Then, on the Consular screen, the same officer turns it into OK: that is deciding alone.
    expect(await core.overrideCrossing({ crossingId: refused.id, outcome: 'OK', reason: 'Embassy confirmed identity by phone', authoriser: CONSUL })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(unwrap(await core.getTravellerHistory({ documentNumber: traveller(30).documentNumber, nationality: 'TJK' })).passages[0]).toMatchObject({ effectiveOutcome: 'NOT_OK', override: null });
    core.close();
  });
});
