/**
 * The consular history through createCore, real SQLite files: per crossing the outcome and reasons, the
 * evidence shown, who recorded it, and every override and correction with people's names (never user ids);
 * and the search puts an exact document number first.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/auth';
import { PASSPORT_ONLY_PROFILE, mrzOf, stationAt, traveller, type Traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-01T06:00:00Z');

async function station(clock = new ManualClock(START)): Promise<{ core: Core; clock: ManualClock }> {
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir: tempDir(),
    clock,
    logger: silentLogger,
    bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')], signIn: TEST_USERNAME.admin },
  });
  unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
  await signInAs(core, 'operator');
  return { core, clock };
}

/** A wrong composite check digit that no single misread explains: NEEDS CROSS-CHECK. */
function doubtfulMrz(t: Traveller): string {
  const [line1, line2] = mrzOf(t).split('\n') as [string, string];
  return `${line1}\n${line2.slice(0, -1)}${(Number(line2.at(-1)) + 5) % 10}`;
}

const signInAs = async (core: Core, role: Role) => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

describe('consular history', () => {
  it('names who recorded, who authorised and who corrected, with the evidence shown and the reasons', async () => {
    const { core, clock } = await station();
    const person = traveller(21);
    // A passport whose check digits do not add up, shown with a paper lab certificate: NEEDS CROSS-CHECK, so
    // Enter holds the traveller for consular.
    const passport = unwrap(await core.scan({ payload: doubtfulMrz(person), source: 'wedge', direction: 'entry' }));
    const paper = unwrap(
      await core.addPaperCertificate({ joinScanId: passport.scanId, lab: 'Dushanbe Republican Lab', testType: 'pcr', sampleTime: '2021-06-01T08:00:00+05:00', result: 'negative', certificateNumber: 'DRL-2021-0457' }),
    );
    expect(paper.decision.outcome).toBe('NEEDS_CROSS_CHECK');
    const held = unwrap(await core.recordCrossing({ scanId: passport.scanId, direction: 'entry' }));
    expect(held.disposition).toBe('held');

    clock.advance(10 * 60_000);
    await signInAs(core, 'consular');
    unwrap(await core.admitCrossing({ crossingId: held.id, reason: 'Laboratory confirmed the result by phone' }));
    clock.advance(5 * 60_000);
    await signInAs(core, 'shift-lead');
    unwrap(await core.amendCrossing({ crossingId: held.id, change: { kind: 'direction', direction: 'exit', reason: 'Bus was leaving, wrong direction key' } }));

    await signInAs(core, 'consular');
    const history = unwrap(await core.getTravellerHistory({ documentNumber: person.documentNumber, nationality: 'TJK' }));
    const [passage] = history.passages;
    expect(passage).toMatchObject({ id: held.id, operatorName: 'Test operator', outcome: 'NEEDS_CROSS_CHECK', disposition: 'crossed', direction: 'exit' });
    expect(passage?.reasons).toEqual(held.reasons);
    expect(held.reasons.some((r) => r.severity !== 'info')).toBe(true);
    expect(passage?.evidence).toEqual([
      expect.objectContaining({ kind: 'paper-lab', issuer: 'Dushanbe Republican Lab', testType: 'pcr', testResult: 'negative' }),
    ]);
    expect(passage?.overrides).toEqual([
      expect.objectContaining({ reason: 'Laboratory confirmed the result by phone', operatorName: 'Test consular', authorisedByName: 'Test consular', authoriserRole: 'consular', previousDisposition: 'held', disposition: 'crossed' }),
    ]);
    expect(passage?.corrections).toEqual([
      expect.objectContaining({ kind: 'admit', byName: 'Test consular', disposition: 'crossed', reason: 'Laboratory confirmed the result by phone' }),
      expect.objectContaining({ kind: 'direction', byName: 'Test shift-lead', direction: 'exit', reason: 'Bus was leaving, wrong direction key' }),
    ]);
    // Names, never user ids.
    expect(JSON.stringify([passage?.operatorName, passage?.overrides.map((o) => [o.operatorName, o.authorisedByName]), passage?.corrections.map((c) => c.byName)])).not.toContain(held.operatorId);
  });

  it('an exact document number ranks first in the search, ahead of longer numbers seen more recently', async () => {
    const { core, clock } = await station();
    const exact = traveller(40, { documentNumber: 'TJ410011' });
    const longer = [traveller(41, { documentNumber: 'TJ4100111' }), traveller(42, { documentNumber: 'TJ4100112' })];
    for (const t of [exact, ...longer]) {
      const scan = unwrap(await core.scan({ payload: mrzOf(t), source: 'wedge', direction: 'entry' }));
      unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
      clock.advance(60_000);
    }
    await signInAs(core, 'consular');
    const found = unwrap(await core.searchTravellers({ query: 'TJ410011' }));
    expect(found.items.map((t) => t.documentNumber)).toEqual(['TJ410011', 'TJ4100112', 'TJ4100111']);
    // Typed with a space and in lower case, as people read a number out: still the exact one first.
    expect(unwrap(await core.searchTravellers({ query: 'tj 410011' })).items[0]?.documentNumber).toBe('TJ410011');
  });
});
