import {
  autoFixLayout,
  createBurstDetector,
  isCharacterKey,
  isModifierKey,
  isScannerAscii,
  type BurstDetector,
  type BurstDetectorOptions,
  type BurstOutput,
  type LayoutId,
  type ScanBurst,
} from '../../../shared/domain/scanner-input';
import { handlesOwnKeys, replayKey } from './key-replay';

export interface WedgeScan {
  readonly text: string;
  readonly burst: ScanBurst;
  /** The OS keyboard layout the text was typed through and mapped back from (e.g. a Russian layout). */
  readonly layoutFixedFrom: LayoutId | undefined;
}

export interface WedgeCaptureOptions {
  readonly detector: Partial<BurstDetectorOptions>;
  readonly fixKeyboardLayout: boolean;
  readonly onScan: (scan: WedgeScan) => void;
  /** Every scan or typing burst, for the Settings test area. */
  readonly onBurst?: (output: BurstOutput) => void;
}

interface Held {
  readonly target: EventTarget | null;
  readonly shift: boolean;
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
  private readonly detector: BurstDetector;
  private readonly terminators: ReadonlySet<string>;
  private held: Held[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private win: Window | undefined;

  constructor(private readonly options: WedgeCaptureOptions) {
    const created = createBurstDetector(options.detector);
    this.detector = created.ok ? created.value : (createBurstDetector() as { ok: true; value: BurstDetector }).value;
    this.terminators = new Set(options.detector.terminators ?? ['Enter', 'Tab']);
  }

  attach(win: Window): void {
    this.win = win;
    win.addEventListener('keydown', this.onKeyDown, { capture: true });
    win.addEventListener('blur', this.onBlur);
  }

  detach(): void {
    this.win?.removeEventListener('keydown', this.onKeyDown, { capture: true });
    this.win?.removeEventListener('blur', this.onBlur);
    this.win = undefined;
    this.resolve(this.detector.flush());
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
      this.push(event, key);
      return;
    }
    // Anything else goes to the page as usual, after the keys held before it.
    if (holding) this.resolve(this.detector.flush());
  };

  private push(event: KeyboardEvent, key: string): void {
    this.held.push({ target: event.target, shift: event.shiftKey });
    this.resolve(this.detector.push({ key, timeMs: event.timeStamp }));
  }

  private resolve(outputs: readonly BurstOutput[]): void {
    for (const output of outputs) {
      const mine = this.held.splice(0, output.keys.length);
      this.options.onBurst?.(output);
      if (output.kind === 'scan') {
        this.options.onScan(this.scanOf(output));
      } else {
        output.keys.forEach((stroke, index) => replayKey(stroke.key, mine[index]?.target ?? null, mine[index]?.shift ?? false));
      }
    }
    this.schedule();
  }

  private scanOf(burst: ScanBurst): WedgeScan {
    if (this.options.fixKeyboardLayout) {
      const fixed = autoFixLayout(burst.text, { accept: isScannerAscii });
      if (fixed.ok) return { text: fixed.value.text, burst, layoutFixedFrom: fixed.value.from };
    }
    return { text: burst.text, burst, layoutFixedFrom: undefined };
  }

  /** The detector is clock-free: wake it when its deadline passes (event timestamps share performance.now()'s clock). */
  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const deadline = this.detector.nextDeadline();
    if (deadline === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.resolve(this.detector.tick(performance.now()));
    }, Math.max(0, deadline - performance.now()) + 1);
  }
}
