import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { createCore, silentLogger, type CoreOptions } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { startWebHost, type WebHost } from '../../../shared/host/web/web-host';
import { launchChromium, sharedChromium } from './browser';
import { TEST_PIN_HASH_COST } from '../../support/core-session';

export const RENDERER = path.resolve('dist/renderer');

export interface StationOptions {
  /** Names the temporary data folder (checkpoint-e2e-<name>-…). */
  readonly name: string;
  readonly core?: Omit<CoreOptions, 'dataDir' | 'logger'>;
  /** Runs on the core before the browser host starts (trust list, groups, crossings recorded by other lanes). */
  readonly prepare?: (core: Core, dataDir: string) => Promise<void>;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Chromium flags, asked for after `prepare` (e.g. a fake camera fed a file written there). */
  readonly browserArgs?: () => readonly string[];
  readonly context?: BrowserContextOptions;
  /** Before the page opens the station: routes, request listeners, a scanner's DevTools session. */
  readonly beforeOpen?: (page: Page, context: BrowserContext, host: WebHost) => Promise<void> | void;
  /** Wait until the lane's scan field has the focus (the lane is the first screen for lane roles). */
  readonly waitForScanField?: boolean;
}

/** A station in an e2e test: its core on a fresh data folder, the browser host, and Chromium on the page. */
export interface Station {
  readonly core: Core;
  readonly dataDir: string;
  readonly host: WebHost;
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors, for the "ran without console errors" test. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openStation(options: StationOptions): Promise<Station> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `checkpoint-e2e-${options.name}-`));
  const closers: (() => unknown)[] = [() => fs.rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await Promise.resolve(closer()).catch(() => undefined);
  };
  try {
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, ...options.core, dataDir, logger: silentLogger });
    closers.push(() => core.close());
    await options.prepare?.(core, dataDir);
    const host = await startWebHost({ core, staticDir: RENDERER });
    closers.push(() => host.close());
    // Flags of its own (a fake camera fed a file) need a browser of its own; any other station shares one.
    const extraArgs = options.browserArgs?.() ?? [];
    const browser = extraArgs.length > 0 ? await launchChromium({ extraArgs }) : await sharedChromium();
    if (extraArgs.length > 0) closers.push(() => browser.close());
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, ...options.context });
    closers.push(() => context.close());
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await options.beforeOpen?.(page, context, host);
    await page.goto(host.url);
    if (options.waitForScanField) await page.waitForFunction(() => document.activeElement?.id === 'scan-input');
    return { core, dataDir, host, browser, context, page, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}
