import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const SCREENSHOT_DIR = path.resolve('test/e2e/screenshots');

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export async function launchChromium(options: { readonly extraArgs?: readonly string[] } = {}): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath,
    headless: true,
    // Root user and a closed network on the build machines: no sandbox, no background connections.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // e.g. a fake camera fed from a file (test/e2e/camera.e2e.test.ts).
      ...(options.extraArgs ?? []),
    ],
  });
}

const shared = new Map<string, Promise<Browser>>();

/**
 * One Chromium for every station of the e2e run that asks for no flags of its own: the e2e project runs its
 * files one after another in one process (`isolate: false`), and each station gets a fresh context (its own
 * storage, cookies and permissions), so only the launch is shared. A browser that has gone away is launched
 * again; Playwright ends the browser with the process.
 */
export async function sharedChromium(): Promise<Browser> {
  const key = 'default';
  let launching = shared.get(key);
  if (!launching) {
    launching = launchChromium();
    shared.set(key, launching);
  }
  const browser = await launching.catch((error: unknown) => {
    shared.delete(key);
    throw error;
  });
  if (browser.isConnected()) return browser;
  shared.delete(key);
  return sharedChromium();
}

export const screenshotPath = (name: string): string => path.join(SCREENSHOT_DIR, `${name}.png`);
