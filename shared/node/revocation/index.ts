// EU DCC revocation lists from files (USB stick) or hub packages: gateway batches, the station's file, signed envelopes.
import type { KeyObject } from 'node:crypto';
import { signTrustList } from '../trust-list/signed-envelope';
import { SIGNED_REVOCATION_FORMAT, type SignedRevocationFile } from './revocation-format';

export {
  MAX_REVOCATION_BYTES,
  parseRevocationBytes,
  type LoadedRevocationList,
  type ReadRevocationOptions,
  type RevocationEntry,
  type RevocationFileCode,
  type RevocationFileProblem,
} from './read-revocation-list';
export { SIGNED_REVOCATION_FORMAT, STATION_REVOCATION_FORMAT, type RevocationBatch, type SignedRevocationFile } from './revocation-format';

/** Wraps revocation-list bytes in a signed envelope (for the people who publish them, and for tests). */
export function signRevocationList(payload: Uint8Array, privateKey: KeyObject): SignedRevocationFile {
  return { ...signTrustList(payload, privateKey), format: SIGNED_REVOCATION_FORMAT };
}
