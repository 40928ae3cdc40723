/**
 * EU Digital COVID Certificate verification: pure TypeScript, browser-safe (WebCrypto,
 * fflate, cbor-x, pkijs). Entry point: `verifyDcc`.
 */
export { DCC_STEPS, schemaValidPayload, verifyDcc } from './verify-dcc';
export { checkRevocation, REVOCATION_HASH_BYTES, REVOCATION_HASH_TYPES, revocationHashes, revocationLookupOf, uciOf, UNKNOWN_KID } from './revocation';
export type { RevocationHash, RevocationHashType, RevocationHit, RevocationLookup } from './revocation';
export type { DccClaims, DccProblem, DccSigner, DccStep, DccStepResult, DccVerification, VerifyDccOptions } from './verify-dcc';

export { buildTrustList, parseGatewayTrustList } from './trust-list';
export type { TrustList, TrustListEntry, TrustListErrorCode, TrustListProblem } from './trust-list';
export { certificatesFromText, dscKid, parseDscCertificate } from './dsc-certificate';
export { checkDscChain, parseCsca } from './dsc-chain';
export type { ChainErrorCode, ChainProblem, CscaCertificate } from './dsc-chain';
export type { DscCertificate, DscErrorCode, DscKeyAlgorithm, DscProblem, DscPublicKey } from './dsc-certificate';

export { CERTIFICATE_TYPES, certificateTypeOf } from './certificate-type';
export type { CertificateType } from './certificate-type';
export { codedValues, hcertSchema, validateHcert } from './hcert-schema';
export type { CodedValue, Hcert, SchemaErrorCode, SchemaProblem, ValidHcert } from './hcert-schema';
export {
  certLogicValueSets,
  lookupValueSet,
  TEST_RESULT_DETECTED,
  TEST_RESULT_NOT_DETECTED,
  TEST_TYPE_NAAT,
  TEST_TYPE_RAT,
} from './value-sets';
export type { ValueSetId } from './value-sets';

// The individual steps, for tools and tests that need one of them alone.
export { HCERT_PREFIX, MAX_PAYLOAD_CHARS, stripHcertPrefix } from './prefix';
export { decodeBase45, encodeBase45 } from './base45';
export { inflateZlib, MAX_INFLATED_BYTES } from './inflate';
export { decodeCoseSign1, sigStructure } from './cose';
export type { CoseSign1 } from './cose';
export { decodeCwtClaims } from './cwt';
export type { CwtClaims } from './cwt';
export type { JsonValue } from './cbor-json';
export { checkKeyUsage, keyUsageFromEku } from './key-usage';
export { checkValidity } from './expiry';
export { bytesToBase64, base64ToBytes } from './bytes';
