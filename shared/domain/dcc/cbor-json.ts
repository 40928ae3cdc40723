import { Decoder, Tag } from 'cbor-x';

/**
 * One CBOR decoder for the module. Maps stay `Map`s because COSE and CWT use integer
 * labels (1, 4, -260); records are a cbor-x extension that DCCs never use.
 */
const decoder = new Decoder({ mapsAsObjects: false, useRecords: false });

/** Decodes exactly one CBOR item; throws on malformed data or trailing bytes. */
export function decodeCbor(bytes: Uint8Array): unknown {
  return decoder.decode(bytes) as unknown;
}

export function isCborTag(value: unknown): value is Tag {
  return value instanceof Tag;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The HCERT is defined as JSON (hcert spec §3.3.7) carried in CBOR, so it maps back 1:1:
 * map keys become strings, tag-0/tag-1 dates (which cbor-x turns into `Date`) become
 * ISO 8601 strings, other tags are dropped around their content, byte strings become base64.
 */
export function cborToJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Tag) return cborToJson(value.value);
  if (value instanceof Uint8Array) {
    let binary = '';
    for (const byte of value) binary += String.fromCharCode(byte);
    return btoa(binary);
  }
  if (Array.isArray(value)) return value.map(cborToJson);
  if (value instanceof Map) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of value) {
      // defineProperty: a "__proto__" key becomes an own property instead of a prototype.
      Object.defineProperty(out, String(key), { value: cborToJson(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: cborToJson(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return null;
}
