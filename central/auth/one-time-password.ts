import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: the password is read off a terminal and typed by someone else.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four (~79 bits): printed once by `user add`, only its scrypt hash is kept. */
export function newOneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
