export { fingerprintOf, loadOrCreateStationKey, publicKeyFingerprint, verifySignature, type StationKey } from './station-key';
export { PROTECTED_STATION_KEY_FILE, STATION_KEY_FILE, StationKeyError, fileStationKeyStore, type StationKeyStore } from './station-key-store';
export { dummyPinHash, hashPin, PIN_HASH_COST, verifyPin, type PinHashCost } from './pin-hash';
