/**
 * The camera's failures as an operator meets them, in real Chromium: no camera at all, and the camera
 * not allowed. A busy camera (NotReadableError) cannot be produced with Chromium's fake devices (a bad
 * or missing video file makes the device disappear instead); its wording is unit-tested.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import type { Core } from '../../shared/contract';
import { startWebHost, type WebHost } from '../../shared/host/web/web-host';
import { TEST_PIN_HASH_COST, testBootstrap } from '../support/core-session';
import { launchChromium, screenshotPath } from './support/browser';
import { qrPng } from './support/code-pictures';

const RENDERER = path.resolve('dist/renderer');

let core: Core;
let host: WebHost;
let dataDir: string;
const browsers: Browser[] = [];

/** Opens the lane in a fresh browser with the given flags, presses F6 and returns what the camera panel says. */
async function cameraProblem(extraArgs: readonly string[], contextOptions: BrowserContextOptions, screenshot: string) {
  const browser = await launchChromium({ extraArgs });
  browsers.push(browser);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, ...contextOptions });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  await page.waitForFunction(() => document.activeElement?.id === 'scan-input');
  await page.keyboard.press('F6');
  const problem = page.getByTestId('camera-problem');
  await problem.waitFor();
  await page.screenshot({ path: screenshotPath(screenshot) });
  const result = { code: await problem.getAttribute('data-code'), text: await problem.textContent(), role: await problem.getAttribute('role'), errors };
  // Closing the panel after a failure and opening it again asks again (same answer here), without a page error.
  await page.keyboard.press('F6');
  await expect.poll(() => page.getByTestId('camera-panel').count()).toBe(0);
  await page.keyboard.press('F6');
  await page.getByTestId('camera-problem').waitFor();
  await browser.close();
  return result;
}

describe('camera failures in words (real Chromium)', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-camera-errors-'));
    core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    host = await startWebHost({ core, staticDir: RENDERER });
  });

  afterAll(async () => {
    for (const browser of browsers) await browser.close().catch(() => undefined);
    await host?.close();
    core?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('permission refused → says the camera is not allowed and how to allow it', async () => {
    // A fake camera exists, but this browser context was given no camera permission.
    const result = await cameraProblem(['--use-fake-device-for-media-stream'], {}, 'camera-permission-denied');
    expect(result).toMatchObject({ code: 'permission-denied', role: 'alert', errors: [] });
    expect(result.text).toContain('The camera is not allowed for this station');
    expect(result.text).toContain('press F6 again');
  });

  it('no camera on the PC → says none was found', async () => {
    // Allowed, but Chromium's fake media layer is told there are no cameras (whatever this machine has).
    const result = await cameraProblem(['--use-fake-device-for-media-stream=device-count=0'], { permissions: ['camera'] }, 'camera-none-found');
    expect(result).toMatchObject({ code: 'no-camera', errors: [] });
    expect(result.text).toContain('No camera found');
  });

  it.each([
    ['missing', { status: 404, body: 'Not found' }, /cannot load the barcode decoder from .*zxing_reader-.*\.wasm: HTTP 404/],
    ['replaced', { status: 200, body: Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), contentType: 'application/wasm' }, /is not the build this app expects \(SHA-256 [0-9a-f]{64}/],
  ] as const)('a %s decoder .wasm is named in the message, not a silent failure', async (_name, response, message) => {
    const browser = await launchChromium();
    browsers.push(browser);
    const context = await browser.newContext();
    await context.route('**/*.wasm', (route) => route.fulfill(response));
    const page = await context.newPage();
    await page.goto(host.url);
    await page.waitForFunction(() => document.activeElement?.id === 'scan-input');
    await page.getByTestId('image-file-input').setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: await qrPng('HC1:NCFOXN%TS3DH', 4) });
    const problem = page.getByTestId('image-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('decoderFailed');
    expect(await problem.textContent()).toMatch(message);
    await browser.close();
  });
});
