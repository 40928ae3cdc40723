import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { StationKeyError, fileStationKeyStore, type StationKeyStore } from './station-key-store';

/** The station's Ed25519 signing key: signs group files and daily exports; never leaves the core. */
export interface StationKey {
  /** Base64 of the SPKI DER public key: what the other end enters as a trusted station. */
  readonly publicKey: string;
  /** SHA-256 of the SPKI DER, hex: short enough to read out over the phone in groups of four. */
  readonly fingerprint: string;
  sign(data: Uint8Array | string): string;
}

const spkiDer = (key: KeyObject): Buffer => key.export({ format: 'der', type: 'spki' });

export const fingerprintOf = (spki: Uint8Array): string => createHash('sha256').update(spki).digest('hex');

/** The fingerprint of a base64 SPKI public key, or null when it is not an Ed25519 key. */
export function publicKeyFingerprint(publicKeyBase64: string): string | null {
  const key = importPublicKey(publicKeyBase64);
  return key ? fingerprintOf(spkiDer(key)) : null;
}

function importPublicKey(publicKeyBase64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** Checks an Ed25519 signature (base64) over `data` with a base64 SPKI public key; false for anything malformed. */
export function verifySignature(publicKeyBase64: string, data: Uint8Array | string, signatureBase64: string): boolean {
  const key = importPublicKey(publicKeyBase64);
  if (!key) return false;
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    return verify(null, bytes, key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

function fromPrivateKey(privateKey: KeyObject): StationKey {
  const publicDer = spkiDer(createPublicKey(privateKey));
  return {
    publicKey: publicDer.toString('base64'),
    fingerprint: fingerprintOf(publicDer),
    sign: (data) => sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, privateKey).toString('base64'),
  };
}

/** The station key when its file can be read here (the Node host's and the CLI's 0600 PEM); never creates one. */
export function readableStationKey(dataDir: string): StationKey | undefined {
  try {
    const pem = fileStationKeyStore(dataDir).load();
    if (pem === undefined) return undefined;
    const privateKey = createPrivateKey({ key: pem, format: 'pem' });
    return privateKey.asymmetricKeyType === 'ed25519' ? fromPrivateKey(privateKey) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the station key from its store, creating it at first run: by default a PKCS#8 PEM file in the data
 * folder readable by the owner only (0600); in Electron main a file sealed by the OS keychain. Created
 * exclusively, so two processes starting at once never make two keys.
 */
export function loadOrCreateStationKey(dataDir: string, store: StationKeyStore = fileStationKeyStore(dataDir)): StationKey {
  let pem = store.load();
  if (pem === undefined) {
    const { privateKey } = generateKeyPairSync('ed25519');
    store.create(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    pem = store.load();
    if (pem === undefined) throw new StationKeyError(`${store.description} was not saved.`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (error) {
    throw new StationKeyError(`${store.description} is damaged and cannot be read. Restore it from the backup.`, { cause: error });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new StationKeyError(`${store.description} does not hold an Ed25519 key.`);
  return fromPrivateKey(privateKey);
}
