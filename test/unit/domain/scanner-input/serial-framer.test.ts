import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSerialFramer,
  frameSerialStream,
  type SerialFramer,
  type SerialFramerEvent,
  type SerialFramerOptions,
  type SerialFraming,
} from '../../../../shared/domain/scanner-input';
import { ascii } from './fixtures';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const STX = '\u0002';
const ETX = '\u0003';
const SOH = '\u0001';

function framer(options: Partial<SerialFramerOptions> = {}): SerialFramer {
  const created = createSerialFramer(options);
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

/** Compact view: frame text, garbage byte count, error code. */
function summarize(events: readonly SerialFramerEvent[]): string[] {
  return events.map((e) => {
    if (e.kind === 'frame') return `frame:${e.text}`;
    if (e.kind === 'garbage') return `garbage:${e.byteCount}`;
    return `error:${e.problem.code}`;
  });
}

function stream(chunks: [string, number][], options: Partial<SerialFramerOptions> = {}): SerialFramerEvent[] {
  const result = frameSerialStream(chunks.map(([text, timeMs]) => ({ bytes: ascii(text), timeMs })), options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('serial framer: STX…ETX and SOH…ETX', () => {
  it('frames an MRZ sent as one STX…ETX packet', () => {
    const events = stream([[`${STX}${TD3[0]}\r${TD3[1]}\r${ETX}`, 0]]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'frame', framing: 'stx-etx', lines: TD3, text: `${TD3[0]}\r${TD3[1]}\r`, startedAt: 0, endedAt: 0 });
  });

  it('keeps everything between SOH and ETX, inner STX included', () => {
    expect(summarize(stream([[`${SOH}0000${STX}DATA${ETX}`, 0]], { framing: 'soh-etx' }))).toEqual([`frame:0000${STX}DATA`]);
  });

  it('skips and reports garbage between frames, but not line idle', () => {
    expect(summarize(stream([[`xx${STX}A${ETX}yyy${STX}B${ETX}\r\n\u0000${STX}C${ETX}z`, 0]]))).toEqual([
      'garbage:2',
      'frame:A',
      'garbage:3',
      'frame:B',
      'frame:C',
      'garbage:1',
    ]);
    const [garbage] = stream([[`noise${STX}A${ETX}`, 7]]);
    expect(garbage).toMatchObject({ kind: 'garbage', byteCount: 5, sample: ascii('noise'), at: 7 });
  });

  it('reassembles split frames and separates merged ones', () => {
    expect(summarize(stream([[`${STX}P<UT`, 0], ['O<<', 10], [`X${ETX}${STX}Y`, 20], [ETX, 30]]))).toEqual(['frame:P<UTO<<X', 'frame:Y']);
    const events = stream([[`${STX}AB`, 0], [`C${ETX}`, 40]]);
    expect(events[0]).toMatchObject({ startedAt: 0, endedAt: 40 });
  });

  it('drops a partial frame after the timeout and resynchronises', () => {
    const f = framer({ partialTimeoutMs: 500 });
    expect(f.push(ascii(`${STX}ABC`), 0)).toEqual([]);
    expect(f.nextDeadline()).toBe(500);
    expect(f.tick(500)).toEqual([]);
    const timedOut = f.tick(501);
    expect(timedOut).toEqual([{ kind: 'error', problem: expect.objectContaining({ code: 'partial-frame-timeout', discardedBytes: 3 }), at: 501 }]);
    // The late rest of the frame is garbage; the next frame is read normally.
    expect(summarize([...f.push(ascii(`DEF${ETX}${STX}OK${ETX}`), 900), ...f.flush()])).toEqual(['garbage:4', 'frame:OK']);
  });

  it('reports a frame whose ETX was lost when the next STX arrives', () => {
    expect(summarize(stream([[`${STX}AB${STX}CD${ETX}`, 0]]))).toEqual(['error:unterminated-frame', 'frame:CD']);
  });

  it('caps the frame size and skips to the next frame boundary', () => {
    const events = stream([[`${STX}${'A'.repeat(20)}${ETX}${STX}OK${ETX}`, 0], [`${STX}${'B'.repeat(20)}${STX}OK2${ETX}`, 1]], { maxFrameBytes: 8 });
    expect(summarize(events)).toEqual(['error:frame-too-large', 'frame:OK', 'error:frame-too-large', 'frame:OK2']);
    expect(events[0]).toMatchObject({ problem: { discardedBytes: 9 } });
  });

  it('falls back to Latin-1 for invalid UTF-8 and says so', () => {
    const result = frameSerialStream([{ bytes: new Uint8Array([0x02, 0x4d, 0xfc, 0x03]), timeMs: 0 }]);
    expect(result.ok && result.value[0]).toMatchObject({ text: 'Mü', encoding: 'latin1', latin1Fallback: true });
  });
});

describe('serial framer: lines', () => {
  const lines = { framing: 'lines', lineGroupGapMs: 150 } as const;

  it('groups the two lines of a TD3 MRZ sent within the gap', () => {
    const f = framer(lines);
    expect(f.push(ascii(`${TD3[0]}\r\n`), 0)).toEqual([]);
    expect(f.push(ascii(`${TD3[1]}\r\n`), 40)).toEqual([]);
    expect(f.nextDeadline()).toBe(190);
    const [frame] = f.tick(191);
    expect(frame).toMatchObject({ kind: 'frame', framing: 'lines', lines: TD3, text: TD3.join('\n'), startedAt: 0, endedAt: 40 });
  });

  it('emits a TD1 MRZ as soon as the third line completes', () => {
    const f = framer(lines);
    f.push(ascii(`${TD1[0]}\r${TD1[1]}\r`), 0);
    const events = f.push(ascii(`${TD1[2]}\r`), 10);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ lines: TD1 });
  });

  it('keeps lines apart when the gap is exceeded, a blank line ends the group, or grouping is off', () => {
    expect(summarize(stream([['LINE1\n', 0], ['LINE2\n', 400]], lines))).toEqual(['frame:LINE1', 'frame:LINE2']);
    const f = framer(lines);
    expect(summarize(f.push(ascii('LINE1\r\n\r\n'), 0))).toEqual(['frame:LINE1']);
    expect(summarize(stream([['A\rB\rC\r', 0]], { ...lines, maxLinesPerFrame: 1 }))).toEqual(['frame:A', 'frame:B', 'frame:C']);
  });

  it('treats CR LF split across reads as one line end', () => {
    expect(summarize(stream([['L1\r', 0], ['\nL2\r', 5], ['\n', 6]], { ...lines, blankLineEndsGroup: true }))).toEqual(['frame:L1\nL2']);
  });

  it('reports control bytes before a line as garbage', () => {
    expect(summarize(stream([['\u0000\u0011LINE\r', 0]], lines))).toEqual(['garbage:2', 'frame:LINE']);
  });

  it('drops or keeps an unterminated last line on timeout, as configured', () => {
    const dropping = framer({ ...lines, partialTimeoutMs: 300 });
    dropping.push(ascii(`${TD3[0]}\r${TD3[1]}`), 0);
    expect(summarize(dropping.tick(301))).toEqual([`frame:${TD3[0]}`, 'error:partial-frame-timeout']);
    const keeping = framer({ ...lines, partialTimeoutMs: 300, unterminatedLine: 'emit' });
    keeping.push(ascii(`${TD3[0]}\r${TD3[1]}`), 0);
    expect(summarize(keeping.tick(301))).toEqual([`frame:${TD3.join('\n')}`]);
  });

  it('caps the line size and resynchronises at the next line end', () => {
    expect(summarize(stream([[`${'X'.repeat(50)}\rOK\r`, 0]], { ...lines, maxFrameBytes: 16 }))).toEqual(['error:frame-too-large', 'frame:OK']);
  });

  it('waits for a line in progress before closing its group', () => {
    const f = framer({ ...lines, partialTimeoutMs: 1000 });
    f.push(ascii('L1\r'), 0);
    f.push(ascii('L2'), 100);
    // The group gap has passed, but L2 is still arriving: no deadline for the group.
    expect(f.nextDeadline()).toBe(1100);
    expect(f.tick(500)).toEqual([]);
    expect(summarize(f.push(ascii('\r'), 600))).toEqual([]);
    expect(summarize(f.tick(751))).toEqual(['frame:L1\nL2']);
  });
});

describe('serial framer housekeeping', () => {
  it('rejects unusable options as values', () => {
    expect(createSerialFramer({ maxFrameBytes: 0 }).ok).toBe(false);
    expect(createSerialFramer({ partialTimeoutMs: -1 }).ok).toBe(false);
    expect(createSerialFramer({ maxLinesPerFrame: 0 }).ok).toBe(false);
  });

  it('resets and tolerates odd timestamps', () => {
    const f = framer();
    f.push(ascii(`${STX}AB`), 100);
    f.reset();
    expect(f.nextDeadline()).toBeUndefined();
    expect(summarize([...f.push(ascii(`${STX}A`), Number.NaN), ...f.push(ascii(`B${ETX}`), -50)])).toEqual(['frame:AB']);
  });

  it('reports pending garbage once the line goes quiet', () => {
    const f = framer({ partialTimeoutMs: 100 });
    f.push(ascii('zz'), 0);
    expect(f.nextDeadline()).toBe(100);
    expect(summarize(f.tick(101))).toEqual(['garbage:2']);
    expect(f.nextDeadline()).toBeUndefined();
  });
});

describe('serial framer properties', () => {
  const framings: SerialFraming[] = ['stx-etx', 'soh-etx', 'lines'];
  // Streams built from the tokens that matter (markers, line ends, MRZ-ish text, noise), so
  // that cut points often fall inside CR LF pairs and frames.
  const tokenArb = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('\r\n', '\r', '\n', STX, ETX, SOH, '\u0000').map(ascii) },
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: fc.constantFrom(...'P<UTO0123456789') }).map(ascii) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }) },
  );
  const streamArb = fc.array(tokenArb, { maxLength: 60 }).map((tokens) => Uint8Array.from(tokens.flatMap((t) => [...t])));
  const optionsArb = fc.record({
    framing: fc.constantFrom(...framings),
    maxFrameBytes: fc.integer({ min: 1, max: 64 }),
    maxLinesPerFrame: fc.integer({ min: 1, max: 3 }),
    blankLineEndsGroup: fc.boolean(),
    unterminatedLine: fc.constantFrom<'error' | 'emit'>('error', 'emit'),
  });

  /** Splits `bytes` into consecutive chunks whose sizes cycle through `sizes` (0 = empty chunk). */
  const split = (bytes: Uint8Array, sizes: number[]): Uint8Array[] => {
    const chunks: Uint8Array[] = [];
    let from = 0;
    for (let i = 0; from < bytes.length; i += 1) {
      const size = sizes.length === 0 ? bytes.length : (sizes[i % sizes.length] ?? 1);
      chunks.push(bytes.subarray(from, from + size));
      from += size;
      if (sizes.every((s) => s === 0)) break;
    }
    if (from < bytes.length) chunks.push(bytes.subarray(from));
    return chunks;
  };
  const sizesArb = fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 12 });

  it('never throws on arbitrary byte streams and timings', () => {
    fc.assert(
      fc.property(
        optionsArb,
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 80 }), fc.double({ min: -100, max: 2000 })), { maxLength: 30 }),
        (options, chunks) => {
          const f = framer({ ...options, partialTimeoutMs: 300, lineGroupGapMs: 100 });
          let t = 0;
          for (const [bytes, dt] of chunks) {
            t += dt;
            f.push(bytes, t);
            const deadline = f.nextDeadline();
            if (deadline !== undefined && dt > 500) f.tick(deadline + 1);
          }
          f.flush();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('produces the same events however the stream is chunked', () => {
    fc.assert(
      fc.property(optionsArb, streamArb, sizesArb, (options, bytes, sizes) => {
        const whole = frameSerialStream([{ bytes, timeMs: 0 }], options);
        const chunked = frameSerialStream(split(bytes, sizes).map((chunk) => ({ bytes: chunk, timeMs: 0 })), options);
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('frames every STX…ETX payload back out of a stream of them, with noise between', () => {
    const payloadArb = fc.uint8Array({ minLength: 0, maxLength: 60 }).map((p) => p.map((b) => (b === 0x02 || b === 0x03 ? 0x41 : b)));
    const noiseArb = fc.uint8Array({ maxLength: 5 }).map((n) => n.filter((b) => b !== 0x02));
    fc.assert(
      fc.property(fc.array(fc.tuple(noiseArb, payloadArb), { maxLength: 10 }), sizesArb, (packets, sizes) => {
        const bytes = Uint8Array.from(packets.flatMap(([noise, payload]) => [...noise, 0x02, ...payload, 0x03]));
        const result = frameSerialStream(split(bytes, sizes).map((chunk, i) => ({ bytes: chunk, timeMs: i })), { maxFrameBytes: 64 });
        const frames = result.ok ? result.value.flatMap((e) => (e.kind === 'frame' ? [[...e.bytes]] : [])) : [];
        expect(frames).toEqual(packets.map(([, payload]) => [...payload]));
      }),
      { numRuns: 200 },
    );
  });
});
