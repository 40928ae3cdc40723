/**
 * Turns the keys a HID keyboard-mode scanner types (decoded boot reports, see hid-keyboard-report.ts)
 * into scans. The device is read directly, so every key is the scanner's — no person types on it —
 * and the only question is where one scan ends: a multi-line MRZ (ICAO 9303 TD1 3×30, TD2 2×36,
 * TD3 2×44) comes as line, Enter, line, Enter, so completed lines are held for `lineGroupGapMs` in
 * case the next line follows, and joined with '\n'. A blank line or `maxLines` lines end the scan at
 * once; text without a final Enter becomes a scan after `unterminatedMs` of quiet (scanners set to send
 * no suffix). Pure and clock-free: the caller passes timestamps and calls `tick` at `nextDeadline()`.
 */
export interface KeyboardLineAssemblerOptions {
  readonly lineGroupGapMs: number;
  readonly unterminatedMs: number;
  readonly maxLines: number;
}

export interface AssembledKeyboardScan {
  readonly text: string;
  readonly lines: readonly string[];
  /** The key that ended the last line; undefined when the scan ended by quiet time. */
  readonly terminator: 'Enter' | 'Tab' | undefined;
}

export interface KeyboardLineAssembler {
  push(keys: readonly string[], timeMs: number): AssembledKeyboardScan[];
  tick(timeMs: number): AssembledKeyboardScan[];
  flush(): AssembledKeyboardScan[];
  nextDeadline(): number | undefined;
  reset(): void;
}

export const DEFAULT_KEYBOARD_LINE_OPTIONS: KeyboardLineAssemblerOptions = { lineGroupGapMs: 150, unterminatedMs: 300, maxLines: 3 };

export function createKeyboardLineAssembler(options: Partial<KeyboardLineAssemblerOptions> = {}): KeyboardLineAssembler {
  const opts = { ...DEFAULT_KEYBOARD_LINE_OPTIONS, ...options };
  let line = '';
  let lines: string[] = [];
  let terminator: 'Enter' | 'Tab' | undefined;
  let lastAt: number | undefined;

  const take = (end: 'Enter' | 'Tab' | undefined): AssembledKeyboardScan[] => {
    if (line.length > 0) {
      lines.push(line);
      terminator = end;
    }
    line = '';
    if (lines.length === 0) return [];
    const scan: AssembledKeyboardScan = { text: lines.join('\n'), lines, terminator };
    lines = [];
    terminator = undefined;
    return [scan];
  };

  const tick = (timeMs: number): AssembledKeyboardScan[] => {
    if (lastAt === undefined) return [];
    const quiet = timeMs - lastAt;
    if (line.length > 0) return quiet > opts.unterminatedMs ? take(undefined) : [];
    return lines.length > 0 && quiet > opts.lineGroupGapMs ? take(terminator) : [];
  };

  return {
    push(keys, timeMs) {
      const out = tick(timeMs);
      if (keys.length > 0) lastAt = timeMs;
      for (const key of keys) {
        if (key === 'Enter' || key === 'Tab') {
          if (line.length === 0) {
            // A blank line (CR LF suffix sent as two Enters, or an empty line) ends the scan.
            out.push(...take(terminator));
            continue;
          }
          lines.push(line);
          line = '';
          terminator = key;
          if (lines.length >= opts.maxLines) out.push(...take(key));
        } else if (key === 'Backspace') {
          line = [...line].slice(0, -1).join('');
        } else if (key === 'Escape') {
          line = '';
        } else if (key !== 'CapsLock') {
          line += key;
        }
      }
      return out;
    },
    tick,
    flush: () => take(line.length > 0 ? undefined : terminator),
    nextDeadline() {
      if (lastAt === undefined) return undefined;
      if (line.length > 0) return lastAt + opts.unterminatedMs;
      return lines.length > 0 ? lastAt + opts.lineGroupGapMs : undefined;
    },
    reset() {
      line = '';
      lines = [];
      terminator = undefined;
      lastAt = undefined;
    },
  };
}
