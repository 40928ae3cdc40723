/**
 * When to try again after a failed push: exponential backoff with "equal jitter" (AWS Architecture Blog,
 * "Exponential Backoff and Jitter", 2015): half the window fixed, half random, so stations that lost the
 * link together do not all come back in the same second.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000 };

/** Delay before attempt number `attempts + 1`, given `attempts` failures so far; `random` in [0, 1). */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const window = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(window / 2 + (window / 2) * random());
}
