import { createPublicKey } from 'node:crypto';
import { fileStationKeyStore } from '../keys/station-key-store';

/**
 * The public half of the station key when its file can be read here (the browser host's and the CLI's 0600 PEM);
 * undefined when the desktop app keeps it sealed by the system keychain, or there is none. Never creates a key.
 */
export function readableStationPublicKey(dataDir: string): string | undefined {
  try {
    const pem = fileStationKeyStore(dataDir).load();
    if (pem === undefined) return undefined;
    return createPublicKey(pem).export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    return undefined;
  }
}
