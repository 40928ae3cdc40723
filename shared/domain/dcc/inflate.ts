import { inflateSync } from 'fflate';
import { err, ok, type Problem, type Result } from '../result';

export type InflateErrorCode = 'not_zlib' | 'corrupt' | 'checksum_mismatch' | 'output_too_large';
export type InflateProblem = Problem<InflateErrorCode>;

/**
 * Cap on the inflated COSE message. Real DCCs inflate to well under 2 KiB; 64 KiB leaves
 * room for anything legitimate and turns a zip bomb into a clear error.
 */
export const MAX_INFLATED_BYTES = 64 * 1024;

/** zlib (RFC 1950) stream → bytes, at most `maxBytes`. The hcert spec §4.2.1 requires zlib, not raw deflate. */
export function inflateZlib(data: Uint8Array, maxBytes: number = MAX_INFLATED_BYTES): Result<Uint8Array, InflateProblem> {
  // RFC 1950 §2.2: CMF/FLG header, then deflate data, then the Adler-32 of the output.
  const cmf = data[0];
  const flg = data[1];
  if (data.length < 7 || cmf === undefined || flg === undefined) {
    return err({ code: 'not_zlib', message: `${data.length} bytes are too short for a zlib stream` });
  }
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0) {
    return err({ code: 'not_zlib', message: 'data does not start with a zlib header (RFC 1950 §2.2: CM=8, FCHECK)' });
  }
  if (flg & 0x20) {
    return err({ code: 'not_zlib', message: 'zlib stream needs a preset dictionary, which DCCs never use' });
  }
  // A fixed output buffer one byte over the cap: fflate drops what does not fit, so memory
  // stays bounded; a full buffer means the stream inflates to more than the cap.
  const out = new Uint8Array(maxBytes + 1);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data.subarray(2, data.length - 4), { out });
  } catch (e) {
    // fflate copies stored blocks with TypedArray.set, which throws RangeError past the buffer.
    if (e instanceof RangeError) return tooLarge(maxBytes);
    return err({ code: 'corrupt', message: `deflate data is corrupt: ${e instanceof Error ? e.message : String(e)}` });
  }
  if (inflated.length > maxBytes) return tooLarge(maxBytes);
  const expected = (((data[data.length - 4] ?? 0) << 24) | ((data[data.length - 3] ?? 0) << 16) |
    ((data[data.length - 2] ?? 0) << 8) | (data[data.length - 1] ?? 0)) >>> 0;
  if (adler32(inflated) !== expected) {
    return err({ code: 'checksum_mismatch', message: 'zlib Adler-32 checksum does not match the inflated data (RFC 1950 §2.2)' });
  }
  return ok(inflated);
}

function tooLarge(maxBytes: number): Result<never, InflateProblem> {
  return err({
    code: 'output_too_large',
    message: `compressed data inflates to more than ${maxBytes} bytes (zip bomb?)`,
  });
}

/** RFC 1950 §8.2. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 3800 additions stay below 2^32 before the modulo (zlib uses NMAX = 5552).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 3800, bytes.length);
    for (; i < end; i++) {
      a += bytes[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
