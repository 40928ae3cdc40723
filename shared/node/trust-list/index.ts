// Trust lists from files (USB stick): EU gateway JSON, the station's own file, signed envelopes, PEM/DER, folders.
export { buildStationTrustList } from './export-trust-list';
export {
  MAX_TRUST_LIST_BYTES,
  parseTrustListBytes,
  readTrustList,
  type LoadedTrustList,
  type ReadTrustListOptions,
  type TrustListFileCode,
  type TrustListFileProblem,
} from './read-trust-list';
export {
  loadTrustListSigners,
  openSignedEnvelope,
  signerKeyId,
  signTrustList,
  TRUST_LIST_SIGNERS_DIR,
  type TrustListSigner,
} from './signed-envelope';
export {
  SIGNED_TRUST_LIST_FORMAT,
  STATION_TRUST_LIST_FORMAT,
  type GatewayEntry,
  type SignedTrustListFile,
  type StationTrustListFile,
} from './trust-list-format';
