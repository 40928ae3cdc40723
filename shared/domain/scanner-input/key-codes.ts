import { KEYBOARD_LAYOUTS, type LayoutId } from './keyboard-layouts';

/**
 * UI Events KeyboardEvent `code` values (W3C "UI Events KeyboardEvent code Values" §3) name the
 * physical key, and the spec defines them by the USB HID usage of that key (Keyboard/Keypad page
 * 0x07). A wedge scanner sends key positions, so `code` is what it meant whatever OS layout is
 * active: KeyP is "P" to a US-configured scanner even when a Kazakh layout makes it "з".
 */
const CODE_USAGES: ReadonlyMap<string, number> = new Map<string, number>([
  ...[...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i): [string, number] => [`Key${letter}`, 0x04 + i]),
  ...[...'1234567890'].map((digit, i): [string, number] => [`Digit${digit}`, 0x1e + i]),
  ['Space', 0x2c], ['Minus', 0x2d], ['Equal', 0x2e], ['BracketLeft', 0x2f], ['BracketRight', 0x30],
  ['Backslash', 0x31], ['Semicolon', 0x33], ['Quote', 0x34], ['Backquote', 0x35], ['Comma', 0x36],
  ['Period', 0x37], ['Slash', 0x38], ['IntlBackslash', 0x64],
  ['NumpadDivide', 0x54], ['NumpadMultiply', 0x55], ['NumpadSubtract', 0x56], ['NumpadAdd', 0x57],
  ...[...'123456789'].map((digit, i): [string, number] => [`Numpad${digit}`, 0x59 + i]),
  ['Numpad0', 0x62], ['NumpadDecimal', 0x63],
]);

/** The HID usage of a physical key, or undefined for codes with no character key (`''`, `Unidentified`, F-keys). */
export function usageOfKeyCode(code: string): number | undefined {
  return CODE_USAGES.get(code);
}

/** The character the key at `code` types in `layout` (the scanner's, US by default); undefined for dead keys and keys with none. */
export function characterOfKeyCode(code: string, shift: boolean, layout: LayoutId = 'us'): string | undefined {
  const usage = usageOfKeyCode(code);
  const levels = usage === undefined ? undefined : KEYBOARD_LAYOUTS[layout].keys.get(usage);
  const symbol = shift ? levels?.shift : levels?.base;
  return typeof symbol === 'string' ? symbol : undefined;
}

/**
 * What the page's keys meant, learned from the keys themselves: each character the OS layout typed,
 * mapped to the character at the same physical key in the scanner's layout. A scan's text is read
 * back through it when the browser gave a `code` for every key — no guess at which OS layout is active.
 */
export class KeyCodeMap {
  private readonly meanings = new Map<string, string>();

  constructor(private readonly scannerLayout: LayoutId = 'us') {}

  /** One key press as the page saw it; keys without a usable `code` teach nothing. */
  learn(key: string, code: string, shift: boolean): void {
    const meant = characterOfKeyCode(code, shift, this.scannerLayout);
    // The latest press wins: an operator who switches the OS layout re-teaches the keys.
    if (meant !== undefined) this.meanings.set(key, meant);
  }

  /** Forget what was learned: a new run of keys may come through another layout, or without codes. */
  clear(): void {
    this.meanings.clear();
  }

  /** `text` read by physical key, or undefined when some character was not typed by a key with a known `code`. */
  read(text: string): string | undefined {
    let out = '';
    for (const ch of text) {
      if (ch === '\n' || ch === '\r' || ch === '\t') {
        out += ch;
        continue;
      }
      const meant = this.meanings.get(ch);
      if (meant === undefined) return undefined;
      out += meant;
    }
    return out;
  }
}
