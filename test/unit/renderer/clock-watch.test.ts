import { describe, expect, it } from 'vitest';
import { certificateAheadBy, ClockWatch } from '../../../renderer/app/status/clock-watch';

const T0 = Date.parse('2021-06-01T03:00:00Z');
const MIN = 60_000;

describe('ClockWatch: the station clock jumped', () => {
  it('stays quiet while the wall clock and the monotonic clock advance together (with jitter)', () => {
    const watch = new ClockWatch();
    for (let i = 0; i < 600; i += 1) {
      // Timers fire late by up to 40 ms and NTP slews a few ms: never a jump.
      expect(watch.tick({ wallMs: T0 + i * 1000 + (i % 7) * 5, monoMs: 5000 + i * 1000 + (i % 3) * 40 })).toBeUndefined();
    }
  });

  it('warns when the wall clock is set forward or back between two ticks, and forgets after a while', () => {
    const watch = new ClockWatch({ jumpToleranceMs: MIN, rememberMs: 15 * MIN });
    watch.tick({ wallMs: T0, monoMs: 0 });
    // One second passes, but the wall clock says an hour and one second.
    expect(watch.tick({ wallMs: T0 + 3_601_000, monoMs: 1000 })).toEqual({ byMs: 3_600_000, seenAtMs: T0 + 3_601_000 });
    // Still shown a minute later, although the clock runs smoothly again.
    expect(watch.tick({ wallMs: T0 + 3_661_000, monoMs: 61_000 })?.byMs).toBe(3_600_000);
    // Gone 15 minutes after it was seen.
    expect(watch.tick({ wallMs: T0 + 3_601_000 + 16 * MIN, monoMs: 1000 + 16 * MIN })).toBeUndefined();

    // Back by ten minutes: a negative jump.
    expect(watch.tick({ wallMs: T0 + 3_602_000 + 6 * MIN, monoMs: 2000 + 16 * MIN + 10 * MIN + 1000 })?.byMs).toBeLessThan(-9 * MIN);
  });

  it('does not call a 59-second correction a jump', () => {
    const watch = new ClockWatch();
    watch.tick({ wallMs: T0, monoMs: 0 });
    expect(watch.tick({ wallMs: T0 + 60_000, monoMs: 1000 })).toBeUndefined();
  });
});

describe('certificateAheadBy: a certificate issued after "now"', () => {
  it('flags an issue time more than five minutes ahead of the station clock', () => {
    expect(certificateAheadBy(new Date(T0 + 2 * 3_600_000).toISOString(), T0)).toBe(2 * 3_600_000);
    expect(certificateAheadBy(new Date(T0 + 6 * MIN).toISOString(), T0)).toBe(6 * MIN);
  });

  it('accepts small issuer clock differences, past issue times, and missing or unreadable ones', () => {
    expect(certificateAheadBy(new Date(T0 + 4 * MIN).toISOString(), T0)).toBeUndefined();
    expect(certificateAheadBy(new Date(T0 - 48 * 3_600_000).toISOString(), T0)).toBeUndefined();
    expect(certificateAheadBy(undefined, T0)).toBeUndefined();
    expect(certificateAheadBy('yesterday', T0)).toBeUndefined();
  });
});
