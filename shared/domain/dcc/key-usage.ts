import { err, ok, type Problem, type Result } from '../result';
import type { CertificateType } from './certificate-type';

export type KeyUsageErrorCode = 'not_permitted' | 'unknown_type';
export type KeyUsageProblem = Problem<KeyUsageErrorCode>;

/**
 * Extended key usage OIDs that limit a DSC to certificate types (eHN "Technical
 * Specifications for EU DCC", vol. 1, certificate governance, DSC profile: zero to three of
 * them, non-critical). Some member states issued DSCs with an extra ".0" arc
 * (1.3.6.1.4.1.0.1847…); national verifier apps accept both forms, and so do we.
 */
const DCC_EKU_OIDS: Readonly<Record<string, CertificateType>> = {
  '1.3.6.1.4.1.1847.2021.1.1': 'test',
  '1.3.6.1.4.1.1847.2021.1.2': 'vaccination',
  '1.3.6.1.4.1.1847.2021.1.3': 'recovery',
  '1.3.6.1.4.1.0.1847.2021.1.1': 'test',
  '1.3.6.1.4.1.0.1847.2021.1.2': 'vaccination',
  '1.3.6.1.4.1.0.1847.2021.1.3': 'recovery',
};

/** The DCC types a DSC's EKU OIDs allow; empty when it names none (then it may sign every type). */
export function keyUsageFromEku(oids: readonly string[]): CertificateType[] {
  const types = new Set<CertificateType>();
  for (const oid of oids) {
    if (Object.hasOwn(DCC_EKU_OIDS, oid)) types.add(DCC_EKU_OIDS[oid] as CertificateType);
  }
  return [...types];
}

/** Whether a DSC allowed to sign `allowed` (empty = all) may sign a certificate of `type`. */
export function checkKeyUsage(
  allowed: readonly CertificateType[],
  type: CertificateType | undefined,
): Result<CertificateType, KeyUsageProblem> {
  if (type === undefined) {
    return err({ code: 'unknown_type', message: 'certificate type unknown: the HCERT must hold exactly one of v, t, r' });
  }
  if (allowed.length === 0 || allowed.includes(type)) return ok(type);
  return err({
    code: 'not_permitted',
    message: `the signing certificate may sign ${allowed.join(', ')} certificates only, not ${type}`,
  });
}
