import { err, ok, type Problem, type Result } from '../result';
import { composeDeadKey, KEYBOARD_LAYOUTS, type KeyboardLayout, type KeySymbol, type LayoutId } from './keyboard-layouts';

/**
 * Decoder for HID keyboard boot-protocol input reports, as sent by scanners in "USB
 * keyboard" mode when read directly (node-hid) instead of through the OS.
 *
 * Report layout, Device Class Definition for HID 1.11 Appendix B.1 (boot keyboard):
 *   byte 0     modifier bits: 0 LCtrl, 1 LShift, 2 LAlt, 3 LGUI, 4 RCtrl, 5 RShift, 6 RAlt (AltGr), 7 RGUI
 *   byte 1     reserved (OEM)
 *   bytes 2–7  up to six usage IDs of keys currently down (HID Usage Tables 1.3 §10, page 0x07)
 * A report is a snapshot of what is held, so a character is typed when its usage *appears*;
 * a usage still present in the next report is the same key held (rollover), not a repeat,
 * and an all-zero report releases everything. Six 0x01 (ErrorRollOver, HID 1.11 App. C)
 * mean "too many keys", a phantom state that is ignored. Auto-repeat of a held key is the
 * host's job (typematic) and is not emulated: scanners release between identical characters.
 */
export interface HidKeyboardOptions {
  readonly layout: LayoutId | KeyboardLayout;
  /** Set when the device uses numbered reports: the first byte is then this report ID. */
  readonly reportId?: number;
  /** Caps Lock state at start (the device's own lock key toggles it afterwards). */
  readonly capsLock?: boolean;
}

export interface HidKeyboardStep {
  /**
   * Keys typed by this report, as DOM `KeyboardEvent.key` values: a character (control
   * characters for Ctrl+letter, e.g. GS U+001D for Ctrl+]), or `Enter`, `Tab`,
   * `Backspace`, `Escape`, `CapsLock`.
   */
  readonly keys: readonly string[];
  /** Newly pressed usages this layout has no meaning for (F-keys, arrows …). */
  readonly unmapped: readonly number[];
  /** The report was an ErrorRollOver phantom and was ignored. */
  readonly phantom: boolean;
}

export type HidKeyboardProblemCode = 'bad-report-length' | 'unexpected-report-id';
export interface HidKeyboardProblem extends Problem<HidKeyboardProblemCode> {
  readonly reportLength: number;
}

export interface HidKeyboardDecoder {
  push(report: Uint8Array): Result<HidKeyboardStep, HidKeyboardProblem>;
  capsLock(): boolean;
  reset(): void;
}

const BOOT_REPORT_BYTES = 8;
const ERROR_ROLL_OVER = 0x01;
const CTRL = 0x01 | 0x10;
const SHIFT = 0x02 | 0x20;
const ALT_GR = 0x40;

// §10 usages that are keys rather than characters, named as DOM key values.
const NAMED_KEYS: ReadonlyMap<number, string> = new Map([
  [0x28, 'Enter'],
  [0x58, 'Enter'], // Keypad Enter
  [0x2b, 'Tab'],
  [0x2a, 'Backspace'],
  [0x29, 'Escape'],
  [0x39, 'CapsLock'],
]);

/** Ctrl+key gives the C0 control code of the key's character when it is in @A–Z[\]^_. */
function controlCharacter(ch: string): string | undefined {
  const code = ch.toUpperCase().charCodeAt(0);
  return ch.length === 1 && code >= 0x40 && code <= 0x5f ? String.fromCharCode(code - 0x40) : undefined;
}

/** Caps Lock acts only on keys whose shifted character is the capital of the unshifted one. */
function capsApplies(base: KeySymbol | undefined, shifted: KeySymbol | undefined): boolean {
  return typeof base === 'string' && typeof shifted === 'string' && base !== shifted && base.toUpperCase() === shifted;
}

export function resolveLayout(layout: LayoutId | KeyboardLayout): KeyboardLayout {
  return typeof layout === 'string' ? KEYBOARD_LAYOUTS[layout] : layout;
}

export function createHidKeyboardDecoder(options: HidKeyboardOptions): HidKeyboardDecoder {
  const layout = resolveLayout(options.layout);
  const expectedLength = BOOT_REPORT_BYTES + (options.reportId === undefined ? 0 : 1);
  let held = new Set<number>();
  let caps = options.capsLock ?? false;
  let pendingAccent: string | undefined;

  const type = (usage: number, modifiers: number, out: string[], unmapped: number[]): void => {
    const named = NAMED_KEYS.get(usage);
    if (named !== undefined) {
      if (named === 'CapsLock') caps = !caps;
      if (pendingAccent !== undefined && named !== 'CapsLock') {
        out.push(pendingAccent);
        pendingAccent = undefined;
      }
      out.push(named);
      return;
    }
    const levels = layout.keys.get(usage);
    if (levels === undefined) {
      unmapped.push(usage);
      return;
    }
    let shifted = (modifiers & SHIFT) !== 0;
    if (caps && capsApplies(levels.base, levels.shift)) shifted = !shifted;
    const symbol = (modifiers & ALT_GR) !== 0 ? levels.altGr : shifted ? levels.shift : levels.base;
    if (symbol === undefined) {
      unmapped.push(usage);
      return;
    }
    if (typeof symbol !== 'string') {
      // A second dead key types the first accent, as on Windows/xkb.
      if (pendingAccent !== undefined) out.push(pendingAccent);
      pendingAccent = symbol.dead;
      return;
    }
    if ((modifiers & CTRL) !== 0 && (modifiers & ALT_GR) === 0) {
      const control = controlCharacter(symbol);
      if (control === undefined) unmapped.push(usage);
      else out.push(control);
      return;
    }
    if (pendingAccent !== undefined) {
      out.push(...composeDeadKey(pendingAccent, symbol));
      pendingAccent = undefined;
      return;
    }
    out.push(symbol);
  };

  return {
    push(report) {
      if (report.length !== expectedLength) {
        return err({
          code: 'bad-report-length',
          message: `A boot keyboard report has ${expectedLength} bytes, got ${report.length}.`,
          reportLength: report.length,
        });
      }
      const offset = options.reportId === undefined ? 0 : 1;
      if (options.reportId !== undefined && report[0] !== options.reportId) {
        return err({
          code: 'unexpected-report-id',
          message: `Expected report ID ${options.reportId}, got ${report[0] ?? 0}.`,
          reportLength: report.length,
        });
      }
      let modifiers = report[offset] ?? 0;
      const usages: number[] = [];
      for (let i = offset + 2; i < offset + BOOT_REPORT_BYTES; i += 1) {
        const usage = report[i] ?? 0;
        // Some devices also list modifiers (§10 usages 0xE0–0xE7) in the key array.
        if (usage >= 0xe0 && usage <= 0xe7) modifiers |= 1 << (usage - 0xe0);
        else if (usage !== 0) usages.push(usage);
      }
      if (usages.length > 0 && usages.every((usage) => usage === ERROR_ROLL_OVER)) {
        return ok({ keys: [], unmapped: [], phantom: true });
      }
      const keys: string[] = [];
      const unmapped: number[] = [];
      for (const usage of usages) {
        // 0x02 POSTFail and 0x03 ErrorUndefined are status, not keys.
        if (usage > 0x03 && !held.has(usage)) type(usage, modifiers, keys, unmapped);
      }
      held = new Set(usages);
      return ok({ keys, unmapped, phantom: false });
    },
    capsLock: () => caps,
    reset() {
      held = new Set();
      caps = options.capsLock ?? false;
      pendingAccent = undefined;
    },
  };
}

export interface DecodedKeyboardLine {
  readonly text: string;
  readonly terminator: 'Enter' | 'Tab';
}

export interface KeyboardReportsDecoding {
  /** Lines ended by Enter (0x28 / keypad 0x58) or Tab (0x2B). */
  readonly lines: readonly DecodedKeyboardLine[];
  /** Text typed after the last terminator. */
  readonly pending: string;
  readonly unmapped: readonly number[];
  readonly problems: readonly { readonly index: number; readonly problem: HidKeyboardProblem }[];
}

/** Decodes a recorded sequence of boot reports into lines (Backspace edits the open line). */
export function decodeKeyboardReports(reports: readonly Uint8Array[], options: HidKeyboardOptions): KeyboardReportsDecoding {
  const decoder = createHidKeyboardDecoder(options);
  const lines: DecodedKeyboardLine[] = [];
  const unmapped: number[] = [];
  const problems: { index: number; problem: HidKeyboardProblem }[] = [];
  let line = '';
  reports.forEach((report, index) => {
    const step = decoder.push(report);
    if (!step.ok) {
      problems.push({ index, problem: step.error });
      return;
    }
    unmapped.push(...step.value.unmapped);
    for (const key of step.value.keys) {
      if (key === 'Enter' || key === 'Tab') {
        lines.push({ text: line, terminator: key });
        line = '';
      } else if (key === 'Backspace') {
        line = [...line].slice(0, -1).join('');
      } else if (key !== 'Escape' && key !== 'CapsLock') {
        line += key;
      }
    }
  });
  return { lines, pending: line, unmapped, problems };
}
