/**
 * SHA-256 and Ed25519 through WebCrypto, which both the browser and Node (globalThis.crypto) provide.
 * Signature checking stays behind `SignatureVerifier`, so a browser without Ed25519 in WebCrypto can be
 * given another implementation.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const toHex = (bytes: Uint8Array): string => {
  let out = '';
  for (const byte of bytes) out += HEX[byte];
  return out;
};

export async function sha256Hex(data: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
}

export function base64ToBytes(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** SHA-256 of the SPKI DER, hex: the station key fingerprint (the same as shared/node/keys computes). */
export async function publicKeyFingerprint(publicKeyBase64: string): Promise<string | null> {
  const der = base64ToBytes(publicKeyBase64);
  return der && der.length > 0 ? sha256Hex(der) : null;
}

export interface SignatureVerifier {
  /** true only for a valid Ed25519 signature; false for anything malformed. */
  verify(publicKeyBase64: string, data: Uint8Array, signatureBase64: string): Promise<boolean>;
}

export const webCryptoEd25519: SignatureVerifier = {
  async verify(publicKeyBase64, data, signatureBase64) {
    const der = base64ToBytes(publicKeyBase64);
    const signature = base64ToBytes(signatureBase64);
    if (!der || !signature) return false;
    try {
      const key = await crypto.subtle.importKey('spki', der as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>);
    } catch {
      return false;
    }
  },
};
