import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBurstDetector,
  detectBursts,
  isCompleteScan,
  isPartialMrz,
  resolveBurstOptions,
  type BurstDetector,
  type BurstDetectorOptions,
  type BurstOutput,
  type Keystroke,
} from '../../../../shared/domain/scanner-input';
import { fixtureNames, loadFixture } from './fixtures';

interface WedgeFixture {
  description: string;
  detector?: Partial<BurstDetectorOptions>;
  expected: { kind: 'scan' | 'typing'; text: string }[];
  keys: Keystroke[];
}

const show = (keys: readonly Keystroke[]): string => keys.map((k) => (k.key.length === 1 ? k.key : `{${k.key}}`)).join('');

/** Scan texts and typed stretches, consecutive typing merged (the UI replays them in order anyway). */
function summarize(outputs: readonly BurstOutput[]): { kind: 'scan' | 'typing'; text: string }[] {
  const out: { kind: 'scan' | 'typing'; text: string }[] = [];
  for (const o of outputs) {
    const last = out[out.length - 1];
    if (o.kind === 'scan') out.push({ kind: 'scan', text: o.text });
    else if (last?.kind === 'typing') last.text += show(o.keys);
    else out.push({ kind: 'typing', text: show(o.keys) });
  }
  return out;
}

function detector(options: Partial<BurstDetectorOptions> = {}): BurstDetector {
  const created = createBurstDetector(options);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

function run(keys: readonly Keystroke[], options: Partial<BurstDetectorOptions> = {}): BurstOutput[] {
  const result = detectBursts(keys, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Keystrokes for `text` typed at a fixed gap, starting at `start`. */
function typed(text: string, start: number, gap: number): Keystroke[] {
  const names: Record<string, string> = { '\n': 'Enter', '\t': 'Tab', '\b': 'Backspace' };
  return [...text].map((ch, i) => ({ key: names[ch] ?? ch, timeMs: start + i * gap }));
}

describe('burst detector on recorded wedge traces', () => {
  const names = fixtureNames('wedge');

  it('has the traces the detector is specified against', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'human-typing', 'human-fast-typist', 'scanner-1ms', 'scanner-5ms', 'scanner-12ms', 'scanner-19ms',
        'mrz-td3-2line', 'mrz-td1-3line', 'scanner-jitter', 'mixed-session',
      ]),
    );
  });

  it.each(names)('%s', (name) => {
    const fixture = loadFixture<WedgeFixture>('wedge', name);
    const outputs = run(fixture.keys, fixture.detector);
    expect(summarize(outputs)).toEqual(fixture.expected);
  });

  it('reports timing of a scan burst', () => {
    const fixture = loadFixture<WedgeFixture>('wedge', 'scanner-5ms');
    const scan = run(fixture.keys).find((o) => o.kind === 'scan');
    expect(scan?.kind).toBe('scan');
    if (scan?.kind !== 'scan') return;
    expect(scan.meanGapMs).toBeGreaterThan(4);
    expect(scan.meanGapMs).toBeLessThan(6);
    expect(scan.endedAt - scan.startedAt).toBeCloseTo(scan.meanGapMs * (scan.text.length), 0);
    expect(scan.terminator).toBe('Enter');
    expect(scan.lines).toHaveLength(1);
  });

  it('joins the lines of a 3-line MRZ even when the reader pauses after each Enter', () => {
    const fixture = loadFixture<WedgeFixture>('wedge', 'mrz-td1-3line');
    const outputs = run(fixture.keys);
    expect(outputs).toHaveLength(1);
    const scan = outputs[0];
    expect(scan?.kind === 'scan' ? scan.lines.map((l) => l.length) : []).toEqual([30, 30, 30]);
    // With the end-of-scan window no longer than the character threshold the lines split.
    const strict = summarize(run(fixture.keys, { endIdleMs: 30 }));
    expect(strict.filter((o) => o.kind === 'scan')).toHaveLength(3);
  });

  it('classifies the fast typist as typing at the default threshold but not at a lax one', () => {
    const fixture = loadFixture<WedgeFixture>('wedge', 'human-fast-typist');
    expect(run(fixture.keys).every((o) => o.kind === 'typing')).toBe(true);
    expect(run(fixture.keys, { maxGapMs: 90 }).some((o) => o.kind === 'scan')).toBe(true);
  });
});

describe('burst detector rules', () => {
  it('needs minLength characters for a scan', () => {
    expect(summarize(run(typed('abc\n', 0, 2)))).toEqual([{ kind: 'typing', text: 'abc{Enter}' }]);
    expect(summarize(run(typed('abcd\n', 0, 2)))).toEqual([{ kind: 'scan', text: 'abcd' }]);
    expect(summarize(run(typed('abc\n', 0, 2), { minLength: 3 }))).toEqual([{ kind: 'scan', text: 'abc' }]);
  });

  it('treats a gap exactly at the threshold as part of the burst', () => {
    expect(summarize(run(typed('ABCDE', 0, 30)))).toEqual([{ kind: 'scan', text: 'ABCDE' }]);
    expect(summarize(run(typed('ABCDE', 0, 30.1)))).toEqual([{ kind: 'typing', text: 'ABCDE' }]);
  });

  it('accepts scans without terminator unless requireTerminator is set', () => {
    expect(summarize(run(typed('12345678', 0, 3)))).toEqual([{ kind: 'scan', text: '12345678' }]);
    expect(summarize(run(typed('12345678', 0, 3), { requireTerminator: true }))).toEqual([{ kind: 'typing', text: '12345678' }]);
    expect(summarize(run(typed('12345678\t', 0, 3), { requireTerminator: true }))).toEqual([{ kind: 'scan', text: '12345678' }]);
  });

  it('ends lines only at the configured terminators', () => {
    const keys = typed('ABCD\tEFGH\n', 0, 2);
    expect(summarize(run(keys))).toEqual([{ kind: 'scan', text: 'ABCD\nEFGH' }]);
    const onlyEnter = run(keys, { terminators: ['Enter'] });
    // Tab is then an ordinary named key: it cuts the burst and is passed through.
    expect(summarize(onlyEnter)).toEqual([
      { kind: 'scan', text: 'ABCD' },
      { kind: 'typing', text: '{Tab}' },
      { kind: 'scan', text: 'EFGH' },
    ]);
  });

  it('strips a configured prefix and suffix only when present', () => {
    const options = { prefix: '~~', suffix: '!' };
    const withBoth = run(typed('~~HC1:ABC!\n', 0, 2), options)[0];
    expect(withBoth).toMatchObject({ kind: 'scan', text: 'HC1:ABC', prefixStripped: true, suffixStripped: true });
    const without = run(typed('HC1:ABC\n', 0, 2), options)[0];
    expect(without).toMatchObject({ kind: 'scan', text: 'HC1:ABC', prefixStripped: false, suffixStripped: false });
    // The prefix alone is not a scan.
    expect(run(typed('~~!\n', 0, 2), options)[0]?.kind).toBe('typing');
  });

  it('passes named keys straight through and never holds them', () => {
    const d = detector();
    expect(d.push({ key: 'a', timeMs: 0 })).toEqual([]);
    const out = d.push({ key: 'Backspace', timeMs: 10 });
    expect(summarize(out)).toEqual([{ kind: 'typing', text: 'a{Backspace}' }]);
    expect(d.held()).toBe(0);
  });

  it('does not let modifiers extend a burst', () => {
    const d = detector();
    expect(d.push({ key: 'A', timeMs: 0 })).toEqual([]);
    expect(d.push({ key: 'Shift', timeMs: 20 })).toEqual([]);
    // 40 ms after the last character: the Shift at 20 ms did not keep the run open.
    expect(summarize(d.push({ key: 'Shift', timeMs: 40 }))).toEqual([{ kind: 'typing', text: 'A{Shift}' }]);
    for (const [i, key] of [...'BCDE'].entries()) expect(d.push({ key, timeMs: 60 + i })).toEqual([]);
    const [scan] = d.flush();
    expect(scan).toMatchObject({ kind: 'scan', text: 'BCDE', startedAt: 60, endedAt: 63, meanGapMs: 1 });
  });

  it('drives the idle timeout through nextDeadline and tick', () => {
    const d = detector({ maxGapMs: 20, endIdleMs: 100 });
    for (const k of typed('P<UTO\n', 0, 5)) expect(d.push(k)).toEqual([]);
    // After Enter the run waits endIdleMs for a further MRZ line.
    expect(d.nextDeadline()).toBe(125);
    expect(d.tick(125)).toEqual([]);
    const out = d.tick(125.1);
    expect(summarize(out)).toEqual([{ kind: 'scan', text: 'P<UTO' }]);
    expect(d.nextDeadline()).toBeUndefined();
    // A short human run only waits maxGapMs.
    d.push({ key: 'x', timeMs: 1000 });
    expect(d.nextDeadline()).toBe(1020);
    expect(summarize(d.tick(2000))).toEqual([{ kind: 'typing', text: 'x' }]);
  });

  it('ends a provably whole scan at its last Enter instead of waiting out the idle window', () => {
    const td3 = ['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<<', '4012345676TJK9001158M3006209<<<<<<<<<<<<<<00'];
    const d = detector({ maxGapMs: 20, endIdleMs: 100, isComplete: isCompleteScan });
    const keys = typed(`${td3[0]}\n${td3[1]}\n`, 0, 3);
    const outputs = keys.flatMap((k) => d.push(k));
    // The first line alone is half a passport zone: the detector kept waiting after its Enter.
    expect(summarize(outputs)).toEqual([{ kind: 'scan', text: td3.join('\n') }]);
    expect(d.held()).toBe(0);
    expect(d.nextDeadline()).toBeUndefined();
    // A certificate is one line by definition.
    const hc1 = detector({ maxGapMs: 20, isComplete: isCompleteScan });
    expect(summarize(typed('HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEXWK G2EP4J0B3KL6QM5/OVGA/MAT%ZSGO/F5GIA/1Q\n', 0, 3).flatMap((k) => hc1.push(k)))).toHaveLength(1);
    // Text that might go on (a lab's free-text QR) still waits for further lines.
    const other = detector({ maxGapMs: 20, endIdleMs: 100, isComplete: isCompleteScan });
    expect(typed('LAB RESULT NEGATIVE\n', 0, 3).flatMap((k) => other.push(k))).toEqual([]);
    expect(other.nextDeadline()).toBeGreaterThan(0);
  });

  it('knows which lines make a whole document or code', () => {
    expect(isCompleteScan(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'])).toBe(true);
    expect(isCompleteScan(['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6'])).toBe(false);
    expect(isCompleteScan(['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'])).toBe(true);
    expect(isCompleteScan(['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<<'])).toBe(false);
    // A garbled line (wrong length, foreign characters) is not proof of anything.
    expect(isCompleteScan(['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<', '4012345676TJK9001158M3006209<<<<<<<<<<<<<<00'])).toBe(false);
    expect(isCompleteScan(['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<<', '4012345676TJK9001158M3006209<<<<<<<<<<<<<0 0'])).toBe(false);
    expect(isCompleteScan(['https://lab.example/r/123'])).toBe(true);
    expect(isCompleteScan(['https://lab.example/r/123', 'more'])).toBe(false);
    expect(isCompleteScan([])).toBe(false);
  });

  it('knows the first lines of a passport zone still waiting for the rest', () => {
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    expect(isPartialMrz(td1.slice(0, 1))).toBe(true);
    expect(isPartialMrz(td1.slice(0, 2))).toBe(true);
    expect(isPartialMrz(td1)).toBe(false);
    expect(isPartialMrz(['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<<'])).toBe(true);
    // Not the start of a zone: wrong length, lower case, a certificate, nothing at all.
    expect(isPartialMrz(['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<'])).toBe(false);
    expect(isPartialMrz(['p<tjkjuraev<<rustam<<<<<<<<<<<<<<<<<<<<<<<<<'])).toBe(false);
    expect(isPartialMrz(['HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDEXWK'])).toBe(false);
    expect(isPartialMrz([...td1, td1[0]!])).toBe(false);
    expect(isPartialMrz([])).toBe(false);
  });

  it('splits a short human tail off a scan that ended with Enter', () => {
    const keys = [...typed('L898902C3\n', 0, 3), ...typed('ok', 60, 150)];
    expect(summarize(run(keys))).toEqual([
      { kind: 'scan', text: 'L898902C3' },
      { kind: 'typing', text: 'ok' },
    ]);
  });

  it('drops blank lines at the ends of a scan', () => {
    expect(summarize(run(typed('\nABCD\n\n', 0, 2)))).toEqual([{ kind: 'scan', text: 'ABCD' }]);
  });

  it('survives timestamps that step back or are not numbers', () => {
    const keys: Keystroke[] = [
      { key: 'A', timeMs: 100 },
      { key: 'B', timeMs: 90 },
      { key: 'C', timeMs: Number.NaN },
      { key: 'D', timeMs: 101 },
    ];
    expect(summarize(run(keys))).toEqual([{ kind: 'scan', text: 'ABCD' }]);
  });

  it('resets', () => {
    const d = detector();
    d.push({ key: 'a', timeMs: 0 });
    d.reset();
    expect(d.held()).toBe(0);
    expect(d.flush()).toEqual([]);
  });

  it('rejects unusable options as values', () => {
    expect(resolveBurstOptions({ maxGapMs: 0 }).ok).toBe(false);
    expect(resolveBurstOptions({ maxGapMs: Number.NaN }).ok).toBe(false);
    expect(resolveBurstOptions({ minLength: 0 }).ok).toBe(false);
    expect(resolveBurstOptions({ endIdleMs: -1 }).ok).toBe(false);
    expect(resolveBurstOptions({ terminators: ['a'] }).ok).toBe(false);
    expect(resolveBurstOptions({ terminators: ['Shift'] }).ok).toBe(false);
    const defaults = resolveBurstOptions();
    expect(defaults.ok && defaults.value).toMatchObject({ maxGapMs: 30, endIdleMs: 90, minLength: 4 });
  });
});

describe('burst detector: the shape of the held run', () => {
  const detector = (options: Partial<BurstDetectorOptions> = {}): BurstDetector => {
    const created = createBurstDetector({ isPartial: isPartialMrz, ...options });
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  };
  const feed = (d: BurstDetector, keys: readonly string[]) => keys.forEach((key, index) => d.push({ key, timeMs: index * 2 }));
  const [first, second] = ['P<TJKJURAEV<<RUSTAM<<<<<<<<<<<<<<<<<<<<<<<<<', '4012345676TJK9001158M3006209<<<<<<<<<<<<<<00'];

  it('is partial at the Enter after a passport’s first line, with a stray Enter before it or a prefix', () => {
    for (const [keys, options] of [
      [[...first!, 'Enter'], {}],
      [['Enter', ...first!, 'Enter', 'Shift'], {}],
      [[...`]L${first}`, 'Enter'], { prefix: ']L' }],
    ] as const) {
      const d = detector(options);
      feed(d, keys);
      expect(d.heldShape(), keys.join('')).toBe('partial');
    }
  });

  it('is a line end after other lines, mid-line inside one, and nothing while only modifiers are held', () => {
    const d = detector({ minLength: 100 });
    expect(d.heldShape()).toBeUndefined();
    d.push({ key: 'Shift', timeMs: 0 });
    expect(d.heldShape()).toBeUndefined();
    feed(d, [...first!.slice(0, 20)]);
    expect(d.heldShape()).toBe('mid-line');
    const words = detector();
    feed(words, [...'HELLO WORLD', 'Enter']);
    expect(words.heldShape()).toBe('line-end');
    const whole = detector({ minLength: 200 });
    feed(whole, [...first!, 'Enter', ...second!, 'Enter']);
    expect(whole.heldShape()).toBe('line-end');
  });

  it('needs isPartial to call anything partial', () => {
    const created = createBurstDetector();
    if (!created.ok) throw new Error(created.error.message);
    feed(created.value, [...first!, 'Enter']);
    expect(created.value.heldShape()).toBe('line-end');
  });
});

describe('burst detector properties', () => {
  const keyArb = fc.oneof(
    fc.constantFrom('Enter', 'Tab', 'Shift', 'Control', 'CapsLock', 'Backspace', 'ArrowLeft', 'Dead', 'Unidentified', ''),
    fc.string({ minLength: 1, maxLength: 2, unit: 'binary' }),
    fc.constantFrom('A', '<', '1', 'й', '😀'),
  );
  const traceArb = fc.array(
    fc.record({
      key: keyArb,
      // Mostly increasing times, with the odd backwards step or non-finite value.
      timeMs: fc.oneof(
        { weight: 10, arbitrary: fc.double({ min: 0, max: 400, noNaN: true }) },
        { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -5) },
      ),
    }),
    { maxLength: 80 },
  );
  const cumulative = (trace: { key: string; timeMs: number }[]): Keystroke[] => {
    let t = 0;
    return trace.map(({ key, timeMs }) => {
      t = Number.isFinite(timeMs) && timeMs >= 0 ? t + timeMs : timeMs;
      return { key, timeMs: t };
    });
  };

  it('never throws and returns every key exactly once, in order', () => {
    fc.assert(
      fc.property(traceArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), (trace, maxGapMs, minLength) => {
        const keys = cumulative(trace);
        const d = detector({ maxGapMs, minLength });
        const outputs: BurstOutput[] = [];
        keys.forEach((k, i) => {
          outputs.push(...d.push(k));
          if (i % 7 === 0) outputs.push(...d.tick(Number.isFinite(k.timeMs) ? k.timeMs + maxGapMs / 2 : 0));
        });
        outputs.push(...d.flush());
        expect(outputs.flatMap((o) => o.keys).map((k) => k.key)).toEqual(keys.map((k) => k.key));
        for (const o of outputs) {
          if (o.kind === 'scan') expect([...o.text.replace(/\n/g, '')].length).toBeGreaterThanOrEqual(minLength);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('recognises any burst of printable characters sent faster than the threshold', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 60, unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<') }),
        fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 60, maxLength: 60 }),
        (text, gaps) => {
          let t = 1000;
          const keys = [...text, 'Enter'].map((key, i) => ({ key, timeMs: (t += gaps[i] ?? 0) }));
          expect(summarize(run(keys))).toEqual([{ kind: 'scan', text }]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
