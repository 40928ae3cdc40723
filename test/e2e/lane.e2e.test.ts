import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSigner } from '../fixtures/dcc/build-dcc';
import { EXPIRED_UZBEK_PASSPORT, TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';
import { ScannerKeys } from './support/scanner-keys';
import { wedgeScan } from './support/wedge';
import { importTestTrustList, pcrCertificate, RUSTAM_NAMES } from './support/covid-evidence';

let station: Station;
let page: Page;
let signer: TestSigner;

describe('lane screen through the browser host in Chromium', () => {
  beforeAll(async () => {
    // A real data folder that outlives one test: the reload must read the crossing back from SQLite.
    // A shift lead is signed in: scans the lane and may import the DCC trust list.
    station = await openStation({
      name: 'lane',
      core: { bootstrap: testBootstrap('shift-lead') },
      prepare: async (core) => {
        signer = await importTestTrustList(core);
      },
    });
    page = station.page;
  });

  afterAll(() => station?.close());

  it('opens with the scan field focused and the token removed from the address bar', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.getByTestId('station-id').textContent()).toMatch(/STN-/);
    await page.screenshot({ path: screenshotPath('lane-idle') });
  });

  it('turns a keyboard-wedge MRZ burst into a decision: NOT OK until a COVID test is shown', async () => {
    await expect.poll(() => page.getByTestId('trust-list-status').textContent()).toMatch(/Trust list: 1 signers, imported today/);
    await wedgeScan(page, TAJIK_PASSPORT.lines);
    await page.getByTestId('decision-outcome').waitFor();
    expect(await page.getByTestId('decision-outcome').textContent()).toContain('NOT OK');
    expect(await page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');
    expect(await page.getByTestId('decision-panel').textContent()).toContain('No COVID evidence presented');
  });

  it('a valid EU test certificate scanned next joins the passport: OK, with both documents side by side', async () => {
    await wedgeScan(page, [await pcrCertificate(signer, RUSTAM_NAMES, '1990-01-15')]);
    await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toMatch(/^✓\s*OK/);
    expect(await page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');
    expect(await page.getByTestId('comparison-name').textContent()).toContain('Ҷураев, Рустам');
    expect(await page.getByTestId('person-comparison').textContent()).toContain('the same person');
    expect(await page.getByTestId('evidence-item').first().textContent()).toMatch(/EU COVID certificate — PCR test, negative/);
    await page.screenshot({ path: screenshotPath('lane-decision-ok') });
  });

  it('records the crossing with Enter and lists it', async () => {
    await page.keyboard.press('Enter');
    await page.getByTestId('recorded-note').waitFor();
    expect(await page.getByTestId('recorded-note').textContent()).toMatch(/Recorded as entry #1/);
    await expect.poll(() => page.getByTestId('crossing-row').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('lane-recorded') });
  });

  it('still lists the crossing after a reload, read back from SQLite', async () => {
    await page.reload();
    await page.getByTestId('crossing-row').first().waitFor();
    const rows = await page.getByTestId('crossing-row').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('JURAEV, RUSTAM');
    expect(rows[0]).toContain(TAJIK_PASSPORT.documentNumber);
    await page.screenshot({ path: screenshotPath('lane-after-reload') });
  });

  it('shows NOT OK in red words for an expired passport, switched to exit with F2', async () => {
    await page.keyboard.press('F2');
    await wedgeScan(page, EXPIRED_UZBEK_PASSPORT.lines);
    await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toContain('NOT OK');
    expect(await page.getByTestId('decision-panel').textContent()).toContain('The document expired on 2019-01-01.');
    expect(await page.getByTestId('record-button').textContent()).toContain('Record exit');
    await page.screenshot({ path: screenshotPath('lane-decision-not-ok') });
  });

  it('a scan whose tail reaches the page late (a busy PC) is still one scan, passport and certificate alike', async () => {
    const scanner = await ScannerKeys.attach(page);
    const certificate = await pcrCertificate(signer, RUSTAM_NAMES, '1990-01-15');
    const bursts = await page.evaluate(() => performance.getEntriesByName('lane:scan-last-key').length);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2'); // back to entry: without a certificate the passport alone is NOT OK
    await page.getByTestId('decision-idle').waitFor();
    // The passport's second line arrives 700 ms after the first one's Enter, though typed 2 ms after it.
    await scanner.scan(TAJIK_PASSPORT.lines, 2, 'paced', { afterKey: TAJIK_PASSPORT.lines[0]!.length + 1, ms: 700 });
    await expect.poll(() => page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');
    expect(await page.getByTestId('decision-outcome').textContent()).toContain('NOT OK');
    // The certificate stops for 700 ms in the middle of its one line.
    await scanner.scan([certificate], 2, 'paced', { afterKey: 200, ms: 700 });
    await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toMatch(/^✓\s*OK/);
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('lane:scan-last-key').length)).toBe(bursts + 2);
    expect(await page.getByTestId('error-banner').count()).toBe(0);
  });

  it('a scan whose first keys arrive alone (a stall after them) keeps its head: nothing is left typed in the scan field', async () => {
    const scanner = await ScannerKeys.attach(page);
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-idle').waitFor();
    // "P<" reaches the page, then nothing for 400 ms: long enough to look like a person typing two keys.
    await scanner.scan(EXPIRED_UZBEK_PASSPORT.lines, 2, 'paced', { afterKey: 2, ms: 400 });
    await expect.poll(() => page.getByTestId('decision-panel').textContent()).toContain('The document expired on 2019-01-01.');
    expect(await page.getByTestId('scan-input').inputValue()).toBe('');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
  });

  it('Esc clears text typed into the scan field along with the decision', async () => {
    await page.getByTestId('scan-input').fill('P<UZB');
    await page.keyboard.press('Escape');
    await page.getByTestId('decision-idle').waitFor();
    expect(await page.getByTestId('scan-input').inputValue()).toBe('');
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
