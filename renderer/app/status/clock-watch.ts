/**
 * Warnings about the station clock, which every decision (test age, document expiry) and every
 * recorded time depends on. Two signs that it is wrong:
 * - it jumped: between two ticks the wall clock moved much more (or less) than the monotonic clock
 *   (`performance.now()`), so someone or something set the time — or the computer was asleep;
 * - a certificate was issued "in the future": its issue time (DCC `iat`) is later than the station's
 *   clock by more than a few minutes, which real issuers cannot do, so the station is probably behind.
 */
export interface ClockReading {
  /** `Date.now()` */
  readonly wallMs: number;
  /** `performance.now()` */
  readonly monoMs: number;
}

export interface ClockJump {
  /** Positive: the wall clock went forward more than time passed; negative: it went back. */
  readonly byMs: number;
  /** Wall-clock time of the tick that saw the jump. */
  readonly seenAtMs: number;
}

export interface ClockWatchOptions {
  /** Differences smaller than this are timer jitter and NTP slewing, not a jump. */
  readonly jumpToleranceMs: number;
  /** How long a jump stays on the status bar after it was seen. */
  readonly rememberMs: number;
}

export const DEFAULT_CLOCK_WATCH: ClockWatchOptions = { jumpToleranceMs: 60_000, rememberMs: 15 * 60_000 };

export class ClockWatch {
  private last: ClockReading | undefined;
  private jump: ClockJump | undefined;

  constructor(private readonly options: ClockWatchOptions = DEFAULT_CLOCK_WATCH) {}

  /** Feeds one reading; returns the jump to warn about now, if any. */
  tick(reading: ClockReading): ClockJump | undefined {
    const last = this.last;
    this.last = reading;
    if (last) {
      const drift = reading.wallMs - last.wallMs - (reading.monoMs - last.monoMs);
      if (Math.abs(drift) > this.options.jumpToleranceMs) this.jump = { byMs: drift, seenAtMs: reading.wallMs };
    }
    if (this.jump && Math.abs(reading.wallMs - this.jump.seenAtMs) > this.options.rememberMs) this.jump = undefined;
    return this.jump;
  }
}

/** Certificates may be stamped a little ahead by an issuer's own clock; beyond this, suspect ours. */
export const CERTIFICATE_AHEAD_TOLERANCE_MS = 5 * 60_000;

/** How far (ms) a certificate's issue time lies ahead of the station clock, when suspiciously far; else undefined. */
export function certificateAheadBy(issuedAt: string | undefined, wallMs: number, toleranceMs = CERTIFICATE_AHEAD_TOLERANCE_MS): number | undefined {
  if (issuedAt === undefined) return undefined;
  const issued = Date.parse(issuedAt);
  if (Number.isNaN(issued)) return undefined;
  const ahead = issued - wallMs;
  return ahead > toleranceMs ? ahead : undefined;
}
