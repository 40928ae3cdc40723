import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import type { TestSigner } from '../fixtures/dcc/build-dcc';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { makeBus, presentTraveller, type BusTraveller } from './support/bus';
import { ScannerKeys } from './support/scanner-keys';
import { importTestTrustList } from './support/covid-evidence';
import { openStation, type Station } from './support/station';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let station: Station;
let core: Core;
let page: Page;
let scanner: ScannerKeys;
let travellers: BusTraveller[];
const requests: string[] = [];
const sockets: string[] = [];


/**
 * axe-core run in the page as it is. The script is evaluated through the DevTools protocol rather than
 * added as a <script> tag, which the station's CSP (rightly) refuses; the page's CSP stays in force.
 */
async function seriousViolations(target: Page, label: string): Promise<string[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await target.evaluate(AXE_SOURCE);
  const violations = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** How many rows the visible children of `selector` take. */
async function rowsOf(target: Page, selector: string): Promise<number> {
  return target.evaluate((css) => {
    const boxes = [...(document.querySelector(css)?.children ?? [])].map((child) => child.getBoundingClientRect()).filter((box) => box.height > 0);
    // A child whose middle lies within an earlier row's height sits in that row.
    const rows: { top: number; bottom: number }[] = [];
    for (const box of boxes.sort((a, b) => a.top - b.top)) {
      const middle = box.top + box.height / 2;
      if (!rows.some((row) => middle >= row.top && middle <= row.bottom)) rows.push({ top: box.top, bottom: box.bottom });
    }
    return rows.length;
  }, selector);
}

/** One traveller shown on the lane: passport, then the certificate that joins it. */
const showTraveller = (traveller: BusTraveller) => presentTraveller(page, scanner, traveller);

describe('lane accessibility (axe-core), display options and no network beyond the station', () => {
  beforeAll(async () => {
    // A shift lead sees the lane and every supervision screen.
    station = await openStation({
      name: 'a11y',
      core: { bootstrap: testBootstrap('shift-lead') },
      prepare: async (stationCore) => {
        const signer: TestSigner = await importTestTrustList(stationCore);
        // Travellers 0, 3 and 7 of a generated bus: OK, NOT OK (old test), NEEDS CROSS-CHECK (someone else's certificate).
        travellers = await makeBus(signer, 8);
      },
      beforeOpen: async (stationPage) => {
        stationPage.on('request', (request) => requests.push(request.url()));
        stationPage.on('websocket', (socket) => sockets.push(socket.url()));
        scanner = await ScannerKeys.attach(stationPage);
      },
      waitForScanField: true,
    });
    ({ core, page } = station);
  }, 60_000);

  afterAll(() => station?.close());

  it('the idle lane and the status bar have no serious or critical violations', async () => {
    await expect.poll(() => page.getByTestId('status-operator').textContent()).toContain('Test shift-lead');
    expect(await page.getByTestId('status-corridor').textContent()).toBe('Corridor: KZ-UZ-TJ');
    expect(await page.getByTestId('status-rule-profile').textContent()).toBe('Rules: uz-transit-pcr v1');
    expect(await page.getByTestId('status-unsent').textContent()).toBe('All crossings sent');
    expect(await page.getByTestId('scanners-connected').textContent()).toBe('Keyboard scanners only');
    expect(await seriousViolations(page, 'lane idle')).toEqual([]);
  });

  it('each outcome: colour, icon and words, a sound, and no serious violations', async () => {
    const cases = [
      { traveller: travellers[0]!, words: /^✓\s*OK/, sound: 'OK', className: 'outcome--ok' },
      { traveller: travellers[3]!, words: /^✕\s*NOT OK/, sound: 'NOT_OK', className: 'outcome--not-ok' },
      { traveller: travellers[7]!, words: /^!\s*NEEDS CROSS-CHECK/, sound: 'NEEDS_CROSS_CHECK', className: 'outcome--cross-check' },
    ];
    const found: string[] = [];
    for (const { traveller, words, sound, className } of cases) {
      await showTraveller(traveller);
      await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toMatch(words);
      expect(await page.getByTestId('decision-panel').getAttribute('class')).toContain(className);
      if (sound === 'NEEDS_CROSS_CHECK') {
        // Someone else's certificate: its name is not put under the passport's name.
        expect(await page.getByTestId('decision-original-name').count()).toBe(0);
      }
      if (sound === 'OK') {
        // The identity: Latin name from the passport, the certificate's Cyrillic beside it, nationality by name, age, expiry.
        expect(await page.getByTestId('decision-original-name').textContent()).toBe('Алимов, Бобур');
        expect(await page.getByTestId('decision-nationality').textContent()).toMatch(/^UZB — Uzbekistan/);
        expect(await page.getByTestId('decision-birth').textContent()).toMatch(/\(age \d+\)/);
        expect(await page.getByTestId('decision-expiry').textContent()).toMatch(/expires in \d+ days/);
      }
      // The outcome's own sound was played from the station's origin (the audio element resolved play()).
      await expect
        .poll(() => page.evaluate(() => performance.getEntriesByName('lane:sound-played').map((e) => (e as PerformanceMark).detail?.outcome as string)))
        .toContain(sound);
      found.push(...(await seriousViolations(page, `outcome ${sound}`)));
    }
    expect(found).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName('lane:sound-failed').length)).toBe(0);
  });

  it('screenshots of the lane in each language and each outcome', async () => {
    const outcomes = [
      { traveller: travellers[0]!, name: 'ok' },
      { traveller: travellers[3]!, name: 'not-ok' },
      { traveller: travellers[7]!, name: 'cross-check' },
    ];
    let english: string | null = null;
    for (const { traveller, name } of outcomes) {
      await showTraveller(traveller);
      for (const language of ['en', 'ru', 'uz', 'tg', 'kk']) {
        await page.getByTestId('language-select').selectOption(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        // The passport's state is named in the operator's language (Cyrillic in Russian, Tajik and Kazakh).
        const nationality = () => page.getByTestId('decision-nationality').textContent();
        if (language === 'en') english = await nationality();
        else await expect.poll(nationality).not.toBe(english);
        if (['ru', 'tg', 'kk'].includes(language)) expect(await nationality()).toMatch(/— \p{Script=Cyrillic}/u);
        await page.screenshot({ path: screenshotPath(`lane-${language}-${name}`) });
      }
      await page.getByTestId('language-select').selectOption('en');
    }
    // Back in English for the rest; the traveller needing a cross-check is on screen.
    await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toMatch(/NEEDS CROSS-CHECK/);
  });

  it('records with Enter; the focus stays in the scan field', async () => {
    await page.keyboard.press('Enter');
    await page.getByTestId('recorded-note').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
    await expect.poll(() => page.getByTestId('status-unsent').textContent()).toBe('Not yet sent: 1');
    expect(await seriousViolations(page, 'recorded')).toEqual([]);
  });

  it('manual entry (F4) and the paper certificate form (F8) have no serious violations', async () => {
    await page.keyboard.press('F4');
    await page.getByTestId('manual-mrz').waitFor();
    const found = await seriousViolations(page, 'manual entry');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F8');
    await page.getByTestId('paper-form').waitFor();
    found.push(...(await seriousViolations(page, 'paper certificate')));
    await page.keyboard.press('Escape');
    expect(found).toEqual([]);
  });

  it('large text and high contrast by shortcut, stored for the operator, at 1366×768 and 1920×1080', async () => {
    await showTraveller(travellers[3]!);
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('Alt+H');
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).toMatch(/large-text.*high-contrast|high-contrast.*large-text/);
    await expect.poll(async () => (await core.getUserPreferences({})).ok && (await core.getUserPreferences({}))).toMatchObject({ value: { largeText: true, highContrast: true } });
    const found: string[] = [];
    // At 1366×768 in every language: one status row, one navigation row, and the outcome with all its reasons
    // and the record button on the first screen; the let-through form opened inline does not widen the page.
    for (const language of ['en', 'ru', 'uz', 'tg', 'kk']) {
      await page.getByTestId('language-select').selectOption(language);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await rowsOf(page, '.status-bar'), `status bar in ${language}`).toBe(1);
      expect(await rowsOf(page, '.nav'), `navigation in ${language}`).toBe(1);
      for (const part of ['decision-outcome', 'decision-reasons', 'record-button']) {
        const box = await page.getByTestId(part).boundingBox();
        expect(box && box.y + box.height <= 768, `${part} on the first screen in ${language}`).toBe(true);
      }
      // The sign-out stays in view: the navigation never hides it in a scrolled-off corner.
      const signOut = await page.getByTestId('sign-out').boundingBox();
      expect(signOut && signOut.x + signOut.width <= 1366, `sign-out in view in ${language}`).toBe(true);
      await page.screenshot({ path: screenshotPath(`lane-large-text-${language}-1366x768`) });
      await page.keyboard.press('Control+Enter');
      await page.getByTestId('override-dialog').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `let-through form in ${language}`).toBeLessThanOrEqual(1366);
      await page.getByTestId('override-dialog').getByRole('button').first().click();
      await expect.poll(() => page.getByTestId('override-dialog').count()).toBe(0);
    }
    await page.getByTestId('language-select').selectOption('en');
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(viewport);
      // Nothing runs off the side: the page is never wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      // The outcome and the record button are on the first screen, without scrolling.
      const outcome = await page.getByTestId('decision-outcome').boundingBox();
      expect(outcome && outcome.y + outcome.height <= viewport.height).toBe(true);
      const record = await page.getByTestId('record-button').boundingBox();
      expect(record && record.y + record.height <= viewport.height).toBe(true);
      await page.screenshot({ path: screenshotPath(`lane-large-high-contrast-${viewport.width}x${viewport.height}`) });
      found.push(...(await seriousViolations(page, `large text + high contrast ${viewport.width}x${viewport.height}`)));
    }
    // The Settings area shows the same options with their keys.
    await page.getByTestId('display-settings-button').click();
    await page.getByTestId('display-settings').waitFor();
    expect(await page.getByTestId('display-settings').textContent()).toMatch(/Alt\+T.*Alt\+H.*Alt\+M/s);
    found.push(...(await seriousViolations(page, 'settings')));
    await page.getByTestId('volume-select').selectOption('silent');
    await expect.poll(async () => { const p = await core.getUserPreferences({}); return p.ok ? p.value.volume : undefined; }).toBe(0);
    await page.getByTestId('display-settings-close').click();
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('Alt+H');
    await expect.poll(() => page.evaluate(() => document.documentElement.className)).not.toMatch(/large-text|high-contrast/);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(found).toEqual([]);
  });

  it('the other screens (groups, consular, dashboard, export) have no serious violations', async () => {
    const found: string[] = [];
    for (const screen of ['groups', 'consular', 'dashboard', 'export'] as const) {
      await page.getByTestId(`nav-${screen}`).click();
      await expect.poll(() => page.getByTestId(`nav-${screen}`).getAttribute('aria-current')).toBe('page');
      await page.waitForTimeout(300); // let the screen's first data arrive (not a limit: axe runs either way)
      found.push(...(await seriousViolations(page, screen)));
    }
    await page.getByTestId('nav-lane').click();
    expect(found).toEqual([]);
  });

  it('the sign-in screen and the administration screen have no serious violations', async () => {
    await page.getByTestId('sign-out').click();
    // The outcomes shown above were never recorded: sign-out lists them first, and that list is checked too.
    await page.getByTestId('parked-at-sign-out').waitFor();
    const found = await seriousViolations(page, 'parked at sign-out');
    await page.getByTestId('sign-out-anyway').click();
    await page.getByTestId('login-username').waitFor();
    found.push(...(await seriousViolations(page, 'sign-in')));
    await page.getByTestId('login-username').fill(TEST_USERNAME.admin);
    await page.getByTestId('login-pin').fill(TEST_PIN.admin);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-admin').click();
    await expect.poll(() => page.getByTestId('nav-admin').getAttribute('aria-current')).toBe('page');
    await page.waitForTimeout(300);
    found.push(...(await seriousViolations(page, 'administration')));
    expect(found).toEqual([]);
  });

  it('made no request to anything but the station itself (offline: no CDN, no fonts, no telemetry)', () => {
    const origin = new URL(station.host.url).origin;
    const wsOrigin = origin.replace(/^http/, 'ws');
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(sockets.filter((url) => !url.startsWith(`${wsOrigin}/`))).toEqual([]);
    // The outcome sounds came from the station itself.
    expect(requests.filter((url) => url.includes('/sounds/')).length).toBeGreaterThan(0);
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
