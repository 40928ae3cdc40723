import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import { RESOURCES } from '../../renderer/i18n/resources';
import { UI_LANGUAGES } from '../../renderer/i18n/languages';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

let station: Station;
let core: Core;
let page: Page;

const idleText = () => page.getByTestId('decision-idle').textContent();
const manualButton = () => page.getByTestId('open-manual-mrz').textContent();

describe('the station in five languages (Chromium through the browser host)', () => {
  beforeAll(async () => {
    // Nobody signed in: the operator signs in through the screen.
    station = await openStation({ name: 'i18n', core: { bootstrap: testBootstrap(null, { roles: ['operator'] }) } });
    ({ core, page } = station);
  });

  afterAll(() => station?.close());

  it('signs in (the sign-in screen in English on a fresh station)', async () => {
    await page.getByTestId('login-username').waitFor();
    expect(await page.locator('#login-title').textContent()).toBe(RESOURCES.en.login.title);
    await page.getByTestId('login-username').fill(TEST_USERNAME.operator);
    await page.getByTestId('login-pin').fill(TEST_PIN.operator);
    await page.getByTestId('login-submit').click();
    await expect.poll(idleText).toBe(RESOURCES.en.lane.waiting);
  });

  for (const language of UI_LANGUAGES) {
    it(`switches the lane to ${language}`, async () => {
      await page.getByTestId('language-select').selectOption(language);
      const strings = RESOURCES[language];
      await expect.poll(idleText).toBe(strings.lane.waiting);
      expect(await manualButton()).toContain(strings.lane.manualEntry);
      expect(await page.getByTestId('nav-lane').textContent()).toBe(strings.nav.lane);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      // The choice reaches the core as this operator's preference.
      await expect.poll(async () => {
        const stored = await core.getUserPreferences({});
        return stored.ok ? stored.value.language : stored.error.code;
      }).toBe(language);
      await page.screenshot({ path: screenshotPath(`lane-${language}`) });
    });
  }

  it('Alt+L steps to the next language (kk → en wraps round)', async () => {
    await page.keyboard.press('Alt+KeyL');
    await expect.poll(idleText).toBe(RESOURCES.en.lane.waiting);
    await page.keyboard.press('Alt+KeyL');
    await expect.poll(idleText).toBe(RESOURCES.ru.lane.waiting);
  });

  it('remembers the language after a reload, from the core even when the station storage is wiped', async () => {
    await page.getByTestId('language-select').selectOption('tg');
    await expect.poll(idleText).toBe(RESOURCES.tg.lane.waiting);
    await page.reload();
    await expect.poll(idleText).toBe(RESOURCES.tg.lane.waiting);
    expect(await page.getByTestId('language-select').inputValue()).toBe('tg');

    // Without this browser's memory the operator's own choice still comes back, from SQLite via the core.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect.poll(idleText).toBe(RESOURCES.tg.lane.waiting);
  });

  it('after sign-out, the sign-in screen speaks the language last used at this station', async () => {
    await page.getByTestId('language-select').selectOption('uz');
    await expect.poll(idleText).toBe(RESOURCES.uz.lane.waiting);
    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.locator('#login-title').textContent()).toBe(RESOURCES.uz.login.title);
    await page.reload();
    await expect.poll(() => page.locator('#login-title').textContent()).toBe(RESOURCES.uz.login.title);
    await page.screenshot({ path: screenshotPath('login-uz') });
    expect(station.problems).toEqual([]);
  });
});
