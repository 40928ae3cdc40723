import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import type { Role } from '../../shared/domain/auth';
import { PASSPORT_ONLY_PROFILE, mrzOf, stationAt, traveller, type Traveller } from '../fixtures/corridor/bus';
import { TEST_PIN, TEST_USERNAME, testUser } from '../support/core-session';
import { unwrap } from '../support/result';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

const KARIMOV = traveller(12);
const SAIDOVA = traveller(13);
const ADMIT_REASON = 'Data page checked by hand against the visa';

/** A wrong composite check digit that no single misread explains: NEEDS CROSS-CHECK, so Enter holds. */
function doubtfulMrz(t: Traveller): string {
  const [line1, line2] = mrzOf(t).split('\n') as [string, string];
  return `${line1}\n${line2.slice(0, -1)}${(Number(line2.at(-1)) + 5) % 10}`;
}

let station: Station;
let core: Core;
let page: Page;
const held: Record<string, string> = {};

async function signIn(role: Role): Promise<void> {
  if (await page.getByTestId('sign-out').isVisible()) await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').fill(TEST_USERNAME[role]);
  await page.getByTestId('login-pin').fill(TEST_PIN[role]);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(`Test ${role}`);
}

describe('held queue in Chromium: consular staff admit with their own PIN, or refuse', () => {
  beforeAll(async () => {
    station = await openStation({
      name: 'held-queue',
      core: { bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')], signIn: TEST_USERNAME.admin } },
      prepare: async (stationCore) => {
        core = stationCore;
        unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
        // An operator at the lane pressed Enter on two NEEDS CROSS-CHECK passports: both are held for consular.
        unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
        for (const t of [KARIMOV, SAIDOVA]) {
          const scan = unwrap(await core.scan({ payload: doubtfulMrz(t), source: 'wedge', direction: 'entry' }));
          const recorded = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
          expect(recorded.disposition).toBe('held');
          held[t.documentNumber] = recorded.id;
        }
        await core.logout({});
      },
      viewport: { width: 1366, height: 900 },
    });
    page = station.page;
  }, 60_000);

  afterAll(async () => {
    await station?.close();
  });

  it('operators do not see the held count; consular staff see it in the status bar and the queue on the Consular screen', async () => {
    await signIn('operator');
    await expect.poll(() => page.getByTestId('status-held').count()).toBe(0);
    await signIn('consular');
    await expect.poll(() => page.getByTestId('status-held').textContent()).toBe('Held for consular: 2');
    await page.getByTestId('nav-consular').click();
    await expect.poll(() => page.getByTestId('held-title').textContent()).toBe('Held for consular: 2');
    const rows = page.getByTestId('held-row');
    // Oldest first, with who held them (a name, not a user id).
    await expect.poll(() => rows.allInnerTexts()).toEqual([
      expect.stringMatching(new RegExp(`${KARIMOV.surname}, ${KARIMOV.givenNames}.*${KARIMOV.documentNumber}[\\s\\S]*NEEDS CROSS-CHECK[\\s\\S]*Test operator`)),
      expect.stringMatching(new RegExp(`${SAIDOVA.surname}, ${SAIDOVA.givenNames}[\\s\\S]*Test operator`)),
    ]);
  });

  it('admitting takes the officer\'s own PIN: a wrong PIN is refused and leaves the traveller held', async () => {
    const row = page.getByTestId('held-row').first();
    await row.getByTestId('admit-open').click();
    await row.getByTestId('override-username').fill(TEST_USERNAME.consular);
    await row.getByTestId('override-pin').fill('000000');
    await row.getByTestId('override-reason').fill(ADMIT_REASON);
    await row.getByTestId('override-submit').click();
    await expect.poll(() => row.getByTestId('override-problem').textContent()).toMatch(/PIN/);
    expect(await row.getByTestId('override-pin').inputValue()).toBe('');
    expect(unwrap(await core.listHeld({})).total).toBe(2);

    await row.getByTestId('override-pin').fill(TEST_PIN.consular);
    await row.getByTestId('override-submit').click();
    await expect.poll(() => page.getByTestId('consular-message').textContent()).toBe(`${KARIMOV.surname}, ${KARIMOV.givenNames} admitted: recorded as crossed (Entry).`);
    await expect.poll(() => page.getByTestId('held-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('status-held').textContent()).toBe('Held for consular: 1');
    const history = unwrap(await core.getTravellerHistory({ documentNumber: KARIMOV.documentNumber, nationality: 'TJK' }));
    expect(history.passages[0]).toMatchObject({ id: held[KARIMOV.documentNumber], disposition: 'crossed', override: { reason: ADMIT_REASON, authoriserRole: 'consular', previousDisposition: 'held' } });
  });

  it('refusing with a reason turns the traveller back and empties the queue', async () => {
    const row = page.getByTestId('held-row').first();
    await row.getByTestId('refuse-open').click();
    await row.getByTestId('refuse-reason').fill('Passport damaged, photo page torn');
    await row.getByTestId('refuse-submit').click();
    await expect.poll(() => page.getByTestId('consular-message').textContent()).toBe(`${SAIDOVA.surname}, ${SAIDOVA.givenNames} refused: turned back.`);
    await expect.poll(() => page.getByTestId('held-title').textContent()).toBe('Held for consular: 0');
    await expect.poll(() => page.getByTestId('status-held').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('held-queue-empty') });
  });

  it('the history of the admitted traveller says who recorded, who authorised and why, by name', async () => {
    await page.getByTestId('consular-search').fill(KARIMOV.documentNumber);
    await page.getByTestId('consular-search').press('Enter');
    await page.getByTestId('traveller-item').first().click();
    const row = page.getByTestId('history-row').first();
    await expect.poll(() => row.getByTestId('history-operator').textContent()).toBe('Test operator');
    expect(await row.getByTestId('history-disposition').textContent()).toBe('crossed');
    const details = page.getByTestId('passage-details').first();
    expect(await details.getByTestId('passage-override').textContent()).toMatch(
      new RegExp(`held for consular → crossed by Test consular, authorised by Test consular \\(Consular officer\\): ${ADMIT_REASON}$`),
    );
    expect(await details.getByTestId('passage-correction').textContent()).toMatch(new RegExp(`Admitted → crossed · Test consular: ${ADMIT_REASON}$`));
    expect(await details.innerText()).not.toContain(unwrap(await core.listCrossings({})).items[0]?.operatorId ?? 'no operator');
    await page.screenshot({ path: screenshotPath('consular-history-names'), fullPage: true });
    expect(station.problems).toEqual([]);
  });
});
