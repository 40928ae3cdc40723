import { err, ok, type Problem, type Result } from '../result';

export type ExpiryErrorCode =
  | 'invalid_time'
  | 'missing_iat'
  | 'missing_exp'
  | 'not_yet_valid'
  | 'expired'
  | 'issued_before_dsc'
  | 'outlives_dsc';
export type ExpiryProblem = Problem<ExpiryErrorCode>;

export interface ValidityWindow {
  /** CWT iat / exp in seconds (RFC 8392 NumericDate, may be fractional). */
  readonly issuedAt: number | undefined;
  readonly expiresAt: number | undefined;
}

/**
 * Time checks at the decision time `at` (injected, never the wall clock), as the EU
 * reference tests define them: DSC notBefore ≤ iat ≤ at ≤ exp ≤ DSC notAfter. A DCC may
 * not be issued before its DSC was valid nor outlive it (hcert spec §3.3.5, §3.3.6).
 */
export function checkValidity(
  claims: ValidityWindow,
  dsc: { readonly notBefore: Date; readonly notAfter: Date },
  at: Date,
): Result<true, ExpiryProblem> {
  const { issuedAt, expiresAt } = claims;
  if (issuedAt === undefined) return err({ code: 'missing_iat', message: 'certificate has no issued-at time (CWT iat, claim 6)' });
  if (expiresAt === undefined) return err({ code: 'missing_exp', message: 'certificate has no expiry time (CWT exp, claim 4)' });
  const iat = issuedAt * 1000;
  const exp = expiresAt * 1000;
  const now = at.getTime();
  const notBefore = dsc.notBefore.getTime();
  const notAfter = dsc.notAfter.getTime();
  if ([now, notBefore, notAfter].some(Number.isNaN)) {
    return err({ code: 'invalid_time', message: 'decision time or signing certificate validity is not a valid date' });
  }
  if (iat > now) return err({ code: 'not_yet_valid', message: `issued at ${iso(iat)}, after the decision time ${iso(now)}` });
  if (now > exp) return err({ code: 'expired', message: `expired at ${iso(exp)}, before the decision time ${iso(now)}` });
  if (iat < notBefore) {
    return err({
      code: 'issued_before_dsc',
      message: `issued at ${iso(iat)}, before its signing certificate became valid (${iso(notBefore)})`,
    });
  }
  if (exp > notAfter) {
    return err({
      code: 'outlives_dsc',
      message: `expires at ${iso(exp)}, after its signing certificate expires (${iso(notAfter)})`,
    });
  }
  return ok(true);
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
