import * as asn1js from 'asn1js';
import { AlgorithmIdentifier, Certificate, ExtKeyUsage, PublicKeyInfo } from 'pkijs';
import { err, ok, type Problem, type Result } from '../result';
import { base64ToBytes, bufferSource, bytesToBase64 } from './bytes';
import type { CertificateType } from './certificate-type';
import { keyUsageFromEku } from './key-usage';

/**
 * X.509 document signer certificates (DSC), parsed with pkijs + asn1js: pure JS, no Node
 * built-ins, and no global polyfill (unlike @peculiar/x509, which needs reflect-metadata).
 * We read only what verification needs; the certificate's own signature chain (CSCA) is
 * the trust list importer's business, not the verifier's.
 */
export type DscErrorCode = 'not_der' | 'not_x509' | 'missing_country' | 'country_mismatch';
export type DscProblem = Problem<DscErrorCode>;

/** Key types a DCC can be signed with: ES256 needs EC P-256, PS256 needs RSA (hcert spec §3.3.2). */
export type DscKeyAlgorithm = 'EC-P256' | 'RSA';

export interface DscPublicKey {
  /** SubjectPublicKeyInfo DER, ready for WebCrypto `importKey('spki', …)`. */
  readonly spki: Uint8Array;
  /** `undefined` for a key no DCC algorithm can use (another curve, DSA, Ed25519 …). */
  readonly algorithm: DscKeyAlgorithm | undefined;
}

export interface DscCertificate {
  readonly der: Uint8Array;
  /** Base64 of the first 8 bytes of SHA-256 over the DER certificate (hcert spec appendix A.1). */
  readonly kid: string;
  /** Subject country (C), upper case. */
  readonly country: string;
  /** Subject DN for display, e.g. "C=AT, O=…, CN=…". */
  readonly subject: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DCC types this DSC may sign; empty = all (no DCC EKU OID present). */
  readonly keyUsage: readonly CertificateType[];
  readonly publicKey: DscPublicKey;
}

const OID_COUNTRY = '2.5.4.6';
const OID_EXT_KEY_USAGE = '2.5.29.37';
const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const OID_P256 = '1.2.840.10045.3.1.7';
const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const OID_RSASSA_PSS = '1.2.840.113549.1.1.10';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

/** The hcert kid: SHA-256 over the DER certificate, first 8 bytes, base64. */
export async function dscKid(der: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bufferSource(der)));
  return bytesToBase64(digest.subarray(0, 8));
}

/**
 * Parses a DER DSC. `options.country` names the country when the subject has no C (the EU gateway
 * states the country next to each certificate); a stated country that differs from the subject's C is
 * refused, so a list entry cannot make one country's signer sign for another.
 */
export async function parseDscCertificate(
  der: Uint8Array,
  options: { country?: string } = {},
): Promise<Result<DscCertificate, DscProblem>> {
  let asn: ReturnType<typeof asn1js.fromBER>;
  try {
    asn = asn1js.fromBER(der);
  } catch (e) {
    // asn1js throws on some malformed values (e.g. a GeneralizedTime that is not a time), found by fuzzing.
    return err({ code: 'not_der', message: `signing certificate is not valid DER: ${e instanceof Error ? e.message : String(e)}` });
  }
  if (asn.offset === -1 || asn.offset !== der.length) {
    return err({ code: 'not_der', message: 'signing certificate is not one DER structure' });
  }
  let cert: Certificate;
  try {
    cert = new Certificate({ schema: asn.result });
  } catch (e) {
    return err({ code: 'not_x509', message: `signing certificate is not an X.509 certificate: ${e instanceof Error ? e.message : String(e)}` });
  }
  try {
    return await describeCertificate(der, cert, options);
  } catch (e) {
    return err({ code: 'not_x509', message: `signing certificate cannot be read: ${e instanceof Error ? e.message : String(e)}` });
  }
}

async function describeCertificate(der: Uint8Array, cert: Certificate, options: { country?: string }): Promise<Result<DscCertificate, DscProblem>> {
  const subjectCountry = attributeText(cert, OID_COUNTRY);
  const country = (options.country ?? subjectCountry ?? '').toUpperCase();
  if (subjectCountry && options.country !== undefined && options.country.toUpperCase() !== subjectCountry.toUpperCase()) {
    return err({
      code: 'country_mismatch',
      message: `the list names country ${options.country.toUpperCase()}, but the certificate's subject is ${subjectCountry.toUpperCase()}`,
    });
  }
  if (!country) {
    return err({ code: 'missing_country', message: 'signing certificate has no subject country (C) and none was given' });
  }
  // A state's CSCA issues its own DSCs (hcert spec §5.1): an issuer of another country cannot vouch for this one.
  const issuerCountry = nameCountry(cert.issuer);
  if (issuerCountry && issuerCountry.toUpperCase() !== country) {
    return err({
      code: 'country_mismatch',
      message: `the signing certificate is for ${country}, but its issuer (the country signing CA) is of ${issuerCountry.toUpperCase()}`,
    });
  }
  const eku: unknown = cert.extensions?.find((e) => e.extnID === OID_EXT_KEY_USAGE)?.parsedValue;
  const ekuOids = eku instanceof ExtKeyUsage ? eku.keyPurposes : [];
  return ok({
    der,
    kid: await dscKid(der),
    country,
    subject: cert.subject.typesAndValues
      .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${valueText(tv.value)}`)
      .join(', '),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    keyUsage: keyUsageFromEku(ekuOids),
    publicKey: publicKeyOf(cert.subjectPublicKeyInfo),
  });
}

function publicKeyOf(info: PublicKeyInfo): DscPublicKey {
  const algorithmId = info.algorithm.algorithmId;
  if (algorithmId === OID_EC_PUBLIC_KEY) {
    const params: unknown = info.algorithm.algorithmParams;
    const curve = params instanceof asn1js.ObjectIdentifier ? params.valueBlock.toString() : undefined;
    return { spki: toBytes(info.toSchema().toBER(false)), algorithm: curve === OID_P256 ? 'EC-P256' : undefined };
  }
  if (algorithmId === OID_RSA_ENCRYPTION) {
    return { spki: toBytes(info.toSchema().toBER(false)), algorithm: 'RSA' };
  }
  if (algorithmId === OID_RSASSA_PSS) {
    // WebCrypto implementations refuse id-RSASSA-PSS SPKIs; the key itself is a plain
    // RSAPublicKey, so re-label it rsaEncryption (RFC 4055 §1.2 allows either).
    const relabelled = new PublicKeyInfo({
      algorithm: new AlgorithmIdentifier({ algorithmId: OID_RSA_ENCRYPTION, algorithmParams: new asn1js.Null() }),
      subjectPublicKey: info.subjectPublicKey,
    });
    return { spki: toBytes(relabelled.toSchema().toBER(false)), algorithm: 'RSA' };
  }
  return { spki: toBytes(info.toSchema().toBER(false)), algorithm: undefined };
}

function attributeText(cert: Certificate, oid: string): string | undefined {
  const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
  return tv ? valueText(tv.value) : undefined;
}

function nameCountry(name: Certificate['issuer']): string | undefined {
  const tv = name.typesAndValues.find((t) => t.type === OID_COUNTRY);
  return tv ? valueText(tv.value) : undefined;
}

function valueText(value: unknown): string {
  if (value && typeof value === 'object' && 'valueBlock' in value) {
    const block: unknown = value.valueBlock;
    if (block && typeof block === 'object' && 'value' in block && typeof block.value === 'string') return block.value;
  }
  return '?';
}

function toBytes(buffer: ArrayBuffer): Uint8Array {
  return new Uint8Array(buffer);
}

/**
 * Certificates from text: every PEM "CERTIFICATE" block, or, without PEM armour, the whole
 * text as base64 DER (the form of the EU gateway's rawData and of the test data).
 */
export function certificatesFromText(text: string): Uint8Array[] | undefined {
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  const bodies = blocks.length > 0 ? blocks.map((m) => m[1] ?? '') : [text];
  const ders: Uint8Array[] = [];
  for (const body of bodies) {
    const der = base64ToBytes(body.trim());
    if (!der || der.length === 0) return undefined;
    ders.push(der);
  }
  return ders;
}
