import { err, ok, type Problem, type Result } from '../result';
import { isCharacterKey, isModifierKey, type Keystroke } from './keystroke';

/**
 * Keyboard-wedge burst detector: a pure, clock-free state machine. The caller feeds
 * keystrokes with their timestamps and calls `tick(now)` when `nextDeadline()` passes;
 * every decision depends only on the timestamps it was given.
 *
 * A wedge scanner "types" at USB/PS2 speed — one key every 1–20 ms — while people type at
 * 80–300 ms per key (fast typists ~60 ms, with the odd 20 ms rollover pair). Keys are held
 * back until it is clear which of the two they are; human keys come back as `typing` so the
 * UI can replay them into the focused input.
 *
 * - A run is a sequence of keys, each within `maxGapMs` of the previous character.
 * - Enter/Tab (`terminators`) end a line. A multi-line MRZ (ICAO 9303 TD1 3×30, TD2 2×36,
 *   TD3 2×44) arrives as line, Enter, line, Enter…, so after a terminator the run stays open
 *   for `endIdleMs` in case another line follows; the lines are joined with '\n'.
 * - A run is a scan when it holds at least `minLength` characters (after prefix/suffix
 *   removal) and, if `requireTerminator`, ends with a terminator. Anything else is typing.
 * - After a terminator, a short unterminated tail (< `minLength` characters) is a person who
 *   started typing inside the end-of-scan window and is handed back as typing.
 * - Modifiers (Shift…) are carried along with the run but neither extend nor end it; other
 *   named keys (Backspace, arrows, F-keys) are never part of a scan and pass straight through.
 *
 * The wedge adapter therefore suppresses every key it feeds in and replays `typing` output.
 * Known limit: a human key less than `maxGapMs` before a scan's first character becomes part
 * of the scan (no timing can tell them apart).
 */
export interface BurstDetectorOptions {
  /** Largest gap between two characters of one scan. */
  readonly maxGapMs: number;
  /** Quiet time after a line terminator before the scan is complete (multi-line MRZ). */
  readonly endIdleMs: number;
  /** Fewest characters that make a scan; shorter fast runs are human rollover. */
  readonly minLength: number;
  /** Configured scanner prefix/suffix, removed when present. */
  readonly prefix: string;
  readonly suffix: string;
  /** `KeyboardEvent.key` values that end a line. */
  readonly terminators: readonly string[];
  /** Only runs ending with a terminator count as scans (for scanners always set to send one). */
  readonly requireTerminator: boolean;
  /**
   * Lines that cannot be continued (e.g. `isCompleteScan`): a scan whose lines pass ends at its terminator
   * instead of after `endIdleMs`. Absent: always wait.
   */
  readonly isComplete?: (lines: readonly string[]) => boolean;
  /**
   * Lines that are visibly the front of a longer scan (e.g. `isPartialMrz`: a passport's first line and its
   * Enter): `heldShape()` calls such a run 'partial', so the caller can wait longer for a late tail.
   */
  readonly isPartial?: (lines: readonly string[]) => boolean;
}

export const DEFAULT_MAX_GAP_MS = 30;

export interface ScanBurst {
  readonly kind: 'scan';
  /** Payload without prefix, suffix or final terminator; lines joined with '\n'. */
  readonly text: string;
  readonly lines: readonly string[];
  readonly startedAt: number;
  readonly endedAt: number;
  readonly meanGapMs: number;
  /** The key that ended the last line, if any. */
  readonly terminator: string | undefined;
  readonly prefixStripped: boolean;
  readonly suffixStripped: boolean;
  /** The keystrokes that made up the scan, for diagnostics. */
  readonly keys: readonly Keystroke[];
}

export interface TypingBurst {
  readonly kind: 'typing';
  /** Keys in arrival order, to be passed through to the focused input. */
  readonly keys: readonly Keystroke[];
}

export type BurstOutput = ScanBurst | TypingBurst;

export interface BurstDetector {
  push(stroke: Keystroke): BurstOutput[];
  /** Resolves the held run if its idle deadline has passed at `timeMs`. */
  tick(timeMs: number): BurstOutput[];
  /** Resolves whatever is held now (focus change, shutdown, end of a recorded trace). */
  flush(): BurstOutput[];
  /** `tick(t)` resolves the held run for any t after this instant; undefined when nothing is held. */
  nextDeadline(): number | undefined;
  /** Number of keystrokes currently held back. */
  held(): number;
  /**
   * Where the held run stops: 'partial' (at a terminator, its lines passing `isPartial`), 'line-end' (at any
   * other terminator) or 'mid-line'; undefined while nothing but modifiers is held.
   */
  heldShape(): HeldShape | undefined;
  reset(): void;
}

export type HeldShape = 'partial' | 'line-end' | 'mid-line';

export type BurstOptionsProblem = Problem<'invalid-burst-options'>;

export function resolveBurstOptions(options: Partial<BurstDetectorOptions> = {}): Result<BurstDetectorOptions, BurstOptionsProblem> {
  const maxGapMs = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const resolved: BurstDetectorOptions = {
    maxGapMs,
    endIdleMs: options.endIdleMs ?? maxGapMs * 3,
    minLength: options.minLength ?? 4,
    prefix: options.prefix ?? '',
    suffix: options.suffix ?? '',
    terminators: options.terminators ?? ['Enter', 'Tab'],
    requireTerminator: options.requireTerminator ?? false,
    ...(options.isComplete ? { isComplete: options.isComplete } : {}),
    ...(options.isPartial ? { isPartial: options.isPartial } : {}),
  };
  const bad = (message: string): Result<BurstDetectorOptions, BurstOptionsProblem> =>
    err({ code: 'invalid-burst-options', message });
  if (!(Number.isFinite(maxGapMs) && maxGapMs > 0)) return bad(`maxGapMs must be a positive number, got ${maxGapMs}.`);
  if (!(Number.isFinite(resolved.endIdleMs) && resolved.endIdleMs >= 0)) {
    return bad(`endIdleMs must be zero or positive, got ${resolved.endIdleMs}.`);
  }
  if (!(Number.isInteger(resolved.minLength) && resolved.minLength >= 1)) {
    return bad(`minLength must be a positive integer, got ${resolved.minLength}.`);
  }
  if (resolved.terminators.some((key) => isModifierKey(key) || isCharacterKey(key))) {
    return bad('terminators must be named non-modifier keys such as "Enter" or "Tab".');
  }
  return ok(resolved);
}

interface Line {
  chars: string;
  terminator: string | undefined;
  /** Index in the run's key list just past this line (after its terminator). */
  end: number;
}

export function createBurstDetector(options: Partial<BurstDetectorOptions> = {}): Result<BurstDetector, BurstOptionsProblem> {
  const resolved = resolveBurstOptions(options);
  if (!resolved.ok) return resolved;
  const opts = resolved.value;
  const terminators = new Set(opts.terminators);

  let keys: Keystroke[] = [];
  let lastSignificant: number | undefined;
  let lastTime: number | undefined;
  let lastWasTerminator = false;
  let charCount = 0;

  const clear = (): void => {
    keys = [];
    lastSignificant = undefined;
    lastWasTerminator = false;
    charCount = 0;
  };

  const deadline = (): number | undefined => {
    if (keys.length === 0) return undefined;
    if (lastSignificant === undefined) return (keys[0]?.timeMs ?? 0) + opts.maxGapMs;
    const waitingForLine = lastWasTerminator && charCount >= opts.minLength;
    return lastSignificant + (waitingForLine ? opts.endIdleMs : opts.maxGapMs);
  };

  const resolve = (): BurstOutput[] => {
    const run = keys;
    clear();
    return run.length === 0 ? [] : classify(run, opts, terminators);
  };

  const expire = (timeMs: number): BurstOutput[] => {
    const due = deadline();
    // NaN compares false: an unusable timestamp never silently extends a run.
    return due !== undefined && !(timeMs <= due) ? resolve() : [];
  };

  return ok({
    push(stroke) {
      // Timestamps are supposed to be monotonic; a clock that steps back counts as "no gap".
      const timeMs = Number.isFinite(stroke.timeMs) ? Math.max(stroke.timeMs, lastTime ?? -Infinity) : (lastTime ?? 0);
      lastTime = timeMs;
      const stamped: Keystroke = { key: stroke.key, timeMs };
      const out = expire(timeMs);
      if (isModifierKey(stroke.key)) {
        keys.push(stamped);
        return out;
      }
      const isTerminator = terminators.has(stroke.key);
      if (!isTerminator && !isCharacterKey(stroke.key)) {
        out.push(...resolve(), { kind: 'typing', keys: [stamped] });
        return out;
      }
      keys.push(stamped);
      lastSignificant = timeMs;
      lastWasTerminator = isTerminator;
      if (!isTerminator) charCount += 1;
      if (isTerminator && opts.isComplete && charCount >= opts.minLength) {
        const whole = classify(keys, opts, terminators);
        const only = whole.length === 1 ? whole[0] : undefined;
        if (only?.kind === 'scan' && opts.isComplete(only.lines)) {
          clear();
          out.push(only);
        }
      }
      return out;
    },
    tick: (timeMs) => expire(timeMs),
    flush: resolve,
    nextDeadline: deadline,
    held: () => keys.length,
    heldShape() {
      if (lastSignificant === undefined) return undefined;
      if (!lastWasTerminator) return 'mid-line';
      const lines = splitLines(keys, terminators).map((line) => line.chars);
      if (opts.prefix !== '' && lines[0]?.startsWith(opts.prefix)) lines[0] = lines[0].slice(opts.prefix.length);
      // A stray Enter just before the scan leaves an empty first line that carries nothing.
      const meaningful = lines.filter((line, index) => line !== '' || index > 0);
      return opts.isPartial?.(meaningful) ? 'partial' : 'line-end';
    },
    reset() {
      clear();
      lastTime = undefined;
    },
  });
}

function splitLines(run: readonly Keystroke[], terminators: ReadonlySet<string>): Line[] {
  const lines: Line[] = [];
  let chars = '';
  let hasChars = false;
  run.forEach((stroke, index) => {
    if (terminators.has(stroke.key)) {
      lines.push({ chars, terminator: stroke.key, end: index + 1 });
      chars = '';
      hasChars = false;
    } else if (isCharacterKey(stroke.key)) {
      chars += stroke.key;
      hasChars = true;
    }
  });
  if (hasChars) lines.push({ chars, terminator: undefined, end: run.length });
  return lines;
}

function classify(run: readonly Keystroke[], opts: BurstDetectorOptions, terminators: ReadonlySet<string>): BurstOutput[] {
  let lines = splitLines(run, terminators);
  let scanKeys = run;
  let trailing: readonly Keystroke[] = [];
  const last = lines[lines.length - 1];
  // Each line of a multi-line scan is itself a burst; a short unterminated tail after a
  // completed line is a person who started typing inside the end-of-scan window.
  if (lines.length > 1 && last !== undefined && last.terminator === undefined && [...last.chars].length < opts.minLength) {
    const cut = lines[lines.length - 2]?.end ?? run.length;
    scanKeys = run.slice(0, cut);
    trailing = run.slice(cut);
    lines = lines.slice(0, -1);
  }
  // Empty lines at either end (suffix CR LF sent as Enter Enter, a stray Enter just before
  // the scan) carry no data; an MRZ never has blank lines.
  while (lines.length > 1 && lines[lines.length - 1]?.chars === '') lines = lines.slice(0, -1);
  while (lines.length > 1 && lines[0]?.chars === '') lines = lines.slice(1);

  const texts = lines.map((line) => line.chars);
  const first = texts[0] ?? '';
  const prefixStripped = opts.prefix !== '' && first.startsWith(opts.prefix);
  if (prefixStripped) texts[0] = first.slice(opts.prefix.length);
  const lastIndex = texts.length - 1;
  const lastText = texts[lastIndex] ?? '';
  const suffixStripped = opts.suffix !== '' && lastText.endsWith(opts.suffix);
  if (suffixStripped) texts[lastIndex] = lastText.slice(0, lastText.length - opts.suffix.length);

  const length = texts.reduce((sum, text) => sum + [...text].length, 0);
  const terminator = lines[lines.length - 1]?.terminator;
  const isScan = length >= opts.minLength && (!opts.requireTerminator || terminator !== undefined);
  if (!isScan) return [{ kind: 'typing', keys: run }];

  const times = scanKeys.filter((stroke) => !isModifierKey(stroke.key)).map((stroke) => stroke.timeMs);
  const startedAt = times[0] ?? 0;
  const endedAt = times[times.length - 1] ?? startedAt;
  const scan: ScanBurst = {
    kind: 'scan',
    text: texts.join('\n'),
    lines: texts,
    startedAt,
    endedAt,
    meanGapMs: times.length > 1 ? (endedAt - startedAt) / (times.length - 1) : 0,
    terminator,
    prefixStripped,
    suffixStripped,
    keys: scanKeys,
  };
  return trailing.length > 0 ? [scan, { kind: 'typing', keys: trailing }] : [scan];
}

/** Runs a whole recorded trace through a detector and flushes at the end. */
export function detectBursts(
  trace: readonly Keystroke[],
  options: Partial<BurstDetectorOptions> = {},
): Result<BurstOutput[], BurstOptionsProblem> {
  const created = createBurstDetector(options);
  if (!created.ok) return created;
  const detector = created.value;
  const out = trace.flatMap((stroke) => detector.push(stroke));
  out.push(...detector.flush());
  return ok(out);
}
