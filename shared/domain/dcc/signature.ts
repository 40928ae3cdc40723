import { err, ok, type Problem, type Result } from '../result';
import { bufferSource, bytesToBase64 } from './bytes';
import { sigStructure, type CoseSign1 } from './cose';
import type { TrustList, TrustListEntry } from './trust-list';

export type SignatureErrorCode = 'missing_kid' | 'unknown_kid' | 'unsupported_alg' | 'key_mismatch' | 'bad_signature';
export type SignatureProblem = Problem<SignatureErrorCode>;

/** The two algorithms a DCC may use (hcert spec §3.3.2; ids from RFC 9053 §2.1 and RFC 8230 §2). */
const ALGORITHMS = {
  [-7]: { name: 'ES256', key: 'EC-P256' },
  [-37]: { name: 'PS256', key: 'RSA' },
} as const;
type CoseAlg = keyof typeof ALGORITHMS;

/** The trust-list entries the COSE kid names: usually one, but 8-byte kids can collide and hcert spec §3.3.3 says to try them all. */
export function findSigningCertificates(
  cose: CoseSign1,
  trustList: TrustList,
): Result<readonly TrustListEntry[], SignatureProblem> {
  if (!cose.kid) return err({ code: 'missing_kid', message: 'COSE header has no kid (4); cannot pick the signing certificate' });
  const kid = bytesToBase64(cose.kid);
  const candidates = trustList.byKid.get(kid) ?? [];
  if (candidates.length === 0) {
    return err({ code: 'unknown_kid', message: `no signing certificate with kid ${kid} in the trust list` });
  }
  return ok(candidates);
}

/**
 * Verifies the COSE_Sign1 signature with the candidate DSCs; returns the one that signed.
 * ES256 signatures are raw r||s (RFC 9053 §2.1), which is WebCrypto's ECDSA format; PS256
 * is RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 8230 §2).
 */
export async function verifyCoseSignature(
  cose: CoseSign1,
  candidates: readonly TrustListEntry[],
): Promise<Result<TrustListEntry, SignatureProblem>> {
  const kid = cose.kid ? bytesToBase64(cose.kid) : '(none)';
  const alg = cose.alg;
  if (alg !== -7 && alg !== -37) {
    return err({
      code: 'unsupported_alg',
      message: alg === undefined ? 'COSE header has no alg (1)' : `COSE alg ${alg} is not ES256 (-7) or PS256 (-37)`,
    });
  }
  const data = sigStructure(cose);
  let triedAny = false;
  for (const entry of candidates) {
    const key = await importVerifyKey(entry, alg);
    if (!key) continue;
    triedAny = true;
    if (await verifyWith(key, alg, cose.signature, data)) return ok(entry);
  }
  if (!triedAny) {
    return err({
      code: 'key_mismatch',
      message: `signing certificate ${kid} has no ${ALGORITHMS[alg].key} key for ${ALGORITHMS[alg].name}`,
    });
  }
  return err({ code: 'bad_signature', message: `${ALGORITHMS[alg].name} signature does not verify with certificate ${kid}` });
}

async function verifyWith(key: CryptoKey, alg: CoseAlg, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const params = alg === -7 ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSA-PSS', saltLength: 32 };
  try {
    return await globalThis.crypto.subtle.verify(params, key, bufferSource(signature), bufferSource(data));
  } catch {
    return false; // e.g. a signature of the wrong length for the key
  }
}

/** Imported keys, per entry and algorithm: importing costs more than verifying. */
const keyCache = new WeakMap<TrustListEntry, Map<CoseAlg, Promise<CryptoKey | undefined>>>();

function importVerifyKey(entry: TrustListEntry, alg: CoseAlg): Promise<CryptoKey | undefined> {
  let perAlg = keyCache.get(entry);
  if (!perAlg) {
    perAlg = new Map();
    keyCache.set(entry, perAlg);
  }
  let key = perAlg.get(alg);
  if (!key) {
    key = importKey(entry, alg);
    perAlg.set(alg, key);
  }
  return key;
}

async function importKey(entry: TrustListEntry, alg: CoseAlg): Promise<CryptoKey | undefined> {
  const pk = entry.publicKey;
  if (isCryptoKey(pk)) {
    const name = pk.algorithm.name;
    const fits = alg === -7 ? name === 'ECDSA' && (pk.algorithm as EcKeyAlgorithm).namedCurve === 'P-256' : name === 'RSA-PSS';
    return fits ? pk : undefined;
  }
  if (pk.algorithm !== ALGORITHMS[alg].key) return undefined;
  const params = alg === -7 ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSA-PSS', hash: 'SHA-256' };
  try {
    return await globalThis.crypto.subtle.importKey('spki', bufferSource(pk.spki), params, false, ['verify']);
  } catch {
    return undefined;
  }
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof value === 'object' && value !== null && 'algorithm' in value && 'type' in value && 'usages' in value;
}
