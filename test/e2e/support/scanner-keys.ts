import type { CDPSession, Page } from 'playwright-core';
import { characterOfKeyCode, type LayoutId } from '../../../shared/domain/scanner-input';

/**
 * A keyboard-wedge scanner as the OS delivers it: every key carries the time the "device" sent it
 * (`gapMs` apart), the last one stamped "now", and all of them are queued at once without waiting for
 * the page — the input queue of a PC that was busy while the scanner typed. (Pacing the keys in real
 * time from this process does not work on a loaded test machine: its own timer stalls cut the burst.)
 * Playwright's `keyboard.type` instead waits for each key to be handled before sending the next, so on
 * a loaded machine its keys arrive — and are stamped — tens of ms apart, which a burst detector rightly
 * takes for a person typing. The DevTools `Input.dispatchKeyEvent` takes an explicit timestamp.
 */
export class ScannerKeys {
  private constructor(private readonly session: CDPSession) {}

  static async attach(page: Page): Promise<ScannerKeys> {
    return new ScannerKeys(await page.context().newCDPSession(page));
  }

  /**
   * Types `lines`, each followed by Enter; resolves when the browser has taken every key.
   *
   * Queued (default): every key is handed over at once, stamped in the past — the busy PC above, and
   * the fastest way through a test. Paced: each key is handed over no earlier than its own device time,
   * as a real scanner types, so the page may keep up with the burst; a stall of this process only makes
   * keys late (stamps stay `gapMs` apart, never in the future), it never splits the burst.
   * `stall` holds the keys from index `afterKey` on back for `ms` (a PC busy in the middle of a scan): they
   * arrive late, still stamped when the scanner typed them.
   */
  async scan(lines: readonly string[], gapMs = 2, mode: 'queued' | 'paced' = 'queued', stall?: { readonly afterKey: number; readonly ms: number }): Promise<void> {
    const keys = lines.flatMap((line) => [...[...line].map((char) => ({ key: char, code: codeOf(char), keyCode: keyCodeOf(char), text: char, shift: char === '<' || /[A-Z]/.test(char) })), ENTER]);
    await this.send(keys, gapMs, mode, stall);
  }

  /**
   * A US-configured scanner typing `lines` into a PC whose OS layout is `layout`: each key is the US key the
   * scanner presses, and the page gets the character that layout puts on it (`P` arrives as `З` in Russian,
   * `1` as `"` in Kazakh). `codes: false` drops the physical key names, as remote desktops and some virtual
   * keyboards do, leaving the page only the characters.
   */
  async scanThrough(layout: LayoutId, lines: readonly string[], codes: boolean, gapMs = 2): Promise<void> {
    const keys = lines.flatMap((line) => [
      ...[...line].map((char) => {
        const physical = US_KEYS.get(char);
        if (physical === undefined) throw new Error(`no US key types ${JSON.stringify(char)}`);
        const typed = characterOfKeyCode(physical.code, physical.shift, layout);
        if (typed === undefined) throw new Error(`the ${layout} layout has no character on ${physical.code}`);
        return { key: typed, code: codes ? physical.code : '', keyCode: keyCodeOf(char), text: typed, shift: physical.shift };
      }),
      ENTER,
    ]);
    await this.send(keys, gapMs, 'queued');
  }

  private async send(
    keys: readonly { key: string; code: string; keyCode: number; text: string; shift: boolean }[],
    gapMs: number,
    mode: 'queued' | 'paced',
    stall?: { readonly afterKey: number; readonly ms: number },
  ): Promise<void> {
    const start = mode === 'paced' ? Date.now() : Date.now() - (keys.length - 1) * gapMs;
    const sent: Promise<unknown>[] = [];
    for (const [index, { key, code, keyCode, text, shift }] of keys.entries()) {
      const deviceTime = start + index * gapMs;
      // Timers are coarse (≥ 1 ms, often 4): hand over every key that is due, then sleep until the next.
      if (mode === 'paced' && deviceTime > Date.now()) await sleep(deviceTime - Date.now());
      if (stall && index === stall.afterKey) await sleep(stall.ms);
      const common = { key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, modifiers: shift ? 8 : 0, timestamp: deviceTime / 1000 };
      sent.push(
        this.session.send('Input.dispatchKeyEvent', { type: 'keyDown', text, unmodifiedText: text, ...common }),
        this.session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common }),
      );
    }
    await Promise.all(sent);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const ENTER = { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r', shift: false };

/** Each character a US keyboard types, with the physical key (UI Events `code`) and Shift that type it. */
const US_KEYS: ReadonlyMap<string, { code: string; shift: boolean }> = (() => {
  const codes = [
    ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter) => `Key${letter}`),
    ...[...'0123456789'].map((digit) => `Digit${digit}`),
    'Space', 'Minus', 'Equal', 'BracketLeft', 'BracketRight', 'Backslash', 'Semicolon', 'Quote', 'Backquote', 'Comma', 'Period', 'Slash',
  ];
  const keys = new Map<string, { code: string; shift: boolean }>();
  for (const code of codes) {
    for (const shift of [false, true]) {
      const char = characterOfKeyCode(code, shift);
      if (char !== undefined && !keys.has(char)) keys.set(char, { code, shift });
    }
  }
  return keys;
})();

function codeOf(char: string): string {
  if (/[A-Za-z]/.test(char)) return `Key${char.toUpperCase()}`;
  if (/[0-9]/.test(char)) return `Digit${char}`;
  const named: Record<string, string> = { '<': 'Comma', ' ': 'Space', ':': 'Semicolon', '/': 'Slash', '.': 'Period', '-': 'Minus', '+': 'Equal', '*': 'Digit8', $: 'Digit4', '%': 'Digit5' };
  return named[char] ?? '';
}

function keyCodeOf(char: string): number {
  if (/[A-Za-z]/.test(char)) return char.toUpperCase().charCodeAt(0);
  if (/[0-9]/.test(char)) return char.charCodeAt(0);
  const named: Record<string, number> = { '<': 188, ' ': 32, ':': 186, '/': 191, '.': 190, '-': 189, '+': 187, '*': 56, $: 52, '%': 53 };
  return named[char] ?? 0;
}
