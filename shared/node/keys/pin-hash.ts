import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters (RFC 7914): memory and time grow with N × r. */
export interface PinHashCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

// N = 2^15, r = 8, p = 1: 32 MiB and ~0.1 s per check on a lane PC. OWASP's password storage cheat sheet lists
// N = 2^17 as the first choice; a PIN's small key space is protected by the lock-out after MAX_FAILED_ATTEMPTS,
// and a hash is only useful to someone who already has the disk.
export const PIN_HASH_COST: PinHashCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

const derive = (pin: string, salt: Buffer, options: Required<Pick<ScryptOptions, 'N' | 'r' | 'p'>>): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 128 * options.N * options.r * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );

/** `scrypt$N$r$p$salt$hash` (base64): parameters travel with the hash so they can be raised later. */
export async function hashPin(pin: string, cost: PinHashCost = PIN_HASH_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; false for a malformed stored hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(pin, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of nothing at the station's cost, checked when the user name is unknown so the answer takes as long
 * either way.
 */
export const dummyPinHash = (cost: PinHashCost = PIN_HASH_COST): string =>
  ['scrypt', cost.N, cost.r, cost.p, Buffer.alloc(16).toString('base64'), Buffer.alloc(KEY_LENGTH).toString('base64')].join('$');
