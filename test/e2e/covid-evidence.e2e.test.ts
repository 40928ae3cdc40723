/**
 * COVID evidence on the lane screen in Chromium: the three outcomes a certificate can lead to, the consular
 * view of the decoded certificate, and the paper-certificate form driven by the keyboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSigner } from '../fixtures/dcc/build-dcc';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';
import { wedgeScan } from './support/wedge';
import { importTestTrustList, pcrCertificate, RUSTAM_NAMES } from './support/covid-evidence';

let station: Station;
let page: Page;
let signer: TestSigner;


const outcome = () => page.getByTestId('decision-outcome').textContent();

async function freshTraveller(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('decision-idle').waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
  await wedgeScan(page, TAJIK_PASSPORT.lines);
  await expect.poll(outcome).toContain('NOT OK');
}

describe('COVID evidence on the lane screen', () => {
  beforeAll(async () => {
    station = await openStation({
      name: 'evidence',
      core: { bootstrap: testBootstrap('shift-lead') },
      prepare: async (stationCore) => {
        signer = await importTestTrustList(stationCore);
      },
      viewport: { width: 1366, height: 900 },
      waitForScanField: true,
    });
    page = station.page;
  });

  afterAll(() => station?.close());

  it('NEEDS CROSS-CHECK when the certificate names someone else, with both versions side by side', async () => {
    await freshTraveller();
    await wedgeScan(page, [await pcrCertificate(signer, { fn: 'Каримова', fnt: 'KARIMOVA', gn: 'Дилноза', gnt: 'DILNOZA' }, '1985-12-03')]);
    await expect.poll(outcome).toContain('NEEDS CROSS-CHECK');
    const comparison = await page.getByTestId('person-comparison').textContent();
    expect(comparison).toContain('JURAEV, RUSTAM');
    expect(comparison).toContain('KARIMOVA, DILNOZA');
    expect(comparison).toContain('Каримова, Дилноза');
    expect(comparison).toContain('DIFFERENT NAME');
    expect(await page.getByTestId('decision-panel').textContent()).toContain('Certificate: KARIMOVA, DILNOZA');
    await page.screenshot({ path: screenshotPath('evidence-cross-check-name-mismatch'), fullPage: true });
  });

  it('F9 opens the consular view of the full decoded certificate', async () => {
    await page.keyboard.press('F9');
    const details = page.getByTestId('certificate-details');
    await details.waitFor();
    const text = await details.textContent();
    expect(text).toContain('Signature (trust list)');
    expect(text).toContain('✓ passed');
    expect(text).toContain('UZ (key');
    expect(await page.getByTestId('details-surname').textContent()).toContain('Каримова');
    expect(text).toContain('Nucleic acid amplification'); // the value-set meaning of LP6464-4
    await details.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('evidence-certificate-details'), fullPage: true });
    await page.keyboard.press('F9');
    await expect.poll(() => page.getByTestId('certificate-details').count()).toBe(0);
  });

  it('NOT OK when the test is older than the profile allows', async () => {
    await freshTraveller();
    await wedgeScan(page, [await pcrCertificate(signer, RUSTAM_NAMES, '1990-01-15', 80)]);
    // The passport alone was NOT OK already: wait for the certificate to join before reading the reasons.
    await page.getByTestId('evidence-item').waitFor();
    expect(await outcome()).toContain('NOT OK');
    expect(await page.getByTestId('decision-panel').textContent()).toMatch(/PCR test \(EU certificate\) is too old: .* at most 72 hours are allowed/);
    expect(await page.getByTestId('person-comparison').textContent()).toContain('the same person');
    await page.screenshot({ path: screenshotPath('evidence-not-ok-expired-test'), fullPage: true });
  });

  it('a paper lab certificate is keyed in with F8 and the keyboard, and needs a cross-check', async () => {
    await freshTraveller();
    await page.keyboard.press('F8');
    await page.getByTestId('paper-form').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('paper-lab');
    // Esc inside the form closes only the form: the traveller stays on screen.
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-panel').waitFor();
    expect(await page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');

    await page.keyboard.press('F8');
    await page.getByTestId('paper-lab').waitFor();
    // A person types (slower than a scanner's burst, so the wedge capture gives the keys to the form).
    const human = { delay: 60 };
    await page.keyboard.type('Dushanbe Republican Lab', human);
    await page.keyboard.press('Tab');
    await page.keyboard.type('DRL-2021-0457', human);
    await page.keyboard.press('Tab');
    // Sample taken 20 hours ago, day first in the station's local time as printed on a Tajik lab's paper; PCR and negative are the defaults.
    const sampled = new Date(Date.now() - 20 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await page.keyboard.type(`${pad(sampled.getDate())}.${pad(sampled.getMonth() + 1)}.${sampled.getFullYear()} ${pad(sampled.getHours())}:${pad(sampled.getMinutes())}`, human);
    await page.keyboard.press('Enter');
    await page.getByTestId('decision-panel').waitFor();
    await expect.poll(outcome).toContain('NEEDS CROSS-CHECK');
    expect(await page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');
    expect(await page.getByTestId('evidence-item').first().textContent()).toContain('Paper lab certificate DRL-2021-0457');
    expect(await page.getByTestId('decision-panel').textContent()).toContain('A paper certificate cannot be verified offline');
    await page.screenshot({ path: screenshotPath('evidence-paper-certificate'), fullPage: true });
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
