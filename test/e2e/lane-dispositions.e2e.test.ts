/**
 * The log of record at the lane, in Chromium through the browser host: Enter on NOT OK records a refusal (red,
 * "Refused"), letting that traveller through takes a consular officer's own PIN, a traveller left unrecorded waits
 * in the "Not yet recorded" strip (F3 brings him back, sign-out lists him), and a passport recorded already offers
 * "Amend this crossing" — a late certificate re-judges the crossing instead of showing a second, green OK.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import type { TestSigner } from '../fixtures/dcc/build-dcc';
import { mrzOf, traveller, type Traveller } from '../fixtures/corridor/bus';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { unwrap } from '../support/result';
import { screenshotPath } from './support/browser';
import { importTestTrustList, pcrCertificate } from './support/covid-evidence';
import { openStation, type Station } from './support/station';
import { wedgeScan } from './support/wedge';

let station: Station;
let core: Core;
let page: Page;
let signer: TestSigner;

const note = () => page.getByTestId('recorded-note').textContent();
const name = (t: Traveller) => `${t.surname}, ${t.givenNames}`;
async function scan(lines: readonly string[], expectedName?: string): Promise<void> {
  await wedgeScan(page, lines);
  if (expectedName) await expect.poll(() => page.getByTestId('decision-name').textContent(), { timeout: 15_000 }).toBe(expectedName);
}
const latest = async () => unwrap(await core.listCrossings({ limit: 1 })).items[0];

describe('dispositions at the lane in Chromium', () => {
  beforeAll(async () => {
    station = await openStation({
      name: 'lane-dispositions',
      core: { bootstrap: testBootstrap('shift-lead', { roles: ['operator', 'consular', 'shift-lead'] }) },
      prepare: async (stationCore) => {
        core = stationCore;
        signer = await importTestTrustList(core);
        // The operator works the lane; the consular officer only comes over to confirm with their PIN.
        unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
      },
      waitForScanField: true,
    });
    page = station.page;
  }, 60_000);

  afterAll(() => station?.close());

  it('NOT OK + Enter records a refusal: red, "Refused", not "Recorded as entry"', async () => {
    await scan(TAJIK_PASSPORT.lines, 'JURAEV, RUSTAM');
    expect(await page.getByTestId('decision-outcome').textContent()).toContain('NOT OK');
    await page.keyboard.press('Enter');
    await expect.poll(note, { timeout: 15_000 }).toMatch(/^✗ Refused: not let through \(entry #1 at /);
    expect(await note()).not.toContain('Recorded as');
    expect(await page.getByTestId('decision-panel').getAttribute('class')).toContain('outcome--not-ok');
    expect(await latest()).toMatchObject({ disposition: 'refused', current: { disposition: 'refused' } });
    await page.screenshot({ path: screenshotPath('lane-refused') });
  });

  it("letting him through takes a consular officer's own PIN and a reason (Ctrl+Enter): the operator's PIN and a wrong PIN change nothing", async () => {
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('override-dialog').waitFor();
    const tryWith = async (username: string, pin: string) => {
      await page.getByTestId('override-username').fill(username);
      await page.getByTestId('override-pin').fill(pin);
      await page.getByTestId('override-reason').fill('Consul confirmed the test result with the lab by phone');
      await page.getByTestId('override-submit').click();
    };
    await tryWith(TEST_USERNAME.operator, TEST_PIN.operator);
    await expect.poll(() => page.getByTestId('override-problem').textContent(), { timeout: 15_000 }).toMatch(/not a consular officer or shift lead/);
    await tryWith(TEST_USERNAME.consular, '000000');
    await expect.poll(() => page.getByTestId('override-problem').textContent(), { timeout: 15_000 }).toMatch(/wrong PIN/);
    expect(await latest()).toMatchObject({ current: { disposition: 'refused' } });

    await tryWith(TEST_USERNAME.consular, TEST_PIN.consular);
    await expect.poll(note, { timeout: 15_000 }).toMatch(/^Corrected: crossed \(entry #1 at /);
    expect(await page.getByTestId('override-dialog').count()).toBe(0);
    expect(await latest()).toMatchObject({ disposition: 'refused', current: { disposition: 'crossed', corrections: 1 } });
  });

  it('the next passport parks an unrecorded traveller in the "Not yet recorded" strip; F3 brings him back; sign-out lists who is left', async () => {
    await page.keyboard.press('Escape');
    await scan(mrzOf(traveller(1)).split('\n'), name(traveller(1)));
    await scan(mrzOf(traveller(2)).split('\n'), name(traveller(2)));
    await expect.poll(() => page.getByTestId('parked-strip').textContent()).toContain('Not yet recorded: 1');
    expect(await page.getByTestId('parked-item').allTextContents()).toEqual([expect.stringContaining(traveller(1).documentNumber)]);
    await page.screenshot({ path: screenshotPath('lane-parked-strip') });

    await page.keyboard.press('F3');
    await expect.poll(() => page.getByTestId('decision-name').textContent()).toBe(name(traveller(1)));
    expect(await page.getByTestId('parked-item').allTextContents()).toEqual([expect.stringContaining(traveller(2).documentNumber)]);
    await page.keyboard.press('Enter');
    await expect.poll(note, { timeout: 15_000 }).toMatch(/entry #2 at /);
    expect((await latest())?.document.documentNumber).toBe(traveller(1).documentNumber);
    await expect.poll(() => page.getByTestId('parked-item').allTextContents()).toEqual([expect.stringContaining(traveller(2).documentNumber)]);

    await page.getByTestId('sign-out').click();
    await page.getByTestId('parked-at-sign-out').waitFor();
    expect(await page.getByTestId('parked-at-sign-out-item').allTextContents()).toEqual([expect.stringContaining(traveller(2).documentNumber)]);
    await page.getByTestId('sign-out-stay').click();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Test operator');
  });

  it('a passport recorded already offers "Amend this crossing"; a certificate shown after Enter re-judges the crossing instead of a green OK', async () => {
    await page.keyboard.press('Escape');
    await scan(mrzOf(traveller(1)).split('\n'), name(traveller(1)));
    await expect.poll(() => page.getByTestId('notice-already-recorded').textContent()).toMatch(/Already recorded here at .*entry #2/);
    await page.getByTestId('notice-already-recorded').getByTestId('amend-open').click();
    await page.getByTestId('amend-dialog').waitFor();
    await page.getByTestId('amend-void').check();
    await page.getByTestId('amend-reason').fill('Scanned the driver by mistake');
    await page.getByTestId('amend-submit').click();
    await expect.poll(note, { timeout: 15_000 }).toMatch(/^Corrected: cancelled \(entry #2 at /);
    const voided = unwrap(await core.listCrossings({ documentNumber: traveller(1).documentNumber })).items;
    expect(voided.map((c) => c.current?.disposition)).toEqual(['cancelled']);

    // #3 shows his passport only (NOT OK, refused at Enter), then his test: the panel offers to amend, Enter does it.
    await page.keyboard.press('Escape');
    const three = traveller(3);
    await scan(mrzOf(three).split('\n'), name(three));
    await page.keyboard.press('Enter');
    await expect.poll(note, { timeout: 15_000 }).toMatch(/Refused/);
    await scan([await pcrCertificate(signer, { fn: three.surname, fnt: three.surname, gn: three.givenNames, gnt: three.givenNames }, three.birthDate)]);
    await page.getByTestId('notice-amends').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('decision-panel').getAttribute('class')).toContain('decision--amend');
    expect(await page.getByTestId('record-button').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('lane-amend-offered') });
    await page.keyboard.press('Enter');
    await expect.poll(note, { timeout: 15_000 }).toMatch(/^Corrected: crossed/);
    expect(await latest()).toMatchObject({ outcome: 'NOT_OK', disposition: 'refused', current: { outcome: 'OK', disposition: 'crossed' } });
    expect(station.problems).toEqual([]);
  });
});
