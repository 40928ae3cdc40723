import type { CDPSession, Page } from 'playwright-core';

const sessions = new WeakMap<Page, CDPSession>();

async function cdpOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/**
 * A keyboard-wedge scanner: each line a burst of keys `gapMs` apart, then Enter. The keys carry the
 * scanner's own timestamps (as USB keyboard events do), sent through the DevTools protocol; page.keyboard.type
 * would stamp each key when it happens to arrive, so a loaded test machine would type like a slow person.
 */
export async function wedgeScan(page: Page, lines: readonly string[], gapMs = 4): Promise<void> {
  const cdp = await cdpOf(page);
  let at = Date.now() / 1000;
  const sent: Promise<unknown>[] = [];
  // Sent without waiting for each answer, like a device that does not wait for the PC: the browser
  // delivers them in order as fast as the page takes them.
  const press = (key: string, text: string, extra: Record<string, unknown> = {}) => {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text, unmodifiedText: text, timestamp: at, ...extra }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: at + 0.001, ...extra }));
    at += gapMs / 1000;
  };
  for (const line of lines) {
    for (const char of line) press(char, char);
    press('Enter', '\r', { code: 'Enter', windowsVirtualKeyCode: 13, nativeVirtualKeyCode: 13 });
  }
  await Promise.all(sent);
}
