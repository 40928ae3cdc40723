import { err, ok, type Problem, type Result } from '../result';

export type PrefixErrorCode = 'payload_too_large' | 'missing_prefix' | 'unsupported_prefix';
export type PrefixProblem = Problem<PrefixErrorCode>;

/**
 * Largest QR payload we look at. A version 40 QR code holds at most 4,296 alphanumeric
 * characters (ISO/IEC 18004 table 7), so anything over 8 KiB did not come from a DCC QR code.
 */
export const MAX_PAYLOAD_CHARS = 8 * 1024;

/** Context identifier of the EU DCC (eHN "Electronic Health Certificate Specification" 1.0.x, §4.2.2). */
export const HCERT_PREFIX = 'HC1:';

/** Strips the context identifier; returns the Base45 text. */
export function stripHcertPrefix(payload: string): Result<string, PrefixProblem> {
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return err({
      code: 'payload_too_large',
      message: `payload has ${payload.length} characters; a DCC QR code holds at most ${MAX_PAYLOAD_CHARS}`,
    });
  }
  if (payload.startsWith(HCERT_PREFIX)) return ok(payload.slice(HCERT_PREFIX.length));
  // Another context identifier ("HC2:", "HL0:") is a different, unsupported payload kind.
  const other = /^([A-Z0-9]{2,3}):/.exec(payload);
  if (other) {
    return err({
      code: 'unsupported_prefix',
      message: `context identifier "${other[1] ?? ''}:" is not supported; expected "${HCERT_PREFIX}"`,
    });
  }
  return err({ code: 'missing_prefix', message: `payload does not start with "${HCERT_PREFIX}"` });
}
