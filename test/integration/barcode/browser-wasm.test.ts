import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import QRCode from 'qrcode';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../../shared/host/csp';
import { launchChromium } from '../../e2e/support/browser';
import { addGaussianNoise, clutteredFrame, compose, seededRandom, toPng } from '../../support/image-transforms';
import { hc1Payload, renderSymbol } from './symbols';

// The browser half of "the .wasm ships with the app": a Vite build of a page whose Web Worker
// imports the .wasm with `?url` and configures decodeBarcodes with it, served from loopback with
// the app's own CSP, in Debian's Chromium. Every request is recorded; anything that is not the
// page's own origin is aborted and fails the test.
const FIXTURE = path.resolve('test/integration/barcode/browser-fixture');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.map': 'application/json' };

describe.skipIf(!fs.existsSync(CHROMIUM))('zxing-wasm in the browser (Vite asset, Web Worker, app CSP)', { timeout: 120_000 }, () => {
  let server: http.Server;
  let origin: string;
  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    // Not tempDir(): that one is emptied after each test, and the build serves the whole suite.
    outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-barcode-web-')), 'dist');
    await build({ configFile: false, root: FIXTURE, base: './', logLevel: 'silent', build: { outDir, emptyOutDir: true, target: 'chrome120' }, worker: { format: 'es' } });
    const headers = securityHeaders(contentSecurityPolicy());
    server = http.createServer((request, response) => {
      const file = path.join(outDir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/\/$/, '/index.html'));
      if (!file.startsWith(outDir) || !fs.existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream' }).end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (outDir) fs.rmSync(path.dirname(outDir), { recursive: true, force: true });
  });

  it('emits the .wasm as a bundled asset', () => {
    const assets = fs.readdirSync(path.join(outDir, 'assets'));
    expect(assets.filter((name) => name.endsWith('.wasm'))).toEqual([expect.stringMatching(/^zxing_reader-.+\.wasm$/)]);
  });

  it('decodes a QR PNG in a worker, loading the .wasm from its own origin only', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${origin}/index.html`);
    const text = 'HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDE';
    const png = (await QRCode.toBuffer(text, { scale: 4 })).toString('base64');
    const decoded = await page.evaluate(async (base64) => (window as unknown as { decodePng: (b: string) => Promise<unknown> }).decodePng(base64), png);

    expect(decoded).toMatchObject({ result: { ok: true, value: [{ text, format: 'QRCode' }] } });
    expect(requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(requests.filter((url) => url.endsWith('.wasm'))).toEqual([expect.stringMatching(new RegExp(`^${origin}/assets/zxing_reader-.+\\.wasm$`))]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads 720p camera frames with the camera's fast path in the worker: near codes in the reduced pass, distant ones at full size", async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/index.html`);
    const text = hc1Payload(300, 5);
    const framePng = (moduleSize: number) => {
      const code = renderSymbol('QRCode', text, { moduleSize, quietZone: 2 });
      return toPng(addGaussianNoise(compose(clutteredFrame(1280, 720, seededRandom(moduleSize * 10)), code, 520, 210), 5, seededRandom(1))).toString('base64');
    };
    const decodeFrame = (base64: string) => page.evaluate(async (b) => (window as unknown as { decodePng: (b: string, path: string) => Promise<unknown> }).decodePng(b, 'camera'), base64);
    expect(await decodeFrame(framePng(4))).toMatchObject({ result: { ok: true, value: { codes: [{ text, format: 'QRCode' }], passes: 1 } } });
    expect(await decodeFrame(framePng(2.2))).toMatchObject({ result: { ok: true, value: { codes: [{ text, format: 'QRCode' }], passes: 3 } } });
    await page.close();
  });
});
