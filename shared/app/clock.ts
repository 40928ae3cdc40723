/** Time is injected everywhere so tests, replays and the crash test control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
