import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits per launch: only the person who started the host (and sees its URL) can call the core. */
export const newLaunchToken = (): string => randomBytes(32).toString('base64url');

export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
