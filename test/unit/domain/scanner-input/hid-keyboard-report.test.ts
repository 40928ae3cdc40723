import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KEYBOARD_LAYOUTS,
  MAIN_BLOCK_USAGES,
  createHidKeyboardDecoder,
  decodeKeyboardReports,
  type HidKeyboardDecoder,
  type HidKeyboardOptions,
  type LayoutId,
} from '../../../../shared/domain/scanner-input';
import { fromHex, loadFixture } from './fixtures';

interface KeyboardFixture {
  format: HidKeyboardOptions;
  reports: string[];
  expected: { lines: { text: string; terminator: 'Enter' | 'Tab' }[]; pending: string };
}

const SHIFT = 0x02;
const R_SHIFT = 0x20;
const CTRL = 0x01;
const ALT_GR = 0x40;

const report = (modifiers: number, ...usages: number[]): Uint8Array => {
  const r = new Uint8Array(8);
  r[0] = modifiers;
  r.set(usages.slice(0, 6), 2);
  return r;
};
const UP = report(0);

function keysOf(decoder: HidKeyboardDecoder, ...reports: Uint8Array[]): string[] {
  return reports.flatMap((r) => {
    const step = decoder.push(r);
    if (!step.ok) throw new Error(step.error.message);
    return [...step.value.keys];
  });
}

/** Press and release one key per character: what a wedge scanner set to `layout` sends. */
function typeWith(layout: LayoutId, text: string): Uint8Array[] {
  const positions = new Map<string, [number, number]>();
  for (const [usage, levels] of KEYBOARD_LAYOUTS[layout].keys) {
    const add = (symbol: unknown, modifiers: number): void => {
      if (typeof symbol === 'string' && !positions.has(symbol)) positions.set(symbol, [usage, modifiers]);
    };
    add(levels.base, 0);
    add(levels.shift, SHIFT);
    add(levels.altGr, ALT_GR);
  }
  return [...text].flatMap((ch) => {
    const position = positions.get(ch);
    if (position === undefined) throw new Error(`${layout} cannot type ${ch}`);
    return [report(position[1], position[0]), UP];
  });
}

describe('HID boot keyboard reports', () => {
  it('decodes the recorded-style TD3 MRZ with shifts and rollover', () => {
    const fixture = loadFixture<KeyboardFixture>('hid', 'keyboard-boot-mrz-td3');
    const decoded = decodeKeyboardReports(fixture.reports.map(fromHex), fixture.format);
    expect(decoded.problems).toEqual([]);
    expect(decoded.unmapped).toEqual([]);
    expect({ lines: decoded.lines, pending: decoded.pending }).toEqual(fixture.expected);
  });

  it('does not repeat a key still held in the next report (rollover)', () => {
    const d = createHidKeyboardDecoder({ layout: 'us' });
    expect(keysOf(d, report(0, 0x04))).toEqual(['a']);
    expect(keysOf(d, report(0, 0x04, 0x05))).toEqual(['b']);
    expect(keysOf(d, report(0, 0x05))).toEqual([]);
    expect(keysOf(d, report(0, 0x05, 0x06, 0x07))).toEqual(['c', 'd']);
    expect(keysOf(d, UP)).toEqual([]);
    // Pressed again after the release: typed again.
    expect(keysOf(d, report(0, 0x05))).toEqual(['b']);
  });

  it('applies left and right Shift, and modifiers listed as usages 0xE0–0xE7', () => {
    const d = createHidKeyboardDecoder({ layout: 'us' });
    expect(keysOf(d, report(SHIFT, 0x04), UP, report(R_SHIFT, 0x36), UP, report(0, 0xe1, 0x1e), UP)).toEqual(['A', '<', '!']);
  });

  it('toggles Caps Lock on its own key and applies it to letters only', () => {
    const d = createHidKeyboardDecoder({ layout: 'us' });
    expect(keysOf(d, report(0, 0x39), UP)).toEqual(['CapsLock']);
    expect(d.capsLock()).toBe(true);
    expect(keysOf(d, report(0, 0x04), UP, report(SHIFT, 0x04), UP, report(0, 0x1e), UP, report(SHIFT, 0x1e), UP)).toEqual(['A', 'a', '1', '!']);
    const de = createHidKeyboardDecoder({ layout: 'de', capsLock: true });
    expect(keysOf(de, report(0, 0x2f), UP, report(0, 0x2d), UP)).toEqual(['Ü', 'ß']);
    const fr = createHidKeyboardDecoder({ layout: 'fr', capsLock: true });
    // AZERTY: "é" shifts to "2", so Caps Lock leaves it alone.
    expect(keysOf(fr, report(0, 0x1f), UP, report(0, 0x14), UP)).toEqual(['é', 'A']);
  });

  it('ignores ErrorRollOver phantom reports without losing the held state', () => {
    const d = createHidKeyboardDecoder({ layout: 'us' });
    expect(keysOf(d, report(0, 0x04))).toEqual(['a']);
    const phantom = d.push(report(0, 1, 1, 1, 1, 1, 1));
    expect(phantom.ok && phantom.value).toEqual({ keys: [], unmapped: [], phantom: true });
    expect(keysOf(d, report(0, 0x04))).toEqual([]);
  });

  it('types C0 controls for Ctrl+key (GS for Ctrl+])', () => {
    const d = createHidKeyboardDecoder({ layout: 'us' });
    expect(keysOf(d, report(CTRL, 0x30), UP, report(CTRL, 0x04), UP)).toEqual(['\u001d', '\u0001']);
    const step = d.push(report(CTRL, 0x1e));
    expect(step.ok && step.value.unmapped).toEqual([0x1e]);
  });

  it('maps named keys and reports unmapped usages', () => {
    const d = createHidKeyboardDecoder({ layout: 'us' });
    expect(keysOf(d, report(0, 0x28), UP, report(0, 0x58), UP, report(0, 0x2b), UP, report(0, 0x2a), UP)).toEqual(['Enter', 'Enter', 'Tab', 'Backspace']);
    const step = d.push(report(0, 0x3a, 0x4f));
    expect(step.ok && step.value).toEqual({ keys: [], unmapped: [0x3a, 0x4f], phantom: false });
  });

  it('reads the characters of each layout at their key positions', () => {
    const typed = (layout: LayoutId, ...reports: Uint8Array[]): string =>
      keysOf(createHidKeyboardDecoder({ layout }), ...reports.flatMap((r) => [r, UP])).join('');
    expect(typed('us', report(0, 0x1c), report(0, 0x1d), report(SHIFT, 0x33), report(0, 0x2c), report(0, 0x59))).toBe('yz: 1');
    expect(typed('de', report(0, 0x1c), report(0, 0x1d), report(0, 0x64), report(SHIFT, 0x64), report(SHIFT, 0x24), report(SHIFT, 0x37), report(ALT_GR, 0x14), report(0, 0x63))).toBe(
      'zy<>/:@,',
    );
    expect(typed('fr', report(0, 0x14), report(0, 0x04), report(0, 0x1a), report(0, 0x33), report(0, 0x10), report(0, 0x1e), report(SHIFT, 0x1e), report(ALT_GR, 0x27), report(0, 0x64))).toBe(
      'aqzm,&1@<',
    );
    expect(typed('ru', report(0, 0x13), report(SHIFT, 0x13), report(SHIFT, 0x20), report(0, 0x38), report(SHIFT, 0x38), report(0, 0x35))).toBe('зЗ№.,ё');
  });

  it('composes dead keys like the host would', () => {
    const keys = (layout: LayoutId, ...reports: Uint8Array[]): string =>
      keysOf(createHidKeyboardDecoder({ layout }), ...reports.flatMap((r) => [r, UP])).join('');
    expect(keys('de', report(0, 0x35), report(0, 0x08))).toBe('ê');
    expect(keys('de', report(0, 0x35), report(0, 0x2c))).toBe('^');
    expect(keys('de', report(0, 0x2e), report(SHIFT, 0x04))).toBe('Á');
    expect(keys('de', report(0, 0x35), report(0, 0x1b))).toBe('^x');
    expect(keys('de', report(0, 0x35), report(0, 0x35), report(0, 0x2c))).toBe('^^');
    expect(keys('fr', report(0, 0x2f), report(0, 0x14))).toBe('â');
    expect(keys('fr', report(SHIFT, 0x2f), report(0, 0x08))).toBe('ë');
    expect(keysOf(createHidKeyboardDecoder({ layout: 'de' }), report(0, 0x35), UP, report(0, 0x28))).toEqual(['^', 'Enter']);
  });

  it('round-trips every character of every layout', () => {
    for (const layout of ['us', 'de', 'fr', 'ru'] as const) {
      const chars = new Set<string>();
      for (const levels of KEYBOARD_LAYOUTS[layout].keys.values()) {
        for (const symbol of [levels.base, levels.shift, levels.altGr]) if (typeof symbol === 'string') chars.add(symbol);
      }
      const text = [...chars].join('');
      const decoded = decodeKeyboardReports(typeWith(layout, text), { layout });
      expect(decoded.pending, layout).toBe(text);
    }
  });

  it('has one character per main-block key on the base level of every layout', () => {
    for (const layout of Object.values(KEYBOARD_LAYOUTS)) {
      for (const usage of MAIN_BLOCK_USAGES) expect(layout.keys.get(usage)?.base, `${layout.id} 0x${usage.toString(16)}`).toBeDefined();
      const withoutShift = MAIN_BLOCK_USAGES.filter((usage) => layout.keys.get(usage)?.shift === undefined);
      expect(withoutShift, layout.id).toEqual(layout.id === 'fr' ? [0x35] : []);
    }
  });

  it('handles numbered reports and rejects malformed ones as values', () => {
    const d = createHidKeyboardDecoder({ layout: 'us', reportId: 1 });
    const numbered = new Uint8Array([1, ...report(SHIFT, 0x04)]);
    expect(keysOf(d, numbered)).toEqual(['A']);
    const wrongId = d.push(new Uint8Array([2, ...UP]));
    expect(!wrongId.ok && wrongId.error.code).toBe('unexpected-report-id');
    const short = createHidKeyboardDecoder({ layout: 'us' }).push(new Uint8Array(5));
    expect(!short.ok && short.error).toMatchObject({ code: 'bad-report-length', reportLength: 5 });
  });

  it('decodes lines with Backspace editing and keeps the unterminated rest', () => {
    const reports = [...typeWith('us', 'AB'), report(0, 0x2a), UP, ...typeWith('us', 'C'), report(0, 0x2b), UP, ...typeWith('us', 'xy')];
    const decoded = decodeKeyboardReports([...reports, new Uint8Array(3)], { layout: 'us' });
    expect(decoded.lines).toEqual([{ text: 'AC', terminator: 'Tab' }]);
    expect(decoded.pending).toBe('xy');
    expect(decoded.problems.map((p) => [p.index, p.problem.code])).toEqual([[reports.length, 'bad-report-length']]);
  });

  it('never throws on arbitrary reports', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<LayoutId>('us', 'de', 'fr', 'ru'),
        fc.array(fc.oneof({ weight: 5, arbitrary: fc.uint8Array({ minLength: 8, maxLength: 8 }) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }) }), { maxLength: 40 }),
        (layout, reports) => {
          const decoder = createHidKeyboardDecoder({ layout });
          for (const r of reports) {
            const step = decoder.push(r);
            if (step.ok) for (const key of step.value.keys) expect(key.length).toBeGreaterThan(0);
          }
          decodeKeyboardReports(reports, { layout });
        },
      ),
      { numRuns: 300 },
    );
  });
});
