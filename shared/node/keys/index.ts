export { fingerprintOf, loadOrCreateStationKey, publicKeyFingerprint, verifySignature, type StationKey } from './station-key';
export { PROTECTED_STATION_KEY_FILE, STATION_KEY_FILE, StationKeyError, fileStationKeyStore, type StationKeyStore } from './station-key-store';
export { DUMMY_PIN_HASH, hashPin, verifyPin } from './pin-hash';
