import {
  autoFixLayout,
  createBurstDetector,
  DEFAULT_MAX_GAP_MS,
  isCharacterKey,
  isCompleteScan,
  isModifierKey,
  isPartialMrz,
  isScannerAscii,
  KeyCodeMap,
  type BurstDetector,
  type BurstDetectorOptions,
  type BurstOutput,
  type LayoutId,
  type ScanBurst,
} from '../../../shared/domain/scanner-input';
import { handlesOwnKeys, isTextEntry, replayKey, takeBackText } from './key-replay';

export interface WedgeScan {
  readonly text: string;
  readonly burst: ScanBurst;
  /**
   * How text typed through another OS layout was read back: by the keys' physical codes, or from the
   * named layout's table (e.g. a Kazakh layout) when the browser gave no codes; undefined when it needed no fix.
   */
  readonly layoutFixedFrom: 'key-codes' | LayoutId | undefined;
  /** When the scan's last key reached the page (performance.now()); its timestamp is `burst.endedAt`. */
  readonly lastKeyArrivedAt: number;
}

export interface WedgeCaptureOptions {
  readonly detector: Partial<BurstDetectorOptions>;
  readonly fixKeyboardLayout: boolean;
  readonly onScan: (scan: WedgeScan) => void;
  /** Every scan or typing burst, for the Settings test area. */
  readonly onBurst?: (output: BurstOutput) => void;
}

/**
 * Keys can reach the page late on a loaded PC (their timestamps stay true, their delivery does not). The
 * timer therefore counts the detector's quiet time from when the last key arrived, and a run that already
 * looks like a scan is closed only once no key has arrived for this long, so a delayed tail is not cut off
 * into a second, broken scan. Whole documents end at their Enter and never wait for it.
 */
const ARRIVAL_GRACE_MS = 150;
/** On a starved PC keys run up to a second behind: the grace grows with that delay, up to this. */
const MAX_ARRIVAL_GRACE_MS = 1500;
/** Keys arriving later than this behind their timestamps mean a busy PC: even one held key gets the grace. */
const LATE_DELIVERY_MS = 15;
/** A run this long without its usual terminator is no person typing: it is a scan whose tail is late. */
const CUT_SCAN_MIN_KEYS = 12;

interface Held {
  readonly stroke: { readonly key: string; readonly timeMs: number };
  readonly target: EventTarget | null;
  readonly shift: boolean;
  readonly arrivedAt: number;
}

/**
 * `read` gives the lines as the scanner meant them (by physical key, under another OS layout), so a
 * passport typed through a Kazakh layout still ends at its last Enter instead of waiting out the idle time.
 */
function detectorFor(options: WedgeCaptureOptions, read: (lines: readonly string[]) => readonly string[]): BurstDetector {
  const shapes = {
    isComplete: (lines: readonly string[]) => isCompleteScan(lines) || (options.fixKeyboardLayout && isCompleteScan(read(lines))),
    isPartial: (lines: readonly string[]) => isPartialMrz(lines) || (options.fixKeyboardLayout && isPartialMrz(read(lines))),
  };
  const created = createBurstDetector({ ...shapes, ...options.detector });
  return created.ok ? created.value : (createBurstDetector(shapes) as { ok: true; value: BurstDetector }).value;
}

/**
 * Keyboard-wedge capture for a whole screen. A wedge scanner types into whatever has focus, so the
 * keys are caught at the window (capture phase, before any element sees them) and fed to the domain
 * burst detector. Keys it might need are held back; when the detector decides, a scan goes to
 * `onScan` and never reaches the focused field, and keys a person typed are given back to the
 * element they were typed into (see key-replay.ts). Keys the detector never needs — shortcuts with
 * Ctrl/Alt/Meta, F-keys, arrows, Backspace, a lone Enter or Tab — pass through untouched after
 * anything held has been given back, so forms and shortcuts behave as usual.
 */
export class WedgeCapture {
  /** What each held character meant, by the physical key (`code`) that typed it. */
  private readonly keyCodes = new KeyCodeMap();
  private readonly readByKey = (lines: readonly string[]): readonly string[] => this.keyCodes.read(lines.join('\n'))?.split('\n') ?? lines;
  private detector: BurstDetector;
  private terminators: ReadonlySet<string>;
  private held: Held[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the armed timer fires (performance.now()). */
  private timerAt = Infinity;
  /** When the held run should next be judged; the timer may be armed earlier and re-arms itself. */
  private dueAt: number | undefined;
  /** Keys whose keydown was taken: their keyups mean nothing to the page either. */
  private readonly swallowed = new Set<string>();
  private win: Window | undefined;
  private lastArrival = 0;
  /** How late the last key reached the page, measured against its own timestamp. */
  private lag = 0;
  private minLength: number;
  /** The characters last given back as typing, in case a scan turns out to have begun with them. */
  private lastReplay: { readonly text: string; readonly target: EventTarget | null; readonly startedAt: number; readonly endedAt: number } | undefined;
  /** Learned from the scans so far: this station's scanners end each scan with a terminator (Enter/Tab). */
  private scansEndWithTerminator = false;

  constructor(private options: WedgeCaptureOptions) {
    this.detector = detectorFor(options, this.readByKey);
    this.minLength = options.detector.minLength ?? 4;
    this.terminators = new Set(options.detector.terminators ?? ['Enter', 'Tab']);
  }

  /**
   * New settings (they arrive from the core a moment after the screen opens, often mid-scan): the keys
   * held so far go through the new detector instead of being flushed, so a scan in flight stays whole.
   */
  configure(options: WedgeCaptureOptions): void {
    this.options = options;
    this.detector = detectorFor(options, this.readByKey);
    this.minLength = options.detector.minLength ?? 4;
    this.terminators = new Set(options.detector.terminators ?? ['Enter', 'Tab']);
    this.resolve(this.held.flatMap((held) => this.detector.push(held.stroke)));
  }

  attach(win: Window): void {
    this.win = win;
    win.addEventListener('keydown', this.onKeyDown, { capture: true });
    win.addEventListener('keyup', this.onKeyUp, { capture: true });
    win.addEventListener('blur', this.onBlur);
  }

  detach(): void {
    this.win?.removeEventListener('keydown', this.onKeyDown, { capture: true });
    this.win?.removeEventListener('keyup', this.onKeyUp, { capture: true });
    this.win?.removeEventListener('blur', this.onBlur);
    this.win = undefined;
    this.swallowed.clear();
    this.resolve(this.detector.flush());
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly onBlur = (): void => this.resolve(this.detector.flush());

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    // Our own replays are untrusted events; IME composition belongs to the input method.
    if (!event.isTrusted || event.isComposing) return;
    const key = event.key;
    const holding = this.detector.held() > 0;
    const shortcut = event.ctrlKey || event.metaKey || (event.altKey && !event.getModifierState('AltGraph'));
    const active = this.win?.document.activeElement ?? null;
    if (shortcut || handlesOwnKeys(active)) {
      if (holding) this.resolve(this.detector.flush());
      return;
    }
    if (isModifierKey(key)) {
      if (holding) this.push(event, key);
      return;
    }
    if (isCharacterKey(key) || (this.terminators.has(key) && holding)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      this.swallowed.add(event.code || key);
      this.push(event, key);
      return;
    }
    // Anything else goes to the page as usual, after the keys held before it.
    if (holding) this.resolve(this.detector.flush());
  };

  /**
   * A scanner sends a keyup for every key: ~700 for one certificate. Each would otherwise run through
   * React's root listener for nothing, slowing the page just while a burst arrives.
   */
  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.isTrusted && this.swallowed.delete(event.code || event.key)) event.stopImmediatePropagation();
  };

  private push(event: KeyboardEvent, key: string): void {
    if (isCharacterKey(key)) this.keyCodes.learn(key, event.code, event.shiftKey);
    this.lastArrival = performance.now();
    this.lag = Math.max(0, this.lastArrival - event.timeStamp);
    const stroke = { key, timeMs: event.timeStamp };
    this.held.push({ stroke, target: event.target, shift: event.shiftKey, arrivedAt: this.lastArrival });
    this.resolve(this.detector.push(stroke));
  }

  private resolve(outputs: readonly BurstOutput[]): void {
    for (const output of outputs) {
      const mine = this.held.splice(0, output.keys.length);
      this.options.onBurst?.(output);
      if (output.kind === 'scan') {
        if (output.terminator !== undefined) this.scansEndWithTerminator = true;
        this.options.onScan(this.scanOf(this.withReplayedHead(output), mine[mine.length - 1]?.arrivedAt ?? performance.now()));
        this.lastReplay = undefined;
      } else {
        output.keys.forEach((stroke, index) => replayKey(stroke.key, mine[index]?.target ?? null, mine[index]?.shift ?? false));
        this.noteReplay(output.keys, mine[mine.length - 1]?.target ?? null);
      }
    }
    // Meanings hold for the keys held together; a later run may come through another layout or without codes.
    if (this.held.length === 0) this.keyCodes.clear();
    this.schedule();
  }

  private noteReplay(keys: readonly { readonly key: string; readonly timeMs: number }[], target: EventTarget | null): void {
    const characters = keys.filter((stroke) => isCharacterKey(stroke.key));
    // Only plain characters can be taken back; Enter, Tab or Space on a button did something already.
    const plain = characters.length === keys.filter((stroke) => !isModifierKey(stroke.key)).length;
    this.lastReplay =
      plain && characters.length > 0
        ? { text: characters.map((stroke) => stroke.key).join(''), target, startedAt: characters[0]!.timeMs, endedAt: characters[characters.length - 1]!.timeMs }
        : undefined;
  }

  /**
   * A PC that stalls right after a scan's first keys makes them look like a person's (the timer judged them
   * before the rest arrived): they were typed into the focused field. When the scan's first key follows
   * them within the scanner's gap — by the keys' own timestamps — they were its head: taken back out of the
   * field and put in front of the scan, so "P<" does not stay behind to be submitted by the next Enter.
   */
  private withReplayedHead(burst: ScanBurst): ScanBurst {
    const head = this.lastReplay;
    if (!head || !(burst.startedAt - head.endedAt <= (this.options.detector.maxGapMs ?? DEFAULT_MAX_GAP_MS))) return burst;
    const typedIntoField = head.target instanceof Element && isTextEntry(head.target);
    if (typedIntoField && !takeBackText(head.target, head.text)) return burst;
    const [first = '', ...rest] = burst.lines;
    const prefix = this.options.detector.prefix ?? '';
    const joined = head.text + first;
    const lines = [prefix !== '' && !burst.prefixStripped && joined.startsWith(prefix) ? joined.slice(prefix.length) : joined, ...rest];
    return { ...burst, lines, text: lines.join('\n'), startedAt: head.startedAt };
  }

  private scanOf(burst: ScanBurst, lastKeyArrivedAt: number): WedgeScan {
    if (this.options.fixKeyboardLayout && !isScannerAscii(burst.text)) {
      // The physical keys say what the scanner sent, whichever layout is active; the tables are the
      // fallback for keys that came without a code (remote desktops, some virtual keyboards).
      const byKey = this.keyCodes.read(burst.text);
      if (byKey !== undefined && isScannerAscii(byKey)) return { text: byKey, burst, layoutFixedFrom: 'key-codes', lastKeyArrivedAt };
      // A layout that reads the text as a whole MRZ or certificate beats one that merely reads it as ASCII.
      const shaped = autoFixLayout(burst.text, { accept: (text) => isCompleteScan(text.split('\n')) });
      const fixed = shaped.ok ? shaped : autoFixLayout(burst.text, { accept: isScannerAscii });
      if (fixed.ok) return { text: fixed.value.text, burst, layoutFixedFrom: fixed.value.from, lastKeyArrivedAt };
    }
    return { text: burst.text, burst, layoutFixedFrom: undefined, lastKeyArrivedAt };
  }

  /**
   * The detector is clock-free: wake it when its deadline passes (event timestamps share performance.now()'s
   * clock). Every key moves the deadline a little later; re-arming a timer per key costs more than the key
   * itself during a 700-key burst, so an armed timer that fires early just re-arms for the new deadline.
   */
  private schedule(): void {
    const deadline = this.detector.nextDeadline();
    if (deadline === undefined) {
      this.dueAt = undefined;
      return;
    }
    const now = performance.now();
    const scanLike = this.detector.held() >= this.minLength || this.lag > LATE_DELIVERY_MS;
    const grace = scanLike && this.looksCut() ? MAX_ARRIVAL_GRACE_MS : Math.min(MAX_ARRIVAL_GRACE_MS, Math.max(ARRIVAL_GRACE_MS, this.lag));
    const wait = Math.max(deadline + this.lag - now, scanLike ? this.lastArrival + grace - now : 0);
    this.dueAt = now + Math.max(0, wait) + 1;
    if (this.timer !== undefined && this.timerAt <= this.dueAt) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.arm(this.dueAt);
  }

  /**
   * The held run is visibly the front of a longer scan: the first lines of a passport zone, or a long run
   * stopped mid-line when this station's scanners always end with Enter. Its tail may be hundreds of
   * milliseconds late on a busy PC (the keys' own timestamps show no gap); closing it now would turn one
   * passport into two unreadable halves, so it gets the longest grace. A whole document never waits.
   */
  private looksCut(): boolean {
    const shape = this.detector.heldShape();
    return shape === 'partial' || (shape === 'mid-line' && this.scansEndWithTerminator && this.detector.held() >= CUT_SCAN_MIN_KEYS);
  }

  private arm(at: number): void {
    this.timerAt = at;
    this.timer = setTimeout(this.onTimer, Math.max(0, at - performance.now()));
  }

  private readonly onTimer = (): void => {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (this.dueAt === undefined) return;
    if (performance.now() < this.dueAt) {
      this.arm(this.dueAt);
      return;
    }
    this.dueAt = undefined;
    // Back on the keys' own timeline: the detector judges gaps between timestamps, never delivery delays.
    this.resolve(this.detector.tick(performance.now() - this.lag));
  };
}
