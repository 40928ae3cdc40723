import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import type { ExpectedSigner } from '../../domain/export';

export type PublicKeyFile = { readonly ok: true; readonly signer: ExpectedSigner } | { readonly ok: false; readonly message: string };

const isEd25519Spki = (der: Buffer): boolean => {
  try {
    return createPublicKey({ key: der, format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
};

/**
 * The station key the central side registered, as a file: a PEM public key, the base64 SPKI the station
 * shows (getStationIdentity), or only its SHA-256 fingerprint (64 hex digits, spaces or colons allowed).
 */
export function readPublicKeyFile(file: string): PublicKeyFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    return { ok: false, message: `cannot read the public key file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(text);
  const body = (pem ? (pem[1] ?? '') : text).replace(/\s+/g, '');
  const hex = text.toLowerCase().replace(/[\s:]/g, '');
  if (!pem && /^[0-9a-f]{64}$/.test(hex)) return { ok: true, signer: { fingerprint: hex } };
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(body) && isEd25519Spki(Buffer.from(body, 'base64'))) {
    return { ok: true, signer: { publicKey: Buffer.from(body, 'base64').toString('base64') } };
  }
  if (text.includes('PRIVATE KEY')) return { ok: false, message: `${file} holds a private key: give the station's public key (or its fingerprint), never the private one` };
  return { ok: false, message: `${file} is neither an Ed25519 public key (PEM or base64) nor a 64-digit fingerprint` };
}
