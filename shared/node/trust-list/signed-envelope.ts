import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { readUserFileSync } from '../files';
import { SIGNED_TRUST_LIST_FORMAT, type SignatureAlgorithm, type SignedTrustListFile } from './trust-list-format';

/** A public key allowed to sign trust lists for this station. */
export interface TrustListSigner {
  /** base64 of the first 8 bytes of SHA-256 over the SPKI DER. */
  readonly keyId: string;
  readonly key: KeyObject;
  /** Where it was configured (file name), for messages. */
  readonly label: string;
}

export type SignerKeyProblem = Problem<'signer-key-unreadable'>;

/** The folder under the data directory where an admin puts trust-list signer public keys (PEM, SPKI). */
export const TRUST_LIST_SIGNERS_DIR = 'trust-list-signers';

export function signerKeyId(key: KeyObject): string {
  const spki = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest().subarray(0, 8).toString('base64');
}

function algorithmOf(key: KeyObject): SignatureAlgorithm | undefined {
  if (key.asymmetricKeyType === 'ed25519') return 'Ed25519';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  return undefined;
}

/** Reads every `*.pem` public key in `<dataDir>/trust-list-signers/`; no folder means no signer is configured. */
export function loadTrustListSigners(dataDir: string): Result<TrustListSigner[], SignerKeyProblem> {
  const dir = path.join(dataDir, TRUST_LIST_SIGNERS_DIR);
  if (!fs.existsSync(dir)) return ok([]);
  const signers: TrustListSigner[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.pem')).sort()) {
    try {
      const pem = readUserFileSync(path.join(dir, name), 64 * 1024);
      if (!pem.ok) return err({ code: 'signer-key-unreadable', message: `trust-list signer key ${name} cannot be read: ${pem.error.message}` });
      const key = createPublicKey(pem.value.toString('utf8'));
      if (!algorithmOf(key)) {
        return err({ code: 'signer-key-unreadable', message: `trust-list signer key ${name} is not an Ed25519 or ECDSA P-256 public key` });
      }
      signers.push({ keyId: signerKeyId(key), key, label: name });
    } catch (error) {
      return err({ code: 'signer-key-unreadable', message: `trust-list signer key ${name} cannot be read: ${(error as Error).message}` });
    }
  }
  return ok(signers);
}

export type EnvelopeProblem = Problem<'unknown-signer' | 'bad-signature' | 'wrong-algorithm' | 'bad-envelope'>;

/**
 * Checks a signed envelope against the configured signers and returns the inner bytes. With
 * `signers === undefined` (the CLI's `dcc verify`, which has no station) the signature is not checked.
 */
export function openSignedEnvelope(
  envelope: Omit<SignedTrustListFile, 'format'>,
  signers: readonly TrustListSigner[] | undefined,
  what = 'trust list',
): Result<{ payload: Buffer; signedBy: string | null }, EnvelopeProblem> {
  const payload = Buffer.from(envelope.payload, 'base64');
  const signature = Buffer.from(envelope.signature, 'base64');
  if (payload.length === 0 || signature.length === 0) {
    return err({ code: 'bad-envelope', message: `the signed ${what} has an empty payload or signature (both are base64)` });
  }
  if (signers === undefined) return ok({ payload, signedBy: null });
  const signer = signers.find((s) => s.keyId === envelope.signer);
  if (!signer) {
    const known = signers.length === 0 ? 'no signer key is configured on this station' : `configured: ${signers.map((s) => `${s.keyId} (${s.label})`).join(', ')}`;
    return err({ code: 'unknown-signer', message: `the ${what} is signed by key ${envelope.signer}, which this station does not trust (${known})` });
  }
  const algorithm = algorithmOf(signer.key);
  if (algorithm !== envelope.algorithm) {
    return err({ code: 'wrong-algorithm', message: `the ${what} says ${envelope.algorithm}, but signer ${signer.label} is a ${algorithm ?? 'different'} key` });
  }
  const valid =
    algorithm === 'Ed25519'
      ? verify(null, payload, signer.key, signature)
      : verify('sha256', payload, { key: signer.key, dsaEncoding: 'ieee-p1363' }, signature);
  if (!valid) return err({ code: 'bad-signature', message: `the ${what} signature does not verify with key ${signer.keyId} (${signer.label}): the file was changed or damaged` });
  return ok({ payload, signedBy: signer.keyId });
}

/** Wraps trust-list bytes in a signed envelope (for the people who publish trust lists, and for tests). */
export function signTrustList(payload: Uint8Array, privateKey: KeyObject): SignedTrustListFile {
  const publicKey = createPublicKey(privateKey);
  const algorithm = algorithmOf(publicKey);
  if (!algorithm) throw new Error('a trust list is signed with an Ed25519 or ECDSA P-256 key');
  const signature =
    algorithm === 'Ed25519' ? sign(null, payload, privateKey) : sign('sha256', payload, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return {
    format: SIGNED_TRUST_LIST_FORMAT,
    version: 1,
    algorithm,
    signer: signerKeyId(publicKey),
    payload: Buffer.from(payload).toString('base64'),
    signature: signature.toString('base64'),
  };
}
