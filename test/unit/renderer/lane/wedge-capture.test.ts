/**
 * The wedge capture's timing rules, on a fake clock (timers and performance.now()) with keys handed to the
 * window's capture listener as the browser would: each key stamped with its device time (`timeStamp`) and
 * arriving when the test says. The DOM the capture touches to give typing back is a stub that records the
 * replayed keys; giving keys back into real fields is the e2e tests' part (test/e2e/lane.e2e.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WedgeCapture, type WedgeScan } from '../../../../renderer/features/lane/wedge-capture';
import { characterOfKeyCode, remapLayout } from '../../../../shared/domain/scanner-input';
import { TAJIK_PASSPORT } from '../../../fixtures/mrz/passports';

type Listener = (event: unknown) => void;

class FakeWindow {
  readonly listeners = new Map<string, Set<Listener>>();
  readonly document = { activeElement: null };
  addEventListener(type: string, listener: Listener): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: Listener): void {
    this.listeners.get(type)?.delete(listener);
  }
  /** A trusted keydown, stamped `timeStamp`, reaching the page now (`code` the physical key, when the test gives one). */
  keyDown(key: string, timeStamp: number, physical?: { code: string; shift: boolean }): void {
    const event = {
      isTrusted: true,
      isComposing: false,
      key,
      code: physical?.code ?? key,
      timeStamp,
      target: null,
      shiftKey: physical?.shift ?? false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      getModifierState: () => false,
      preventDefault: () => undefined,
      stopImmediatePropagation: () => undefined,
    };
    for (const listener of this.listeners.get('keydown') ?? []) listener(event);
  }
}

/** The few DOM globals key-replay.ts reaches for; keys given back to the page land in `replayed`. */
function stubDom(replayed: string[]): void {
  class StubElement {}
  class StubHTMLElement extends StubElement {
    isConnected = true;
    isContentEditable = false;
    dispatchEvent(event: { key: string }): boolean {
      replayed.push(event.key);
      return true;
    }
  }
  const body = new StubHTMLElement();
  vi.stubGlobal('Element', StubElement);
  vi.stubGlobal('HTMLElement', StubHTMLElement);
  for (const name of ['HTMLInputElement', 'HTMLTextAreaElement', 'HTMLSelectElement', 'HTMLButtonElement', 'HTMLAnchorElement']) vi.stubGlobal(name, class extends StubHTMLElement {});
  vi.stubGlobal(
    'KeyboardEvent',
    class {
      readonly key: string;
      constructor(_type: string, init: { key: string }) {
        this.key = init.key;
      }
    },
  );
  vi.stubGlobal('document', { body, activeElement: null, execCommand: () => false });
}

const ENTER = 'Enter';
const keysOf = (lines: readonly string[]) => lines.flatMap((line) => [...line, ENTER]);
const CERTIFICATE = `HC1:${'NCFOXN%TS3DH0RGPJB/IB-OM7533Q7 '.repeat(20)}`;

let win: FakeWindow;
let scans: WedgeScan[];
let replayed: string[];
let capture: WedgeCapture;

const now = () => performance.now();
const wait = (ms: number) => vi.advanceTimersByTime(ms);
const texts = () => scans.map((scan) => scan.text);

/** A scanner typing `keys` `gapMs` apart in real time: each key arrives at its own device time. */
function typeLive(keys: readonly string[], gapMs = 2): void {
  keys.forEach((key, index) => {
    if (index > 0) wait(gapMs);
    win.keyDown(key, now());
  });
}

/** Keys typed `gapMs` apart from `firstStamp` on, all reaching the page only now (a PC that was busy). */
function deliverLate(keys: readonly string[], firstStamp: number, gapMs = 2): void {
  keys.forEach((key, index) => win.keyDown(key, firstStamp + index * gapMs));
}

function attach(): void {
  capture = new WedgeCapture({ detector: {}, fixKeyboardLayout: false, onScan: (scan) => scans.push(scan) });
  capture.attach(win as unknown as Window);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  wait(10_000);
  win = new FakeWindow();
  scans = [];
  replayed = [];
  stubDom(replayed);
  attach();
});

afterEach(() => {
  capture.detach();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('wedge capture timing', () => {
  it('hands a provably whole passport over at its last Enter, without waiting', () => {
    typeLive(keysOf(TAJIK_PASSPORT.lines));
    expect(texts()).toEqual([TAJIK_PASSPORT.lines.join('\n')]);
    expect(replayed).toEqual([]);
  });

  it('gives a person’s slow keys back to the page after the scanner gap', () => {
    win.keyDown('a', now());
    wait(25);
    expect(replayed).toEqual([]);
    wait(10);
    expect(replayed).toEqual(['a']);
    expect(scans).toEqual([]);
  });

  it('closes a scan that is not provably whole 150 ms after its last key arrived, not at the detector’s 90 ms', () => {
    typeLive(keysOf(['ABCDEFGH']));
    wait(140);
    expect(scans).toEqual([]);
    wait(15);
    expect(texts()).toEqual(['ABCDEFGH']);
  });

  it('holds even one key that arrives far behind its timestamp (a busy PC) for the grace, then gives it back', () => {
    win.keyDown('a', now() - 100);
    wait(100);
    expect(replayed).toEqual([]);
    wait(60);
    expect(replayed).toEqual(['a']);
  });

  describe('stall after the first keys', () => {
    it('puts the keys judged as typing back in front of the scan they began', () => {
      const keys = keysOf(TAJIK_PASSPORT.lines);
      const start = now();
      typeLive(keys.slice(0, 2));
      wait(400);
      // Judged alone, "P<" was a person typing: given back to the page.
      expect(replayed).toEqual(['P', '<']);
      deliverLate(keys.slice(2), start + 4);
      wait(1_000);
      expect(texts()).toEqual([TAJIK_PASSPORT.lines.join('\n')]);
    });

    it('leaves typing alone when the scan began longer than the scanner gap after it', () => {
      const keys = keysOf(TAJIK_PASSPORT.lines);
      typeLive(['P', '<']);
      wait(500);
      deliverLate(keys.slice(2), now() - 100);
      wait(1_000);
      expect(replayed).toEqual(['P', '<']);
      expect(texts()).toEqual([`${TAJIK_PASSPORT.lines[0]!.slice(2)}\n${TAJIK_PASSPORT.lines[1]}`]);
    });
  });

  describe('late tail', () => {
    it('waits past a second for the rest of a passport whose first line has arrived', () => {
      const start = now();
      typeLive(keysOf([TAJIK_PASSPORT.lines[0]]));
      wait(1_200);
      expect(scans).toEqual([]);
      deliverLate(keysOf([TAJIK_PASSPORT.lines[1]]), start + 45 * 2);
      expect(texts()).toEqual([TAJIK_PASSPORT.lines.join('\n')]);
    });

    it('still closes a first line whose rest never comes, after 1.5 s', () => {
      typeLive(keysOf([TAJIK_PASSPORT.lines[0]]));
      wait(1_450);
      expect(scans).toEqual([]);
      wait(100);
      expect(texts()).toEqual([TAJIK_PASSPORT.lines[0]]);
    });
  });

  describe('a stall inside a certificate', () => {
    const stalled = (): void => {
      const keys = keysOf([CERTIFICATE]);
      const start = now();
      typeLive(keys.slice(0, 200));
      wait(700);
      deliverLate(keys.slice(200), start + 200 * 2);
      wait(2_000);
    };

    it('keeps one certificate whole once this station’s scans have ended with Enter', () => {
      typeLive(keysOf([CERTIFICATE]));
      expect(texts()).toEqual([CERTIFICATE]);
      stalled();
      expect(texts()).toEqual([CERTIFICATE, CERTIFICATE]);
    });

    it('ends the certificate at its Enter, without waiting for another line', () => {
      typeLive(keysOf([CERTIFICATE]));
      expect(texts()).toEqual([CERTIFICATE]);
    });

    it('cuts it in two before any scan has shown the station’s scanners send Enter (what the learned rule prevents)', () => {
      stalled();
      expect(texts()).toEqual([CERTIFICATE.slice(0, 200), CERTIFICATE.slice(200)]);
    });
  });

  describe('another OS keyboard layout', () => {
    /** The physical key a US-configured scanner presses for `ch`. */
    const physicalOf = (ch: string) => {
      const code = /[A-Z]/.test(ch) ? `Key${ch}` : /[0-9]/.test(ch) ? `Digit${ch}` : ch === '<' ? 'Comma' : 'Enter';
      return { code, shift: ch === '<' || /[A-Z]/.test(ch) };
    };
    /** The passport typed through `layout`: each key gives that layout's character, with its `code` or with none. */
    const typeThrough = (layout: 'kk' | 'tg', withCodes: boolean) =>
      keysOf(TAJIK_PASSPORT.lines).forEach((ch) => {
        wait(2);
        const physical = ch === ENTER ? { code: 'Enter', shift: false } : physicalOf(ch);
        const key = ch === ENTER ? ch : (characterOfKeyCode(physical.code, physical.shift, layout) ?? remapLayout(ch, 'us', layout).text);
        win.keyDown(key, now(), withCodes ? physical : { code: '', shift: physical.shift });
      });

    beforeEach(() => {
      capture.detach();
      capture = new WedgeCapture({ detector: {}, fixKeyboardLayout: true, onScan: (scan) => scans.push(scan) });
      capture.attach(win as unknown as Window);
    });

    it('reads the scanner’s keys by their physical codes when the browser gives them, the passport ending at its last Enter', () => {
      typeThrough('kk', true);
      expect(texts()).toEqual([TAJIK_PASSPORT.lines.join('\n')]);
      expect(scans[0]!.layoutFixedFrom).toBe('key-codes');
    });

    it('falls back to the layout tables for keys without a code', () => {
      typeThrough('kk', false);
      wait(2000);
      typeThrough('tg', false);
      wait(2000);
      expect(texts()).toEqual([TAJIK_PASSPORT.lines.join('\n'), TAJIK_PASSPORT.lines.join('\n')]);
      expect(scans.map((scan) => scan.layoutFixedFrom)).toEqual(['kk', 'tg']);
    });
  });
});
