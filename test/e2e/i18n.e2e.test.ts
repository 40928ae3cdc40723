import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import type { Core } from '../../shared/contract';
import { startWebHost, type WebHost } from '../../shared/host/web/web-host';
import { RESOURCES } from '../../renderer/i18n/resources';
import { UI_LANGUAGES } from '../../renderer/i18n/languages';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { launchChromium, screenshotPath } from './support/browser';

const RENDERER = path.resolve('dist/renderer');

let core: Core;
let host: WebHost;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const idleText = () => page.getByTestId('decision-idle').textContent();
const manualButton = () => page.getByTestId('open-manual-mrz').textContent();

describe('the station in five languages (Chromium through the browser host)', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-i18n-e2e-'));
    // Nobody signed in: the operator signs in through the screen.
    core = await createCore({ dataDir, logger: silentLogger, bootstrap: testBootstrap(null, { roles: ['operator'] }) });
    host = await startWebHost({ core, staticDir: RENDERER });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(host.url);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    core?.close();
  });

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
    expect(problems).toEqual([]);
  });
});
