import { err, ok, type Problem, type Result } from '../result';
import { decodeScannerText, type TextEncodingUsed } from './text-decoding';

/**
 * Stream framer for serial (RS-232 / USB-CDC) passport and barcode readers. A serial port
 * delivers bytes in arbitrary chunks, so framing is a byte-at-a-time state machine whose
 * output depends only on the byte sequence and the injected timestamps — never on how the
 * bytes were split into chunks.
 *
 * Framings (ASCII control characters, ISO/IEC 646 / ECMA-6):
 * - `stx-etx`: STX 0x02 … ETX 0x03 — the common "data packet" setting of readers.
 * - `soh-etx`: SOH 0x01 … ETX 0x03 — readers that open with a header (anything up to ETX,
 *   including an inner STX, is kept as content).
 * - `lines`: CR, LF or CR LF end a line. MRZ readers send one line per MRZ row (ICAO 9303:
 *   TD1 3×30, TD2 2×36, TD3 2×44), so lines that follow each other within `lineGroupGapMs`
 *   become one frame, up to `maxLinesPerFrame`; an empty line also closes the group.
 *
 * Bytes outside frames are skipped and reported as `garbage` (CR, LF and NUL between
 * STX/SOH frames are line idle and dropped silently). A frame that has not ended
 * `partialTimeoutMs` after its last byte is dropped; one longer than `maxFrameBytes` is
 * dropped and the framer resynchronises at the next end or start marker.
 */
export type SerialFraming = 'stx-etx' | 'soh-etx' | 'lines';

export interface SerialFramerOptions {
  readonly framing: SerialFraming;
  readonly maxFrameBytes: number;
  readonly partialTimeoutMs: number;
  readonly lineGroupGapMs: number;
  readonly maxLinesPerFrame: number;
  readonly blankLineEndsGroup: boolean;
  /** What a timed-out line without CR/LF becomes: an error, or a line (readers that omit the last CR). */
  readonly unterminatedLine: 'error' | 'emit';
}

export interface SerialFrame {
  readonly kind: 'frame';
  readonly framing: SerialFraming;
  /** Frame content without markers; for `lines`, the lines joined with LF. */
  readonly bytes: Uint8Array;
  readonly text: string;
  /** Non-empty lines of the content. */
  readonly lines: readonly string[];
  readonly encoding: TextEncodingUsed;
  readonly latin1Fallback: boolean;
  readonly startedAt: number;
  readonly endedAt: number;
}

export type SerialFramerProblemCode = 'invalid-framer-options' | 'frame-too-large' | 'partial-frame-timeout' | 'unterminated-frame';

export interface SerialFramerProblem extends Problem<SerialFramerProblemCode> {
  readonly discardedBytes: number;
}

export type SerialFramerEvent =
  | SerialFrame
  | {
      readonly kind: 'garbage';
      readonly byteCount: number;
      /** The first bytes skipped (at most GARBAGE_SAMPLE_BYTES), for the settings test area. */
      readonly sample: Uint8Array;
      readonly at: number;
    }
  | { readonly kind: 'error'; readonly problem: SerialFramerProblem; readonly at: number };

export interface SerialFramer {
  push(bytes: Uint8Array, timeMs: number): SerialFramerEvent[];
  /** Applies timeouts at `timeMs`: partial frames, pending line groups, pending garbage. */
  tick(timeMs: number): SerialFramerEvent[];
  /** Ends the stream (port closed): everything pending is resolved now. */
  flush(): SerialFramerEvent[];
  /** `tick(t)` acts for any t after this instant; undefined when nothing is pending. */
  nextDeadline(): number | undefined;
  reset(): void;
}

export const GARBAGE_SAMPLE_BYTES = 64;

const SOH = 0x01;
const STX = 0x02;
const ETX = 0x03;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const NUL = 0x00;

export const DEFAULT_SERIAL_FRAMER_OPTIONS: SerialFramerOptions = {
  framing: 'stx-etx',
  maxFrameBytes: 4096,
  partialTimeoutMs: 500,
  lineGroupGapMs: 150,
  maxLinesPerFrame: 3,
  blankLineEndsGroup: true,
  unterminatedLine: 'error',
};

export function createSerialFramer(options: Partial<SerialFramerOptions> = {}): Result<SerialFramer, SerialFramerProblem> {
  const opts: SerialFramerOptions = { ...DEFAULT_SERIAL_FRAMER_OPTIONS, ...options };
  const invalid = (message: string): Result<SerialFramer, SerialFramerProblem> =>
    err({ code: 'invalid-framer-options', message, discardedBytes: 0 });
  if (!(Number.isInteger(opts.maxFrameBytes) && opts.maxFrameBytes > 0)) return invalid('maxFrameBytes must be a positive integer.');
  if (!(opts.partialTimeoutMs >= 0 && opts.lineGroupGapMs >= 0)) return invalid('Timeouts must be zero or positive.');
  if (!(Number.isInteger(opts.maxLinesPerFrame) && opts.maxLinesPerFrame >= 1)) return invalid('maxLinesPerFrame must be at least 1.');

  const lineMode = opts.framing === 'lines';
  const startByte = opts.framing === 'soh-etx' ? SOH : STX;

  type Mode = 'idle' | 'in-frame' | 'overflow';
  let mode: Mode = 'idle';
  let frame: number[] = [];
  let frameStartedAt = 0;
  let lastByteAt: number | undefined;
  let lastWasCR = false;
  let garbageCount = 0;
  let garbageSample: number[] = [];
  let garbageAt = 0;
  // Lines mode: completed lines waiting for the rest of a multi-line MRZ.
  let group: number[][] = [];
  let groupStartedAt = 0;
  let groupEndedAt = 0;

  const resetState = (): void => {
    mode = 'idle';
    frame = [];
    lastByteAt = undefined;
    lastWasCR = false;
    garbageCount = 0;
    garbageSample = [];
    group = [];
  };

  const frameEvent = (bytes: Uint8Array, startedAt: number, endedAt: number): SerialFrame => {
    const decoded = decodeScannerText(bytes);
    return {
      kind: 'frame',
      framing: opts.framing,
      bytes,
      text: decoded.text,
      lines: decoded.text.split(/\r\n|\r|\n/).filter((line) => line.length > 0),
      encoding: decoded.encoding,
      latin1Fallback: decoded.latin1Fallback,
      startedAt,
      endedAt,
    };
  };

  const error = (code: SerialFramerProblemCode, message: string, discardedBytes: number, at: number): SerialFramerEvent => ({
    kind: 'error',
    problem: { code, message, discardedBytes },
    at,
  });

  const takeGarbage = (out: SerialFramerEvent[]): void => {
    if (garbageCount === 0) return;
    out.push({ kind: 'garbage', byteCount: garbageCount, sample: Uint8Array.from(garbageSample), at: garbageAt });
    garbageCount = 0;
    garbageSample = [];
  };

  const addGarbage = (byte: number, at: number): void => {
    if (garbageCount === 0) garbageAt = at;
    garbageCount += 1;
    if (garbageSample.length < GARBAGE_SAMPLE_BYTES) garbageSample.push(byte);
  };

  const emitGroup = (out: SerialFramerEvent[]): void => {
    if (group.length === 0) return;
    const joined: number[] = [];
    group.forEach((line, i) => {
      if (i > 0) joined.push(LF);
      joined.push(...line);
    });
    out.push(frameEvent(Uint8Array.from(joined), groupStartedAt, groupEndedAt));
    group = [];
  };

  const addLine = (line: number[], startedAt: number, at: number, out: SerialFramerEvent[]): void => {
    if (group.length === 0) groupStartedAt = startedAt;
    group.push(line);
    groupEndedAt = at;
    if (group.length >= opts.maxLinesPerFrame) emitGroup(out);
  };

  const startFrame = (at: number, out: SerialFramerEvent[]): void => {
    takeGarbage(out);
    mode = 'in-frame';
    frame = [];
    frameStartedAt = at;
  };

  const appendToFrame = (byte: number, at: number, out: SerialFramerEvent[]): void => {
    frame.push(byte);
    if (frame.length > opts.maxFrameBytes) {
      out.push(error('frame-too-large', `Frame longer than ${opts.maxFrameBytes} bytes; skipped up to the next frame boundary.`, frame.length, at));
      frame = [];
      mode = 'overflow';
    }
  };

  const markerByte = (byte: number, at: number, out: SerialFramerEvent[]): void => {
    if (mode === 'idle') {
      if (byte === startByte) startFrame(at, out);
      else if (byte !== CR && byte !== LF && byte !== NUL) addGarbage(byte, at);
    } else if (byte === ETX) {
      if (mode === 'in-frame') out.push(frameEvent(Uint8Array.from(frame), frameStartedAt, at));
      mode = 'idle';
      frame = [];
    } else if (byte === startByte) {
      // A new start before the end marker: the previous frame lost its ETX.
      if (mode === 'in-frame') out.push(error('unterminated-frame', 'A new frame started before the previous one ended.', frame.length, at));
      startFrame(at, out);
    } else if (mode === 'in-frame') {
      appendToFrame(byte, at, out);
    }
  };

  const lineByte = (byte: number, at: number, out: SerialFramerEvent[]): void => {
    if (byte === CR || byte === LF) {
      const secondHalfOfCrLf = byte === LF && lastWasCR;
      lastWasCR = byte === CR;
      if (secondHalfOfCrLf) return;
      if (mode === 'in-frame') addLine(frame, frameStartedAt, at, out);
      else if (mode === 'idle' && opts.blankLineEndsGroup) emitGroup(out);
      mode = 'idle';
      frame = [];
      return;
    }
    lastWasCR = false;
    if (mode === 'overflow') return;
    if (mode === 'in-frame') {
      appendToFrame(byte, at, out);
      return;
    }
    if (byte < 0x20 && byte !== TAB) {
      addGarbage(byte, at);
      return;
    }
    if (group.length > 0 && at - groupEndedAt > opts.lineGroupGapMs) emitGroup(out);
    startFrame(at, out);
    frame.push(byte);
  };

  const tick = (timeMs: number): SerialFramerEvent[] => {
    const out: SerialFramerEvent[] = [];
    const quiet = lastByteAt !== undefined && timeMs - lastByteAt > opts.partialTimeoutMs;
    if (quiet && mode === 'in-frame') {
      if (lineMode && opts.unterminatedLine === 'emit') {
        addLine(frame, frameStartedAt, lastByteAt ?? timeMs, out);
      } else {
        emitGroup(out);
        out.push(error('partial-frame-timeout', `No end of frame within ${opts.partialTimeoutMs} ms; partial frame dropped.`, frame.length, timeMs));
      }
      mode = 'idle';
      frame = [];
    } else if (quiet && mode === 'overflow') {
      mode = 'idle';
    }
    if (group.length > 0 && mode === 'idle' && timeMs - groupEndedAt > opts.lineGroupGapMs) emitGroup(out);
    if (quiet) takeGarbage(out);
    return out;
  };

  return ok({
    push(bytes, timeMs) {
      // Timestamps should be monotonic; one that steps back or is unusable counts as "now".
      const at = Number.isFinite(timeMs) ? Math.max(timeMs, lastByteAt ?? -Infinity) : (lastByteAt ?? 0);
      const out = tick(at);
      const step = lineMode ? lineByte : markerByte;
      for (const byte of bytes) step(byte, at, out);
      if (bytes.length > 0) lastByteAt = at;
      return out;
    },
    tick,
    flush() {
      const out: SerialFramerEvent[] = [];
      const at = lastByteAt ?? 0;
      if (mode === 'in-frame') {
        if (lineMode && opts.unterminatedLine === 'emit') {
          addLine(frame, frameStartedAt, at, out);
        } else {
          emitGroup(out);
          out.push(error('partial-frame-timeout', 'The stream ended inside a frame; partial frame dropped.', frame.length, at));
        }
      }
      emitGroup(out);
      takeGarbage(out);
      resetState();
      return out;
    },
    nextDeadline() {
      const deadlines: number[] = [];
      if (lastByteAt !== undefined && (mode !== 'idle' || garbageCount > 0)) deadlines.push(lastByteAt + opts.partialTimeoutMs);
      // A group only closes while no line is in progress (see tick).
      if (group.length > 0 && mode === 'idle') deadlines.push(groupEndedAt + opts.lineGroupGapMs);
      return deadlines.length > 0 ? Math.min(...deadlines) : undefined;
    },
    reset: resetState,
  });
}

/** Frames a recorded stream given as timed chunks, then flushes. */
export function frameSerialStream(
  chunks: readonly { readonly bytes: Uint8Array; readonly timeMs: number }[],
  options: Partial<SerialFramerOptions> = {},
): Result<SerialFramerEvent[], SerialFramerProblem> {
  const created = createSerialFramer(options);
  if (!created.ok) return created;
  const framer = created.value;
  const events = chunks.flatMap((chunk) => framer.push(chunk.bytes, chunk.timeMs));
  events.push(...framer.flush());
  return ok(events);
}
