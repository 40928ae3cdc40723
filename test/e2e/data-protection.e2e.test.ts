/**
 * Data protection on screen, in Chromium through the browser host: a full disk is a sentence on the lane and nothing
 * is shown as recorded that was not written; the admin sets the retention period and sees what was cleared.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import type { Core } from '../../shared/contract';
import { startWebHost, type WebHost } from '../../shared/host/web/web-host';
import { openStationDatabase } from '../../shared/node/db';
import { TAJIK_PASSPORT, mrzText } from '../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { ManualClock } from '../support/manual-clock';
import { unwrap } from '../support/result';
import { screenshotPath, sharedChromium } from './support/browser';
import { wedgeScan } from './support/wedge';

const RENDERER = path.resolve('dist/renderer');
const HOUR = 3_600_000;

let browser: Browser;
const cleanups: (() => void | Promise<void>)[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  browser = await sharedChromium();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStation(dataDir: string, clock: ManualClock, signIn: 'operator' | 'admin'): Promise<{ core: Core; host: WebHost; page: Page; problems: string[] }> {
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: testBootstrap(signIn, { roles: ['operator'] }) });
  const host = await startWebHost({ core, staticDir: RENDERER });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  cleanups.push(
    () => core.close(),
    () => host.close(),
    () => page.close(),
  );
  await page.goto(host.url);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
  return { core, host, page, problems };
}

/** A real 2 MiB tmpfs (needs root, as test/reliability/disk.test.ts); undefined where it cannot be mounted. */
function smallDisk(): string | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2048k', 'tmpfs', dir]).status !== 0) {
    fs.rmdirSync(dir);
    return undefined;
  }
  return dir;
}
const probe = smallDisk();
if (probe) {
  spawnSync('umount', [probe]);
  fs.rmdirSync(probe);
}

/** Fills what is left of the disk with one file (removed again to free the space). */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  for (let size = 4096; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) fs.writeSync(fd, chunk.subarray(0, size));
    } catch {
      // full at this size; try smaller
    }
  }
  fs.closeSync(fd);
  return filler;
}

describe.skipIf(!probe)('a full disk, on the lane screen', () => {
  it('says so in words, shows nothing as recorded, and records once space is back', async () => {
    const dir = smallDisk()!;
    cleanups.push(() => {
      spawnSync('umount', ['-l', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const { core, page, problems } = await openStation(dir, clock, 'operator');
    const filler = fillDisk(dir);

    // The WAL may still have room for a write or two; the next crossings need new disk blocks.
    let banner = '';
    for (let attempt = 0; attempt < 6 && !banner; attempt += 1) {
      clock.advance(HOUR);
      await page.locator('#scan-input').focus();
      await wedgeScan(page, TAJIK_PASSPORT.lines);
      await page.getByTestId('record-button').waitFor();
      await page.getByTestId('record-button').click();
      await expect.poll(async () => (await page.getByTestId('error-banner').count()) + (await page.getByTestId('recorded-note').count())).toBeGreaterThan(0);
      if ((await page.getByTestId('error-banner').count()) > 0) banner = (await page.getByTestId('error-banner').textContent()) ?? '';
    }
    expect(banner).toBe('The disk is full: nothing was saved. Free space on the station disk, then try again.');
    expect(await page.getByTestId('recorded-note').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('lane-disk-full') });
    const saved = unwrap(await core.listCrossings({ limit: 1 })).total;

    fs.rmSync(filler);
    await page.getByTestId('record-button').click();
    await page.getByTestId('recorded-note').waitFor();
    // A passport alone is NOT OK here, so what Enter saves once space is back is a refusal, and the note says so.
    expect(await page.getByTestId('recorded-note').textContent()).toMatch(new RegExp(`Refused: not let through \\(entry #${saved + 1} `));
    expect(unwrap(await core.listCrossings({ limit: 1 })).total).toBe(saved + 1);
    expect(problems).toEqual([]);
  }, 120_000);
});

describe('retention on the admin screen', () => {
  it('sets the period, then erases never-exported crossings only when the administrator confirms their number', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-retention-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const { core, page, problems } = await openStation(dataDir, clock, 'operator');
    const record = async () => unwrap(await core.recordCrossing({ scanId: unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) })).scanId, direction: 'entry' }));
    const old = await record();
    clock.advance(20 * 24 * HOUR);
    await record(); // today's crossing: the clock agrees with the log
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    await page.reload();
    await page.getByTestId('nav-admin').click();

    const days = page.getByLabel('Retention days');
    await expect.poll(() => days.inputValue()).toBe('30');
    await days.fill('14');
    // The old crossing was never exported: saving the period erases nothing, and the screen says what is kept.
    await page.getByRole('button', { name: 'Save and clear older data' }).click();
    await expect.poll(() => page.getByTestId('retention-message').textContent()).toBe('Personal data is now kept 14 days. 0 older crossings were cleared just now.');
    await expect.poll(() => page.getByTestId('retention-unexported').textContent()).toMatch(/never exported.*crossings: 1\./);
    await page.getByRole('button', { name: 'Erase them without export…' }).click();
    const dialog = page.getByTestId('retention-confirm');
    expect(await dialog.getByRole('paragraph').first().textContent()).toBe(
      'Erase the personal data of crossings never exported: 1? The central system will never receive them. This cannot be undone.',
    );
    await page.screenshot({ path: screenshotPath('admin-retention') });
    await dialog.getByRole('button', { name: 'Erase the data of crossings: 1' }).click();
    await expect.poll(() => page.getByTestId('retention-message').textContent()).toBe('Erased without export, crossings: 1.');
    expect(await page.getByTestId('retention-last').textContent()).toMatch(/, 1 crossings\.$/);
    expect(await page.getByTestId('retention-unexported').count()).toBe(0);

    expect(unwrap(await core.getRetention({})).days).toBe(14);
    expect(problems).toEqual([]);

    const db = openStationDatabase(dataDir, { readonly: true });
    expect(db.prepare('SELECT id, document_number FROM crossings ORDER BY sequence').all()).toEqual([
      { id: old.id, document_number: '(purged)' },
      { id: expect.any(String), document_number: TAJIK_PASSPORT.documentNumber },
    ]);
    db.close();
  }, 120_000);
});

describe('idle sign-out on the admin screen', () => {
  it('an administrator sets how long the lane may be left alone; the core keeps it, 0 turns it off', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-idle-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const { core, page, problems } = await openStation(dataDir, clock, 'operator');
    unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
    await page.reload();
    await page.getByTestId('nav-admin').click();
    const minutes = page.getByTestId('idle-sign-out-minutes');
    // This core was started without a host idle time: off until the administrator sets one.
    await expect.poll(() => minutes.inputValue()).toBe('0');
    await minutes.fill('10');
    await page.getByTestId('idle-sign-out-save').click();
    await expect.poll(() => page.getByTestId('idle-sign-out-message').textContent()).toBe('Saved: idle sign-out after 10 min.');
    expect(unwrap(await core.getIdleSignOut({})).minutes).toBe(10);
    await page.getByTestId('language-select').selectOption('ru');
    await minutes.fill('0');
    await page.getByTestId('idle-sign-out-save').click();
    await expect.poll(() => page.getByTestId('idle-sign-out-message').textContent()).toBe('Сохранено: автовыход отключён.');
    await page.screenshot({ path: screenshotPath('admin-idle-sign-out-ru') });
    expect(unwrap(await core.getIdleSignOut({})).minutes).toBe(0);
    expect(problems).toEqual([]);
  }, 120_000);
});
