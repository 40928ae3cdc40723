import type { Page } from 'playwright-core';
import { ScannerKeys } from './scanner-keys';

const scanners = new WeakMap<Page, ScannerKeys>();

/**
 * A keyboard-wedge scanner on `page`: each line a burst of keys with the device's own timestamps, then
 * Enter (see ScannerKeys: page.keyboard.type would stamp each key when it happens to arrive, so a loaded
 * test machine would type like a slow person).
 */
export async function wedgeScan(page: Page, lines: readonly string[], gapMs = 4): Promise<void> {
  let scanner = scanners.get(page);
  if (!scanner) {
    scanner = await ScannerKeys.attach(page);
    scanners.set(page, scanner);
  }
  await scanner.scan(lines, gapMs);
}
