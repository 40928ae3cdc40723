import * as asn1js from 'asn1js';
import { Certificate } from 'pkijs';
import { err, ok, type Problem, type Result } from '../result';
import type { DscCertificate } from './dsc-certificate';

/**
 * DSC → CSCA chains (hcert spec §5.1: each state's Country Signing CA issues its document signers; the EU gateway
 * distributes both, as certificateType CSCA and DSC). Where a trust list carries the CSCAs of a state, each DSC of that
 * state must be issued by one of them: the issuer name equals the CSCA's subject and the CSCA's key verifies the
 * DSC's signature. A forged or re-labelled DSC then fails even when the list entry names the right country.
 */
export type ChainErrorCode = 'not_a_certificate' | 'no_csca_country' | 'not_issued_by_csca';
export type ChainProblem = Problem<ChainErrorCode>;

/** A Country Signing CA certificate from the trust list. */
export interface CscaCertificate {
  readonly der: Uint8Array;
  /** The subject's C, upper case (the list's country when the subject has none). */
  readonly country: string;
  readonly certificate: Certificate;
}

const OID_COUNTRY = '2.5.4.6';

function certificateOf(der: Uint8Array): Certificate | undefined {
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1 || asn.offset !== der.length) return undefined;
    return new Certificate({ schema: asn.result });
  } catch {
    return undefined; // asn1js and pkijs throw on malformed input
  }
}

function countryOf(name: Certificate['subject']): string | undefined {
  const value: unknown = name.typesAndValues.find((tv) => tv.type === OID_COUNTRY)?.value;
  if (value && typeof value === 'object' && 'valueBlock' in value) {
    const block: unknown = value.valueBlock;
    if (block && typeof block === 'object' && 'value' in block && typeof block.value === 'string') return block.value.toUpperCase();
  }
  return undefined;
}

/** Parses a CSCA; a stated country that differs from its subject's C is refused, as for a DSC. */
export function parseCsca(der: Uint8Array, options: { country?: string } = {}): Result<CscaCertificate, ChainProblem> {
  const certificate = certificateOf(der);
  if (!certificate) return err({ code: 'not_a_certificate', message: 'the CSCA is not an X.509 certificate in DER' });
  const subjectCountry = countryOf(certificate.subject);
  const stated = options.country?.toUpperCase();
  if (subjectCountry && stated && subjectCountry !== stated) {
    return err({ code: 'no_csca_country', message: `the list names country ${stated}, but the CSCA's subject is ${subjectCountry}` });
  }
  const country = subjectCountry ?? stated;
  if (!country) return err({ code: 'no_csca_country', message: 'the CSCA has no subject country (C) and none was given' });
  return ok({ der, country, certificate });
}

/** Whether one of `cscas` (those of the DSC's country) issued the DSC. */
export async function checkDscChain(dsc: DscCertificate, cscas: readonly CscaCertificate[]): Promise<Result<CscaCertificate, ChainProblem>> {
  const certificate = certificateOf(dsc.der);
  if (!certificate) return err({ code: 'not_a_certificate', message: 'the signing certificate is not an X.509 certificate in DER' });
  const ofCountry = cscas.filter((csca) => csca.country === dsc.country);
  for (const csca of ofCountry) {
    if (!certificate.issuer.isEqual(csca.certificate.subject)) continue;
    try {
      if (await certificate.verify(csca.certificate)) return ok(csca);
    } catch {
      // pkijs throws for a key it cannot use (another algorithm): that CSCA did not sign it.
    }
  }
  return err({
    code: 'not_issued_by_csca',
    message:
      ofCountry.length === 0
        ? `no CSCA of ${dsc.country} on the list`
        : `the signing certificate (${dsc.subject}) is not issued by any of the ${ofCountry.length} CSCA certificate(s) of ${dsc.country} on the list`,
  });
}
