import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../domain/result';
import { signerKeyId } from '../trust-list/signed-envelope';

export const LAB_LIST_SIGNATURE_FORMAT = 'checkpoint-lab-list-signature';

export type LabKeyAlgorithm = 'Ed25519' | 'ES256';

/**
 * The detached signature a lab sends with its result list (`<list file>.sig`): over exactly the list file's
 * bytes, so the CSV or XLSX needs no canonical form. `signer` is the key id (base64 of the first 8 bytes of
 * SHA-256 over the key's SPKI DER, as for trust-list signers and DCC kids).
 */
export interface LabListSignature {
  readonly format: typeof LAB_LIST_SIGNATURE_FORMAT;
  readonly version: 1;
  readonly algorithm: LabKeyAlgorithm;
  readonly signer: string;
  /** base64; Ed25519 (RFC 8032), or ECDSA P-256 with SHA-256 as raw r‖s (JOSE/COSE form). */
  readonly signature: string;
}

export function labKeyAlgorithm(key: KeyObject): LabKeyAlgorithm | undefined {
  if (key.asymmetricKeyType === 'ed25519') return 'Ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return undefined;
}

export { signerKeyId as labKeyId };

/** A lab's public key from PEM (SPKI), with its id and algorithm, or a sentence saying why not. */
export function readLabPublicKey(pem: string): Result<{ key: KeyObject; keyId: string; algorithm: LabKeyAlgorithm; pem: string }, string> {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return err('the key is not a PEM public key (-----BEGIN PUBLIC KEY-----)');
  }
  if (key.type !== 'public') return err('the key is not a public key');
  const algorithm = labKeyAlgorithm(key);
  if (!algorithm) return err('the key is neither Ed25519 nor ECDSA P-256');
  return ok({ key, keyId: signerKeyId(key), algorithm, pem: key.export({ type: 'spki', format: 'pem' }).toString() });
}

/** Reads a `.sig` file's text; undefined when it is not a lab-list signature. */
export function parseLabListSignature(text: string): LabListSignature | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const s = json as Record<string, unknown>;
  const ok =
    s.format === LAB_LIST_SIGNATURE_FORMAT &&
    s.version === 1 &&
    (s.algorithm === 'Ed25519' || s.algorithm === 'ES256') &&
    typeof s.signer === 'string' &&
    typeof s.signature === 'string' &&
    /^[A-Za-z0-9+/]+=*$/.test(s.signature);
  return ok ? (s as unknown as LabListSignature) : undefined;
}

/** Whether the signature over `bytes` verifies with `key` (the algorithm named must be the key's). */
export function verifyLabListSignature(bytes: Uint8Array, signature: LabListSignature, key: KeyObject): boolean {
  if (labKeyAlgorithm(key) !== signature.algorithm) return false;
  const raw = Buffer.from(signature.signature, 'base64');
  return signature.algorithm === 'Ed25519' ? verify(null, bytes, key, raw) : verify('sha256', bytes, { key, dsaEncoding: 'ieee-p1363' }, raw);
}

/** Signs a list file's bytes (for labs that publish lists, and for tests). */
export function signLabList(bytes: Uint8Array, privateKey: KeyObject): LabListSignature {
  const publicKey = createPublicKey(privateKey);
  const algorithm = labKeyAlgorithm(publicKey);
  if (!algorithm) throw new Error('a lab list is signed with an Ed25519 or ECDSA P-256 key');
  const signature = algorithm === 'Ed25519' ? sign(null, bytes, privateKey) : sign('sha256', bytes, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return { format: LAB_LIST_SIGNATURE_FORMAT, version: 1, algorithm, signer: signerKeyId(publicKey), signature: signature.toString('base64') };
}
