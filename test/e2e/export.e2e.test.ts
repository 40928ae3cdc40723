import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import { verifyBundle } from '../../shared/domain/export';
import { readBundle } from '../../shared/node/export';
import { EXPIRED_UZBEK_PASSPORT, TAJIK_PASSPORT, mrzText } from '../fixtures/mrz/passports';
import { testBootstrap } from '../support/core-session';
import { SCREENSHOT_DIR, screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

const CLI = path.resolve('dist/node/cli.mjs');

let station: Station;
let core: Core;
let page: Page;
let usb: string;
let dataDir: string;

async function record(passport: { lines: readonly string[] }, direction: 'entry' | 'exit'): Promise<void> {
  const scan = await core.scan({ payload: mrzText(passport) });
  if (!scan.ok) throw new Error(scan.error.message);
  const saved = await core.recordCrossing({ scanId: scan.value.scanId, direction });
  if (!saved.ok) throw new Error(saved.error.message);
}

describe('Export screen through the browser host in Chromium', () => {
  beforeAll(async () => {
    usb = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-usb-'));
    station = await openStation({
      name: 'export',
      core: { bootstrap: testBootstrap('shift-lead') },
      prepare: async (stationCore) => {
        core = stationCore;
        // Four crossings recorded through the core, as lanes would: two entries, two exits.
        await record(TAJIK_PASSPORT, 'entry');
        await record(EXPIRED_UZBEK_PASSPORT, 'entry');
        await record(TAJIK_PASSPORT, 'exit');
        await record(EXPIRED_UZBEK_PASSPORT, 'exit');
      },
      viewport: { width: 1366, height: 900 },
    });
    ({ page, dataDir } = station);
    await page.getByTestId('nav-export').waitFor();
  });

  afterAll(async () => {
    await station?.close();
    if (usb) fs.rmSync(usb, { recursive: true, force: true });
  });

  it('opens by keyboard (F7) and previews the day’s counts', async () => {
    await page.keyboard.press('F7');
    await page.getByTestId('export-screen').waitFor();
    expect(await page.getByTestId('nav-export').getAttribute('aria-current')).toBe('page');
    await expect.poll(() => page.getByTestId('preview-total').textContent()).toBe('4');
    expect(await page.getByTestId('preview-entry').textContent()).toBe('2');
    expect(await page.getByTestId('preview-exit').textContent()).toBe('2');
    const preview = await core.previewExport({});
    if (!preview.ok) throw new Error(preview.error.message);
    expect(Number(await page.getByTestId('preview-not-ok').textContent())).toBe(preview.value.crossings.NOT_OK);
    expect(await page.getByTestId('export-period-text').textContent()).toContain(preview.value.period.timeZone);
    // The folder field has the focus: the shift lead types the USB path straight away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-folder');
    const identity = await core.getStationIdentity({});
    if (!identity.ok) throw new Error(identity.error.message);
    expect((await page.getByTestId('station-fingerprint').textContent())?.replaceAll(' ', '')).toBe(identity.value.fingerprint);
  });

  it('says in words when the USB folder is not there, and writes nothing', async () => {
    await page.getByTestId('export-folder').fill(path.join(usb, 'not-plugged-in'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/does not exist\. Plug in the USB stick/);
    expect(await page.getByTestId('export-message').getAttribute('role')).toBe('alert');
    expect(fs.readdirSync(usb)).toEqual([]);
  });

  it('exports to the folder with progress, lists it in the history, and the bundle verifies', async () => {
    await page.getByTestId('export-folder').fill(usb);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/^Bundle written: .*\.zip \(4 crossings, \d+ alerts\)\.$/);
    expect(await page.getByTestId('export-progress').textContent()).toContain('Done');
    await expect.poll(() => page.getByTestId('export-history-row').count()).toBe(1);
    expect(await page.getByTestId('export-status').first().textContent()).toBe('Written (USB only)');
    await page.screenshot({ path: screenshotPath('export-written'), fullPage: true });

    const written = fs.readdirSync(usb);
    expect(written).toHaveLength(1);
    const bundlePath = path.join(usb, written[0] as string);
    const identity = await core.getStationIdentity({});
    if (!identity.ok) throw new Error(identity.error.message);
    const bundle = readBundle(bundlePath);
    if (!bundle.ok) throw new Error(bundle.message);
    const verification = await verifyBundle({ files: bundle.files, signer: { publicKey: identity.value.publicKey } });
    expect(verification.problems).toEqual([]);
    expect(verification.ok).toBe(true);
    expect(verification.manifest?.rows.crossings).toBe(4);

    // The built CLI, as the central side runs it, agrees.
    if (fs.existsSync(CLI)) {
      const keyFile = path.join(dataDir, 'station.pub');
      fs.writeFileSync(keyFile, identity.value.fingerprint);
      const run = spawnSync(process.execPath, [CLI, 'export', 'verify', bundlePath, '--public-key', keyFile], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, rows: { crossings: 4 } });
    }
  });

  it('shows the shift report and prints it to a non-empty PDF', async () => {
    await page.getByTestId('report-show').click();
    await page.getByTestId('shift-report').waitFor();
    // All: total 4, entries 2, exits 2, then the outcomes.
    expect((await page.getByTestId('report-total').locator('tbody td').allTextContents()).slice(0, 3)).toEqual(['4', '2', '2']);
    await page.getByTestId('report-chart').locator('svg').first().waitFor();
    await page.getByTestId('shift-report').screenshot({ path: screenshotPath('export-shift-report') });

    // The browser host has no printToPDF: the button opens the print dialog (stubbed here: headless has none).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId('report-print').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // What the print dialog (or Electron's printToPDF) produces: Chromium's PDF of the print layout.
    const pdfPath = path.join(SCREENSHOT_DIR, 'export-shift-report.pdf');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    // One page: only the report prints, not the history and settings around it.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    const pdftoppm = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
    if (pdftoppm.error === undefined) {
      fs.writeFileSync(pdfPath, pdf);
      const run = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, screenshotPath('export-shift-report-pdf').slice(0, -4)]);
      expect(run.status).toBe(0);
      fs.rmSync(pdfPath);
    }
    expect(station.problems).toEqual([]);
  });
});
