/**
 * Users on screen, in Chromium through the browser host: the administrator resets a PIN and disables and
 * enables a user; the person signs in with the PIN they were given and chooses their own; everyone changes
 * their own PIN; a shift lead unlocks a locked-out operator and may change nothing else. The Users screen
 * is photographed in all five languages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../renderer/i18n/resources';
import { UI_LANGUAGES } from '../../renderer/i18n/languages';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

const TEMPORARY_PIN = '205817';
const OWN_PIN = '861359';
const SECOND_PIN = '930472';
const en = RESOURCES.en;

let station: Station;
let page: Page;

async function signIn(username: string, pin: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-pin').fill(pin);
  await page.getByTestId('login-submit').click();
}

async function signOut(): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').waitFor();
}

const stateOf = (username: string) => page.getByTestId(`user-state-${username}`).textContent();

describe('users in Chromium', () => {
  beforeAll(async () => {
    station = await openStation({ name: 'users', core: { bootstrap: testBootstrap('admin', { roles: ['operator', 'shift-lead'] }) } });
    page = station.page;
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
  });

  afterAll(() => station?.close());

  it('the administrator resets a PIN, disables and enables a user', async () => {
    expect(await stateOf(TEST_USERNAME.operator)).toBe(en.users.active);
    await page.getByTestId(`user-reset-${TEST_USERNAME.operator}`).click();
    await page.getByTestId(`user-temporary-pin-${TEST_USERNAME.operator}`).fill(TEMPORARY_PIN);
    await page.getByTestId(`user-temporary-pin-${TEST_USERNAME.operator}`).press('Enter');
    await expect.poll(() => stateOf(TEST_USERNAME.operator)).toBe(en.users.pinResetPending);
    expect(await page.getByTestId('users-message').textContent()).toContain(`The PIN of ${TEST_USERNAME.operator} is reset`);

    await page.getByTestId(`user-active-${TEST_USERNAME['shift-lead']}`).click();
    await expect.poll(() => stateOf(TEST_USERNAME['shift-lead'])).toBe(en.users.disabled);
    await page.getByTestId(`user-active-${TEST_USERNAME['shift-lead']}`).click();
    await expect.poll(() => stateOf(TEST_USERNAME['shift-lead'])).toBe(en.users.active);
    // Nobody disables themselves: the administrator's own row has no such button.
    expect(await page.getByTestId(`user-active-${TEST_USERNAME.admin}`).count()).toBe(0);
    // The last administrator cannot step down: the core says why, in words.
    await page.getByTestId(`user-role-${TEST_USERNAME.admin}`).selectOption('shift-lead');
    await expect.poll(() => page.getByTestId('users-message').textContent()).toBe(en.errors.auth.lastAdmin);
    expect(await page.getByTestId(`user-role-${TEST_USERNAME.admin}`).inputValue()).toBe('admin');
  });

  it('the Users screen in every language', async () => {
    for (const language of UI_LANGUAGES) {
      await page.getByTestId('language-select').selectOption(language);
      await expect.poll(() => page.locator('.users h2').first().textContent()).toBe(RESOURCES[language].users.title);
      expect(await stateOf(TEST_USERNAME.operator)).toBe(RESOURCES[language].users.pinResetPending);
      // The last message follows the language too: nothing stays in the one it was said in.
      expect(await page.getByTestId('users-message').textContent()).toBe(RESOURCES[language].errors.auth.lastAdmin);
      await page.screenshot({ path: screenshotPath(`users-${language}`) });
    }
    await page.getByTestId('language-select').selectOption('en');
  });

  it('the person signs in with the PIN they were given and chooses their own', async () => {
    await signOut();
    await signIn(TEST_USERNAME.operator, TEMPORARY_PIN);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe(en.errors.auth.newPinRequired);
    await page.getByTestId('new-pin').fill(OWN_PIN);
    await page.getByTestId('new-pin-repeat').fill('861358');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe(en.users.pinsDiffer);
    await page.getByTestId('new-pin-repeat').fill(OWN_PIN);
    await page.screenshot({ path: screenshotPath('login-new-pin') });
    await page.getByTestId('login-submit').click();
    await page.getByTestId('scan-input').waitFor();
    expect(await page.getByTestId('signed-in-user').textContent()).toContain('Test operator');
  });

  it('everyone changes their own PIN', async () => {
    await page.getByTestId('change-my-pin').click();
    await page.getByTestId('change-pin-current').fill(TEMPORARY_PIN);
    await page.getByTestId('new-pin').fill(SECOND_PIN);
    await page.getByTestId('new-pin-repeat').fill(SECOND_PIN);
    await page.getByTestId('change-pin-submit').click();
    await expect.poll(() => page.getByTestId('change-pin-error').textContent()).toMatch(/^Unknown user name or wrong PIN\. Tries left/);
    await page.getByTestId('change-pin-current').fill(OWN_PIN);
    await page.getByTestId('change-pin-submit').click();
    await page.getByTestId('change-pin').waitFor({ state: 'detached' });
    expect(await page.getByTestId('pin-changed').textContent()).toBe(en.users.pinChanged);
    await signOut();
    await signIn(TEST_USERNAME.operator, OWN_PIN);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toMatch(/^Unknown user name or wrong PIN/);
    await signIn(TEST_USERNAME.operator, SECOND_PIN);
    await page.getByTestId('scan-input').waitFor();
  });

  it('a shift lead unlocks a locked-out operator and changes nothing else', async () => {
    await signOut();
    for (let i = 0; i < 5; i += 1) await station.core.login({ username: TEST_USERNAME.operator, pin: '305827' });
    await signIn(TEST_USERNAME['shift-lead'], TEST_PIN['shift-lead']);
    await page.getByTestId('nav-users').click();
    await expect.poll(() => stateOf(TEST_USERNAME.operator)).toBe(en.users.locked);
    expect(await page.getByTestId(`user-active-${TEST_USERNAME.operator}`).count()).toBe(0);
    expect(await page.getByTestId(`user-reset-${TEST_USERNAME.operator}`).count()).toBe(0);
    expect(await page.getByTestId(`user-role-${TEST_USERNAME.operator}`).count()).toBe(0);
    await page.getByTestId(`user-unlock-${TEST_USERNAME.operator}`).click();
    await expect.poll(() => stateOf(TEST_USERNAME.operator)).toBe(en.users.active);
    await page.screenshot({ path: screenshotPath('users-shift-lead') });
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
