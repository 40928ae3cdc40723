/**
 * Settings › Scanners in Chromium through the browser host: administrators open it from the navigation bar and
 * tune the wedge timing from a test scan of a scanner too slow for the lane (40 ms a key, read as typing);
 * shift leads see it read-only over the lane with F10; for operators F10 does nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../renderer/i18n/resources';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { unwrap } from '../support/result';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

const en = RESOURCES.en;
let station: Station;
let page: Page;

async function signInAs(role: 'shift-lead' | 'operator'): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').fill(TEST_USERNAME[role]);
  await page.getByTestId('login-pin').fill(TEST_PIN[role]);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('scan-input').waitFor();
}

describe('Settings › Scanners in Chromium', () => {
  beforeAll(async () => {
    station = await openStation({ name: 'scanners', core: { bootstrap: testBootstrap('admin', { roles: ['operator', 'shift-lead'] }) } });
    page = station.page;
    await page.getByTestId('nav-scanners').waitFor();
  });

  afterAll(() => station?.close());

  it('an administrator opens it from the navigation bar and learns the timing of a 40 ms scanner from one test scan', async () => {
    await page.getByTestId('nav-scanners').click();
    await page.getByTestId('scanners-screen').waitFor();
    const form = page.getByTestId('wedge-settings');
    const maxGap = form.getByLabel(en.scanners.maxGap);
    expect(Number(await maxGap.inputValue())).toBeLessThan(40);
    // The scanner types one MRZ line, a key every 40 ms, then Enter: slower than the lane's threshold.
    await page.locator('body').click();
    await page.keyboard.type(TAJIK_PASSPORT.lines[1]!, { delay: 40 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scanners-screen').textContent()).toContain(en.scanners.slowScan);
    await form.getByRole('button', { name: en.scanners.learn }).click();
    await expect.poll(async () => Number(await maxGap.inputValue())).toBeGreaterThanOrEqual(40);
    await form.getByRole('button', { name: en.scanners.save }).click();
    await expect.poll(async () => unwrap(await station.core.getWedgeSettings({})).maxGapMs).toBeGreaterThanOrEqual(40);
    await page.screenshot({ path: screenshotPath('scanners-admin-learned'), fullPage: true });
  });

  it('a shift lead sees the scanners over the lane with F10, without changing them or seeing the test area', async () => {
    await signInAs('shift-lead');
    await page.keyboard.press('F10');
    await page.getByTestId('scanners-screen').waitFor();
    expect(await page.getByTestId('scanners-error').count()).toBe(0);
    expect(await page.getByTestId('wedge-settings').count()).toBe(0);
    expect(await page.getByTestId('serial-path').count()).toBe(0);
    expect(await page.getByTestId('scanners-screen').textContent()).not.toContain(en.scanners.testArea);
    await page.screenshot({ path: screenshotPath('scanners-shift-lead') });
    await page.keyboard.press('F10');
    await page.getByTestId('scan-input').waitFor();
  });

  it('for an operator F10 does nothing: no screen that would only say "you may not"', async () => {
    await signInAs('operator');
    await page.keyboard.press('F10');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('scanners-screen').count()).toBe(0);
    expect(await page.getByTestId('scan-input').count()).toBe(1);
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
