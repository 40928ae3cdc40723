export { STATION_KEY_FILE, fingerprintOf, loadOrCreateStationKey, publicKeyFingerprint, verifySignature, type StationKey } from './station-key';
export { DUMMY_PIN_HASH, hashPin, verifyPin } from './pin-hash';
