import { err, ok, type Problem, type Result } from '../result';
import { parseAimIdentifier } from './aim-symbology';

/** How a payload reached the station. */
export const SCAN_SOURCES = ['wedge', 'hid-keyboard', 'hid-pos', 'serial', 'camera', 'image', 'paste', 'manual'] as const;
export type ScanSource = (typeof SCAN_SOURCES)[number];

/** One scanned payload as every adapter hands it to the core. */
export interface ScanEvent {
  readonly payload: string;
  readonly source: ScanSource;
  /** AIM symbology identifier as sent by the scanner, e.g. `]Q1` (ISO/IEC 15424). */
  readonly symbology?: string;
  /** ISO 8601 instant the host received the last byte. */
  readonly receivedAt: string;
  readonly deviceId: string;
}

export type ScanEventProblemCode = 'empty-payload' | 'unknown-source' | 'bad-symbology' | 'bad-timestamp' | 'empty-device-id';
export type ScanEventProblem = Problem<ScanEventProblemCode>;

export interface ScanEventInput {
  readonly payload: string;
  readonly source: string;
  readonly symbology?: string | undefined;
  readonly receivedAt: string | Date;
  readonly deviceId: string;
}

export function isScanSource(value: string): value is ScanSource {
  return (SCAN_SOURCES as readonly string[]).includes(value);
}

/** Validates and normalises adapter output into a ScanEvent (receivedAt always ISO, UTC). */
export function createScanEvent(input: ScanEventInput): Result<ScanEvent, ScanEventProblem> {
  if (input.payload.length === 0) return err({ code: 'empty-payload', message: 'The scan carried no data.' });
  if (!isScanSource(input.source)) {
    return err({ code: 'unknown-source', message: `Unknown scan source "${input.source}".` });
  }
  if (input.deviceId.trim().length === 0) {
    return err({ code: 'empty-device-id', message: 'The scan has no device id.' });
  }
  const time = input.receivedAt instanceof Date ? input.receivedAt.getTime() : Date.parse(input.receivedAt);
  if (!Number.isFinite(time)) {
    return err({ code: 'bad-timestamp', message: `"${String(input.receivedAt)}" is not a valid timestamp.` });
  }
  const symbology = input.symbology;
  if (symbology !== undefined && !parseAimIdentifier(symbology).ok) {
    return err({ code: 'bad-symbology', message: `"${symbology}" is not an AIM symbology identifier (ISO/IEC 15424).` });
  }
  const event: ScanEvent = {
    payload: input.payload,
    source: input.source,
    receivedAt: new Date(time).toISOString(),
    deviceId: input.deviceId,
    ...(symbology === undefined ? {} : { symbology }),
  };
  return ok(event);
}
