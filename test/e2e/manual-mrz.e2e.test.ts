import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

let station: Station;
let page: Page;

describe('manual MRZ entry (consular) in Chromium', () => {
  beforeAll(async () => {
    station = await openStation({ name: 'manual', core: { bootstrap: testBootstrap('consular') } });
    page = station.page;
    await page.getByTestId('scan-input').waitFor();
  });

  afterAll(() => station?.close());

  it('builds the MRZ field by field, transliterating Cyrillic, with dates typed day first; Enter checks it', async () => {
    await page.keyboard.press('F4');
    await page.getByTestId('manual-mrz').waitFor();
    await page.getByTestId('manual-issuingState').fill('TJK');
    await page.getByTestId('manual-surname').fill('Ҷураев');
    await page.getByTestId('manual-givenNames').fill('Рустам');
    await page.getByTestId('manual-documentNumber').fill('401234567');
    await page.getByTestId('manual-nationality').fill('TJK');
    await page.getByTestId('manual-birthDate').fill('15.01.90');
    await page.getByTestId('manual-sex').selectOption('M');
    await page.getByTestId('manual-expiryDate').fill('20.06.2030');
    const lines = (await page.getByTestId('manual-mrz-lines').textContent())?.split('\n') ?? [];
    expect(lines[0]).toBe('P<TJKDZHURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<');
    // The check digit of an empty personal number may be 0 or < (ICAO 9303 Part 4 §4.2.2.2); the rest is fixed.
    expect(lines[1]?.slice(0, 42)).toBe(TAJIK_PASSPORT.lines[1]?.slice(0, 42));
    expect(await page.getByTestId('check-digit-table').first().textContent()).not.toContain('wrong');
    await page.screenshot({ path: screenshotPath('manual-mrz-form'), fullPage: true });
    await page.getByTestId('manual-expiryDate').press('Enter');
    await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toContain('OK');
    expect(await page.getByTestId('decision-name').textContent()).toBe('DZHURAEV, RUSTAM');
    expect(await page.getByTestId('decision-nationality').textContent()).toMatch(/TJK — Tajikistan/);
  });

  it('shows which check digit of a pasted MRZ is wrong', async () => {
    await page.keyboard.press('F4');
    await page.getByTestId('manual-mrz').waitFor();
    const wrong = `${TAJIK_PASSPORT.lines[0]}\n${TAJIK_PASSPORT.lines[1]!.slice(0, 19)}9${TAJIK_PASSPORT.lines[1]!.slice(20)}`;
    await page.getByTestId('paste-mrz').fill(wrong);
    const table = page.locator('.manual-mrz__paste').getByTestId('check-digit-table');
    await table.waitFor();
    expect(await table.textContent()).toMatch(/Date of birth9[0-9]✕ wrong/);
    await page.screenshot({ path: screenshotPath('manual-mrz-paste-wrong'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('manual-mrz').waitFor({ state: 'detached' });
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
