import { err, ok, type Problem, type Result } from '../result';

/**
 * Base45, RFC 9285. Written here rather than taken from npm: the `base45` and `base45-js`
 * packages return Node Buffers (not browser-safe) and accept invalid input (unknown
 * characters, group values over 65535, a dangling single character) without an error.
 */
export type Base45ErrorCode = 'invalid_character' | 'invalid_length' | 'value_out_of_range';
export type Base45Problem = Problem<Base45ErrorCode>;

/** RFC 9285 §4: the 45-character alphabet, index = value. */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export function decodeBase45(text: string): Result<Uint8Array, Base45Problem> {
  // RFC 9285 §4.2: a string whose length is 1 mod 3 cannot come from any byte string.
  if (text.length % 3 === 1) {
    return err({
      code: 'invalid_length',
      message: `Base45 text has ${text.length} characters; a length of 3n+1 is never valid (RFC 9285 §4.2)`,
    });
  }
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const c = digit(text, i);
    const d = digit(text, i + 1);
    if (typeof c === 'string') return err({ code: 'invalid_character', message: c });
    if (typeof d === 'string') return err({ code: 'invalid_character', message: d });
    if (i + 2 < text.length) {
      const e = digit(text, i + 2);
      if (typeof e === 'string') return err({ code: 'invalid_character', message: e });
      const n = c + d * 45 + e * 45 * 45;
      if (n > 0xffff) {
        return err({
          code: 'value_out_of_range',
          message: `Base45 group at position ${i} encodes ${n}, more than 65535 (RFC 9285 §4.2)`,
        });
      }
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = c + d * 45;
      if (n > 0xff) {
        return err({
          code: 'value_out_of_range',
          message: `final Base45 pair encodes ${n}, more than 255 (RFC 9285 §4.2)`,
        });
      }
      out[o++] = n;
    }
  }
  return ok(out);
}

/** Value of the character at `index`, or a readable message when it is not in the alphabet. */
function digit(text: string, index: number): number | string {
  const code = text.charCodeAt(index);
  const value = code < 128 ? (VALUE[code] ?? -1) : -1;
  if (value >= 0) return value;
  return `character ${JSON.stringify(text[index])} at position ${index} is not in the Base45 alphabet`;
}

/** RFC 9285 §4.1. Used to build test payloads; a verifier only decodes. */
export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 2) {
    const first = bytes[i] ?? 0;
    if (i + 1 < bytes.length) {
      let n = first * 256 + (bytes[i + 1] ?? 0);
      const c = n % 45;
      n = (n - c) / 45;
      const d = n % 45;
      const e = (n - d) / 45;
      out += ALPHABET.charAt(c) + ALPHABET.charAt(d) + ALPHABET.charAt(e);
    } else {
      out += ALPHABET.charAt(first % 45) + ALPHABET.charAt(Math.floor(first / 45));
    }
  }
  return out;
}
