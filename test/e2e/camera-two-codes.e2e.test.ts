/**
 * Two codes in the same camera frame — a passport zone printed as a QR code beside the traveller's
 * certificate — make one traveller: the second scan joins the transaction the first one opened, even
 * though both are read from one frame at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { compose, pngPixels, qrPng } from './support/code-pictures';
import { importTestTrustList, pcrCertificate, RUSTAM_NAMES } from './support/covid-evidence';
import { encodeY4m } from './support/y4m';
import { openStation, type Station } from './support/station';

let station: Station;
let page: Page;
let workDir: string;
const scanBodies: string[] = [];

describe('two codes in one camera frame (real Chromium, fake camera)', () => {
  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-camera-two-'));
    const video = path.join(workDir, 'passport-and-certificate.y4m');
    station = await openStation({
      name: 'camera-two',
      core: { bootstrap: testBootstrap('shift-lead') },
      prepare: async (stationCore) => {
        const signer = await importTestTrustList(stationCore);
        const certificate = pngPixels(await qrPng(await pcrCertificate(signer, RUSTAM_NAMES, '1990-01-15'), 5));
        const passport = pngPixels(await qrPng(TAJIK_PASSPORT.lines.join('\n'), 6));
        const frame = compose(1280, 720, [
          { picture: certificate, x: 40, y: 40 },
          { picture: passport, x: 760, y: 160 },
        ]);
        fs.writeFileSync(video, encodeY4m([frame, frame], { fps: 10 }));
      },
      browserArgs: () => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
      viewport: { width: 1366, height: 900 },
      beforeOpen: (stationPage) => {
        stationPage.on('request', (request) => {
          if (request.url().endsWith('/api/scan')) scanBodies.push(request.postData() ?? '');
        });
      },
      waitForScanField: true,
    });
    page = station.page;
  });

  afterAll(async () => {
    await station?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('sends both, the second joining the first: one traveller, OK, passport and certificate side by side', async () => {
    await page.keyboard.press('F6');
    await expect.poll(() => scanBodies.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('decision-outcome').textContent()).toMatch(/^✓\s*OK/);
    expect(await page.getByTestId('decision-name').textContent()).toBe('JURAEV, RUSTAM');
    expect(await page.getByTestId('person-comparison').textContent()).toContain('the same person');
    const [first, second] = scanBodies.map((body) => JSON.parse(body) as { source: string; joinScanId?: string });
    expect(first).toMatchObject({ source: 'camera' });
    expect(first!.joinScanId).toBeUndefined();
    expect(second).toMatchObject({ source: 'camera', joinScanId: expect.any(String) });
    expect(scanBodies).toHaveLength(2);
    await page.screenshot({ path: screenshotPath('camera-two-codes-one-frame'), fullPage: true });
  });
});
