import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutId } from '../../shared/domain/scanner-input';
import type { TestSigner } from '../fixtures/dcc/build-dcc';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { importTestTrustList, pcrCertificate, RUSTAM_NAMES } from './support/covid-evidence';
import { ScannerKeys } from './support/scanner-keys';
import { openStation, type Station } from './support/station';

let station: Station;
let page: Page;
let signer: TestSigner;
let scanner: ScannerKeys;

/**
 * A US-configured wedge scanner on a PC whose active keyboard layout is one of the region's: the page gets
 * Cyrillic letters (and, in Kazakh, letters for most digits). With the physical key codes Chromium gives, and
 * again without them (the fallback tables), a passport and its certificate still make one OK traveller.
 */
describe('wedge scanner on the keyboard layouts of the region, in Chromium', () => {
  beforeAll(async () => {
    station = await openStation({
      name: 'wedge-layouts',
      core: { bootstrap: testBootstrap('shift-lead') },
      prepare: async (core) => {
        signer = await importTestTrustList(core);
      },
      waitForScanField: true,
    });
    page = station.page;
    scanner = await ScannerKeys.attach(page);
  });

  afterAll(() => station?.close());

  const layouts: readonly LayoutId[] = ['ru', 'kk', 'uz-Cyrl', 'tg'];
  for (const codes of [true, false]) {
    for (const layout of layouts) {
      it(`reads an MRZ and an HC1 typed through the ${layout} layout ${codes ? 'by physical key' : 'from the layout table (no key codes)'}`, async () => {
        await page.keyboard.press('Escape');
        await page.getByTestId('decision-idle').waitFor();
        await scanner.scanThrough(layout, TAJIK_PASSPORT.lines, codes);
        await expect.poll(() => page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');
        expect(await page.getByTestId('decision-outcome').textContent()).toContain('NOT OK');
        await scanner.scanThrough(layout, [await pcrCertificate(signer, RUSTAM_NAMES, '1990-01-15')], codes);
        await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toMatch(/^✓\s*OK/);
        expect(await page.getByTestId('person-comparison').textContent()).toContain('the same person');
        // Nothing the scanner typed is left in the scan field, in any script.
        expect(await page.getByTestId('scan-input').inputValue()).toBe('');
        expect(await page.getByTestId('error-banner').count()).toBe(0);
        if (!codes) await page.screenshot({ path: screenshotPath(`lane-wedge-layout-${layout}`) });
      });
    }
  }

  it('ran without console errors', () => {
    expect(station.problems).toEqual([]);
  });
});
