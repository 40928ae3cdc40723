import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HID_POS_FORMATS, decodeHidPosReports, decodeKeyboardReports, detectBursts, frameSerialStream, parseAimIdentifier } from '../../shared/domain/scanner-input';
import { runs } from './fuzz-config';

describe('fuzz: scanner frames never throw', () => {
  it('HID keyboard boot reports: 6k report sequences in 4 layouts', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 12 }), { maxLength: 40 }), fc.constantFrom('us', 'de', 'fr', 'ru'), (reports, layout) => {
        const result = decodeKeyboardReports(reports, { layout: layout as never });
        expect(Array.isArray(result.lines)).toBe(true);
      }),
      runs(6_000),
    );
  });

  it('HID POS reports: 8k report sequences in every preset', () => {
    const presets = Object.keys(HID_POS_FORMATS);
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 12 }), fc.constantFrom(...presets), (reports, preset) => {
        const result = decodeHidPosReports(reports, { format: HID_POS_FORMATS[preset as keyof typeof HID_POS_FORMATS] } as never);
        if (result.ok) for (const event of result.value) expect(typeof event.kind).toBe('string');
      }),
      runs(8_000),
    );
  });

  it('serial framer: 8k timed byte streams in every framing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ bytes: fc.uint8Array({ maxLength: 200 }), timeMs: fc.nat(10_000) }), { maxLength: 20 }),
        fc.constantFrom('stx-etx', 'soh-etx', 'lines'),
        (chunks, framing) => {
          const sorted = [...chunks].sort((a, b) => a.timeMs - b.timeMs);
          const result = frameSerialStream(sorted, { framing: framing as never });
          expect(result.ok).toBe(true);
        },
      ),
      runs(8_000),
    );
  });

  it('keyboard-wedge burst detector: 6k keystroke traces', () => {
    const key = fc.oneof(fc.string({ minLength: 1, maxLength: 1 }), fc.constantFrom('Enter', 'Tab', 'Shift', 'Backspace', 'Unidentified', ''));
    fc.assert(
      fc.property(fc.array(fc.record({ key, gap: fc.nat(400) }), { maxLength: 120 }), (strokes) => {
        let t = 0;
        const trace = strokes.map(({ key: k, gap }) => ({ key: k, timeMs: (t += gap) }));
        const result = detectBursts(trace);
        expect(result.ok).toBe(true);
      }),
      runs(6_000),
    );
  });

  it('AIM identifiers: 5k strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (id) => {
        const result = parseAimIdentifier(id);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(5);
      }),
      runs(5_000),
    );
  });
});
