import { err, ok, type Problem, type Result } from '../result';
import { stripAimPrefix, type AimIdentifier, parseAimIdentifier } from './aim-symbology';
import { decodeScannerText, type TextEncodingUsed } from './text-decoding';

/**
 * HID POS barcode scanner input reports: HID Point of Sale Usage Tables 1.02, usage page
 * 0x8C "Bar Code Scanner", application collection 0x02 "Bar Code Scanner", logical
 * collection 0x12 "Scanned Data Report". Byte layout implemented (offsets without report ID;
 * add 1 when the device numbers its reports — node-hid then delivers the ID as byte 0):
 *
 *   [0]            report ID (optional; 0x02 on Honeywell/Zebra/Datalogic)
 *   [+0]           Byte Count (Generic Desktop 0x01:0x3B): valid bytes in the data area
 *   [+1 .. +3]     Symbology Identifier 1–3 (0x8C:0xFB–0xFD) — only in the "separate"
 *                  variant; AIM id bytes such as `]`,`Q`,`1`, zero when not transmitted
 *   [.. capacity]  Decoded Data (0x8C:0xFE), buffered bytes, first Byte Count are valid;
 *                  in the "in-band" variant the AIM id is the first 3 of them
 *   [vendor bytes] e.g. Honeywell's 2 bytes (HHP Code ID + reserved), page 0xFF66
 *   [last byte]    Decode Data Continued (0x8C:0xFF): non-zero = more reports follow
 *
 * Honeywell's 64-byte report is 1 + 1 + 3 + 56 + 2 + 1. A message is the concatenation of the
 * data areas of consecutive reports up to one whose Decode Data Continued is 0.
 */
export interface HidPosReportFormat {
  /** Report ID in byte 0, or null when the host strips it (WebHID) or the device uses none. */
  readonly reportId: number | null;
  /** Total report length in bytes, including the report ID byte when present (64 or 256). */
  readonly reportSize: number;
  /** Where the AIM symbology identifier travels. */
  readonly symbology: 'separate' | 'in-band' | 'none';
  /** Vendor bytes between the data area and the flag byte. */
  readonly vendorBytes: number;
  /**
   * 'zeroed': continuation reports carry zero symbology bytes, so a zeroed report with no
   * message open is a continuation whose start was lost. 'repeated': every report repeats
   * them (Honeywell) and a lost start cannot be seen for the separate variant.
   */
  readonly continuationSymbology: 'repeated' | 'zeroed';
}

export const HID_POS_FORMATS = {
  /** Honeywell/Zebra "HID POS" 64-byte report with report ID 2 (see layout above). */
  honeywell64: { reportId: 0x02, reportSize: 64, symbology: 'separate', vendorBytes: 2, continuationSymbology: 'repeated' },
  /** 64-byte report without report ID, AIM id in-band, no vendor bytes. */
  inBand64: { reportId: null, reportSize: 64, symbology: 'in-band', vendorBytes: 0, continuationSymbology: 'repeated' },
  /** 256-byte variant (full-speed devices with large reports), report ID 2, AIM id in-band. */
  inBand256: { reportId: 0x02, reportSize: 256, symbology: 'in-band', vendorBytes: 0, continuationSymbology: 'repeated' },
} as const satisfies Record<string, HidPosReportFormat>;

export interface HidPosDecoderOptions extends HidPosReportFormat {
  /** A message whose next report has not come within this time is abandoned. */
  readonly continuationTimeoutMs: number;
  /** Cap on one message; QR tops out at 2953 bytes (ISO/IEC 18004 Table 7). */
  readonly maxMessageBytes: number;
}

export type HidPosProblemCode =
  | 'invalid-format'
  | 'truncated-report'
  | 'report-size-mismatch'
  | 'other-report-id'
  | 'length-exceeds-report'
  | 'continuation-without-start'
  | 'incomplete-message'
  | 'message-too-large';

export interface HidPosProblem extends Problem<HidPosProblemCode> {
  /** Message bytes thrown away because of this problem (a partial message, or this report's data). */
  readonly discardedBytes: number;
}

/** One report, parsed but not yet assembled. */
export interface HidPosReport {
  readonly data: Uint8Array;
  /** The separate Symbology Identifier 1–3 bytes; undefined for the other variants. */
  readonly symbologyBytes: Uint8Array | undefined;
  readonly moreFollows: boolean;
}

export interface HidPosMessage {
  readonly text: string;
  readonly bytes: Uint8Array;
  /** The AIM identifier as transmitted (`]Q1`), when the scanner sent one. */
  readonly symbology: string | undefined;
  readonly aim: AimIdentifier | undefined;
  readonly encoding: TextEncodingUsed;
  readonly latin1Fallback: boolean;
  readonly reports: number;
}

export type HidPosEvent =
  | { readonly kind: 'message'; readonly message: HidPosMessage }
  | { readonly kind: 'partial'; readonly bytesSoFar: number; readonly reports: number }
  | {
      readonly kind: 'ignored';
      readonly reason: 'other-report-id' | 'empty-report' | 'rest-of-dropped-message';
      readonly reportId: number | null;
    }
  | { readonly kind: 'error'; readonly problem: HidPosProblem };

export interface HidPosDecoder {
  push(report: Uint8Array, timeMs?: number): HidPosEvent[];
  /** Abandons an open message whose continuation is overdue at `timeMs`. */
  tick(timeMs: number): HidPosEvent[];
  reset(): void;
}

interface Layout {
  readonly lengthAt: number;
  readonly symbologyAt: number;
  readonly dataAt: number;
  readonly capacity: number;
  readonly flagAt: number;
}

const AIM_BYTES = 3;

function problem(code: HidPosProblemCode, message: string, discardedBytes = 0): HidPosProblem {
  return { code, message, discardedBytes };
}

function layoutOf(format: HidPosReportFormat): Result<Layout, HidPosProblem> {
  const idBytes = format.reportId === null ? 0 : 1;
  const lengthAt = idBytes;
  const symbologyAt = lengthAt + 1;
  const dataAt = symbologyAt + (format.symbology === 'separate' ? AIM_BYTES : 0);
  const flagAt = format.reportSize - 1;
  const capacity = flagAt - format.vendorBytes - dataAt;
  const minCapacity = format.symbology === 'in-band' ? AIM_BYTES + 1 : 1;
  if (!Number.isInteger(format.reportSize) || !Number.isInteger(format.vendorBytes) || format.vendorBytes < 0 || capacity < minCapacity) {
    return err(problem('invalid-format', `A ${format.reportSize}-byte report has no room for data with this layout.`));
  }
  return ok({ lengthAt, symbologyAt, dataAt, capacity, flagAt });
}

function parseWithLayout(report: Uint8Array, format: HidPosReportFormat, layout: Layout): Result<HidPosReport, HidPosProblem> {
  if (report.length < format.reportSize) {
    return err(problem('truncated-report', `Report has ${report.length} bytes, the format needs ${format.reportSize}.`));
  }
  if (report.length > format.reportSize) {
    return err(problem('report-size-mismatch', `Report has ${report.length} bytes, the format says ${format.reportSize}; check the report size setting.`));
  }
  if (format.reportId !== null && report[0] !== format.reportId) {
    return err(problem('other-report-id', `Report ID ${report[0] ?? 0} is not the scanned-data report ${format.reportId}.`));
  }
  const length = report[layout.lengthAt] ?? 0;
  if (length > layout.capacity) {
    return err(problem('length-exceeds-report', `Byte count ${length} is larger than the ${layout.capacity}-byte data area.`));
  }
  return ok({
    data: report.slice(layout.dataAt, layout.dataAt + length),
    symbologyBytes: format.symbology === 'separate' ? report.slice(layout.symbologyAt, layout.symbologyAt + AIM_BYTES) : undefined,
    moreFollows: (report[layout.flagAt] ?? 0) !== 0,
  });
}

/** Parses one report on its own (no assembly). */
export function parseHidPosReport(report: Uint8Array, format: HidPosReportFormat): Result<HidPosReport, HidPosProblem> {
  const layout = layoutOf(format);
  return layout.ok ? parseWithLayout(report, format, layout.value) : layout;
}

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function createHidPosDecoder(options: Partial<HidPosDecoderOptions> = {}): Result<HidPosDecoder, HidPosProblem> {
  const opts: HidPosDecoderOptions = {
    ...HID_POS_FORMATS.honeywell64,
    continuationTimeoutMs: 1000,
    maxMessageBytes: 8192,
    ...options,
  };
  const layout = layoutOf(opts);
  if (!layout.ok) return layout;

  let chunks: Uint8Array[] = [];
  let size = 0;
  let symbology: string | undefined;
  let lastTime: number | undefined;
  let open = false;
  // After a message is dropped mid-way, its remaining reports are swallowed up to the one
  // with Decode Data Continued = 0, instead of each being misread as a new message.
  let skipping = false;

  const clear = (): void => {
    chunks = [];
    size = 0;
    symbology = undefined;
    open = false;
  };

  const tick = (timeMs: number): HidPosEvent[] => {
    if (!open || lastTime === undefined || !(timeMs - lastTime > opts.continuationTimeoutMs)) return [];
    const discarded = size;
    clear();
    const message = `The rest of the message did not arrive within ${opts.continuationTimeoutMs} ms.`;
    return [{ kind: 'error', problem: problem('incomplete-message', message, discarded) }];
  };

  const start = (report: HidPosReport): Result<Uint8Array, HidPosProblem> => {
    const lost = 'A continuation report arrived with no message open; the start of its message was lost.';
    if (opts.symbology === 'in-band') {
      // System Expansion ids (`]Y` + n) are the longest: at most 3 + 9 characters.
      const id = stripAimPrefix(latin1(report.data.subarray(0, AIM_BYTES + 9))).aim?.raw;
      if (id === undefined) return err(problem('continuation-without-start', lost, report.data.length));
      symbology = id;
      return ok(report.data.subarray(id.length));
    }
    if (opts.symbology === 'separate' && report.symbologyBytes !== undefined) {
      const zeroed = report.symbologyBytes.every((byte) => byte === 0);
      if (zeroed && opts.continuationSymbology === 'zeroed') {
        return err(problem('continuation-without-start', lost, report.data.length));
      }
      symbology = zeroed ? undefined : latin1(report.symbologyBytes).replace(/\0+$/, '');
    }
    return ok(report.data);
  };

  const fail = (error: HidPosProblem, moreFollows: boolean): HidPosEvent => {
    clear();
    skipping = moreFollows;
    return { kind: 'error', problem: error };
  };

  const finish = (): HidPosEvent => {
    const all = concat(chunks);
    const decoded = decodeScannerText(all);
    const aim = symbology === undefined ? undefined : parseAimIdentifier(symbology);
    const message: HidPosMessage = {
      text: decoded.text,
      bytes: all,
      symbology,
      aim: aim?.ok === true ? aim.value : undefined,
      encoding: decoded.encoding,
      latin1Fallback: decoded.latin1Fallback,
      reports: chunks.length,
    };
    clear();
    return { kind: 'message', message };
  };

  return ok({
    push(bytes, timeMs) {
      const out = timeMs === undefined ? [] : tick(timeMs);
      if (timeMs !== undefined && Number.isFinite(timeMs)) lastTime = timeMs;
      const parsed = parseWithLayout(bytes, opts, layout.value);
      if (!parsed.ok) {
        if (parsed.error.code === 'other-report-id') {
          out.push({ kind: 'ignored', reason: 'other-report-id', reportId: bytes[0] ?? null });
        } else {
          // A damaged report breaks the message it belonged to; without a readable flag we
          // cannot tell where that message ends, so nothing is skipped.
          out.push(fail({ ...parsed.error, discardedBytes: size }, false));
        }
        return out;
      }
      const report = parsed.value;
      if (skipping) {
        skipping = report.moreFollows;
        out.push({ kind: 'ignored', reason: 'rest-of-dropped-message', reportId: opts.reportId });
        return out;
      }
      let data = report.data;
      if (!open) {
        if (data.length === 0 && !report.moreFollows) {
          out.push({ kind: 'ignored', reason: 'empty-report', reportId: opts.reportId });
          return out;
        }
        const begun = start(report);
        if (!begun.ok) {
          out.push(fail(begun.error, report.moreFollows));
          return out;
        }
        data = begun.value;
        open = true;
      }
      if (size + data.length > opts.maxMessageBytes) {
        const message = `The message is longer than ${opts.maxMessageBytes} bytes.`;
        out.push(fail(problem('message-too-large', message, size + data.length), report.moreFollows));
        return out;
      }
      chunks.push(data);
      size += data.length;
      out.push(report.moreFollows ? { kind: 'partial', bytesSoFar: size, reports: chunks.length } : finish());
      return out;
    },
    tick,
    reset() {
      clear();
      skipping = false;
      lastTime = undefined;
    },
  });
}

/** Decodes a recorded report sequence (no timing) and reports a still-open message at the end. */
export function decodeHidPosReports(
  reports: readonly Uint8Array[],
  options: Partial<HidPosDecoderOptions> = {},
): Result<HidPosEvent[], HidPosProblem> {
  const created = createHidPosDecoder(options);
  if (!created.ok) return created;
  const decoder = created.value;
  const events = reports.flatMap((report) => decoder.push(report));
  const last = events[events.length - 1];
  if (last?.kind === 'partial') {
    events.push({
      kind: 'error',
      problem: problem('incomplete-message', 'The recording ends before the last report of the message.', last.bytesSoFar),
    });
  }
  return ok(events);
}
