export const STATION_KEYS_FORMAT = 'checkpoint-central/station-keys';

/** One station the hub knows: its id, its Ed25519 public key (base64 SPKI), and whether it was revoked. */
export interface StationKeyEntry {
  readonly stationId: string;
  readonly publicKey: string;
  readonly fingerprint: string;
  readonly corridorId: string | null;
  readonly revoked: boolean;
}

/**
 * The registry of the stations' public keys, as the hub publishes it in a `station-keys` package: a station
 * trusts the group files of the stations it lists (and no longer those listed as revoked), so nobody pastes
 * another station's key by hand.
 */
export interface StationKeysFile {
  readonly format: typeof STATION_KEYS_FORMAT;
  readonly version: 1;
  readonly stations: readonly StationKeyEntry[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const entryShape = (value: unknown): StationKeyEntry | null =>
  isObject(value) &&
  typeof value.stationId === 'string' &&
  /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(value.stationId) &&
  typeof value.publicKey === 'string' &&
  typeof value.fingerprint === 'string' &&
  /^[0-9a-f]{64}$/.test(value.fingerprint) &&
  (value.corridorId === null || typeof value.corridorId === 'string') &&
  typeof value.revoked === 'boolean'
    ? { stationId: value.stationId, publicKey: value.publicKey, fingerprint: value.fingerprint, corridorId: value.corridorId as string | null, revoked: value.revoked }
    : null;

/** Reads a registry file; null with the reason when it is not one. */
export function parseStationKeys(text: string): { ok: true; value: StationKeysFile } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'it is not JSON' };
  }
  if (!isObject(json) || json.format !== STATION_KEYS_FORMAT || json.version !== 1 || !Array.isArray(json.stations)) {
    return { ok: false, message: `it is not a ${STATION_KEYS_FORMAT} file, version 1` };
  }
  const stations: StationKeyEntry[] = [];
  for (const [index, item] of json.stations.entries()) {
    const entry = entryShape(item);
    if (!entry) return { ok: false, message: `station ${index + 1} has no valid stationId, publicKey, fingerprint, corridorId or revoked` };
    stations.push(entry);
  }
  return { ok: true, value: { format: STATION_KEYS_FORMAT, version: 1, stations } };
}
