import type { ScannerAssignment } from '../../contract/scanner';
import {
  HID_POS_FORMATS,
  createHidKeyboardDecoder,
  createHidPosDecoder,
  createKeyboardLineAssembler,
  createSerialFramer,
  describeAimIdentifier,
  type AssembledKeyboardScan,
  type HidPosEvent,
  type SerialFramerEvent,
} from '../../domain/scanner-input';

/**
 * One configured device's byte stream → what the Settings test area shows and, for complete
 * payloads, a scan. Wraps the pure decoders of shared/domain/scanner-input with the per-device
 * configuration; timestamps come from the caller, who calls `tick` at `nextDeadline()`.
 */
export interface DecodeOutput {
  readonly outcome: 'scan' | 'partial' | 'garbage' | 'error' | 'ignored';
  /** How the bytes were framed, in words for the test area. */
  readonly framing: string;
  readonly text?: string;
  readonly symbology?: string;
  readonly message?: string;
}

export interface ScannerDecoder {
  push(bytes: Uint8Array, timeMs: number): DecodeOutput[];
  tick(timeMs: number): DecodeOutput[];
  /** The device went away: what is pending is resolved (a partial frame becomes an error). */
  flush(): DecodeOutput[];
  nextDeadline(): number | undefined;
  reset(): void;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function keyboardDecoder(assignment: Extract<ScannerAssignment, { kind: 'hid-keyboard' }>): ScannerDecoder {
  const reports = createHidKeyboardDecoder({ layout: assignment.layout, ...(assignment.reportId === undefined ? {} : { reportId: assignment.reportId }) });
  const lines = createKeyboardLineAssembler();
  let reportCount = 0;
  const toOutput = (scan: AssembledKeyboardScan): DecodeOutput => {
    const framing = `HID keyboard (${assignment.layout.toUpperCase()} layout), ${plural(reportCount, 'report')}, ${plural(scan.lines.length, 'line')}${
      scan.terminator ? ` ended by ${scan.terminator}` : ' without a final Enter'
    }`;
    reportCount = 0;
    return { outcome: 'scan', framing, text: scan.text };
  };
  return {
    push(bytes, timeMs) {
      const step = reports.push(bytes);
      if (!step.ok) return [...lines.tick(timeMs).map(toOutput), { outcome: 'error', framing: 'HID keyboard report', message: step.error.message }];
      reportCount += 1;
      return lines.push(step.value.keys, timeMs).map(toOutput);
    },
    tick: (timeMs) => lines.tick(timeMs).map(toOutput),
    flush: () => lines.flush().map(toOutput),
    nextDeadline: () => lines.nextDeadline(),
    reset() {
      reports.reset();
      lines.reset();
      reportCount = 0;
    },
  };
}

function hidPosDecoder(assignment: Extract<ScannerAssignment, { kind: 'hid-pos' }>): ScannerDecoder {
  const format = HID_POS_FORMATS[assignment.format];
  const created = createHidPosDecoder(format);
  // The presets are valid layouts; a failure here is a programming error caught by the tests.
  if (!created.ok) throw new Error(created.error.message);
  const decoder = created.value;
  const continuationTimeoutMs = 1000;
  let openSince: number | undefined;
  let lastAt = 0;
  const label = `HID POS (${assignment.format}, ${format.reportSize}-byte reports)`;
  const toOutput = (event: HidPosEvent): DecodeOutput | undefined => {
    switch (event.kind) {
      case 'message': {
        openSince = undefined;
        const { message } = event;
        const described = message.symbology === undefined ? undefined : describeAimIdentifier(message.symbology);
        const aim = message.symbology === undefined ? '' : `, AIM ${message.symbology}${described ? ` (${described})` : ''}`;
        return {
          outcome: 'scan',
          framing: `${label}, ${plural(message.reports, 'report')}${aim}, ${plural(message.bytes.length, 'byte')}${message.latin1Fallback ? ', read as Latin-1' : ''}`,
          text: message.text,
          ...(message.symbology === undefined ? {} : { symbology: message.symbology }),
        };
      }
      case 'partial':
        openSince ??= lastAt;
        return undefined;
      case 'ignored':
        return { outcome: 'ignored', framing: label, message: `Report ignored (${event.reason.replaceAll('-', ' ')}).` };
      case 'error':
        openSince = undefined;
        return { outcome: 'error', framing: label, message: event.problem.message };
    }
  };
  const run = (events: HidPosEvent[]): DecodeOutput[] => events.map(toOutput).filter((output) => output !== undefined);
  return {
    push(bytes, timeMs) {
      lastAt = timeMs;
      return run(decoder.push(bytes, timeMs));
    },
    tick: (timeMs) => run(decoder.tick(timeMs)),
    flush() {
      if (openSince === undefined) return [];
      openSince = undefined;
      decoder.reset();
      return [{ outcome: 'error', framing: label, message: 'The scanner went away in the middle of a message; its start was dropped.' }];
    },
    nextDeadline: () => (openSince === undefined ? undefined : lastAt + continuationTimeoutMs),
    reset() {
      decoder.reset();
      openSince = undefined;
    },
  };
}

const FRAMING_NAMES = { 'stx-etx': 'STX…ETX frame', 'soh-etx': 'SOH…ETX frame', lines: 'CR/LF lines' } as const;

function serialDecoder(assignment: Extract<ScannerAssignment, { kind: 'serial' }>): ScannerDecoder {
  const created = createSerialFramer({ framing: assignment.framing });
  if (!created.ok) throw new Error(created.error.message);
  const framer = created.value;
  const name = FRAMING_NAMES[assignment.framing];
  const toOutput = (event: SerialFramerEvent): DecodeOutput => {
    switch (event.kind) {
      case 'frame':
        return {
          outcome: 'scan',
          framing: `${name}${event.lines.length > 1 ? `, ${plural(event.lines.length, 'line')}` : ''}, ${plural(event.bytes.length, 'byte')}${event.latin1Fallback ? ', read as Latin-1' : ''}`,
          text: event.text,
        };
      case 'garbage':
        return { outcome: 'garbage', framing: name, message: `${plural(event.byteCount, 'byte')} outside a frame skipped.` };
      case 'error':
        return { outcome: 'error', framing: name, message: event.problem.message };
    }
  };
  return {
    push: (bytes, timeMs) => framer.push(bytes, timeMs).map(toOutput),
    tick: (timeMs) => framer.tick(timeMs).map(toOutput),
    flush: () => framer.flush().map(toOutput),
    nextDeadline: () => framer.nextDeadline(),
    reset: () => framer.reset(),
  };
}

export function createScannerDecoder(assignment: ScannerAssignment): ScannerDecoder {
  switch (assignment.kind) {
    case 'hid-keyboard':
      return keyboardDecoder(assignment);
    case 'hid-pos':
      return hidPosDecoder(assignment);
    case 'serial':
      return serialDecoder(assignment);
  }
}
