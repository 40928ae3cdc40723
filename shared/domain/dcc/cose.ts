import { err, ok, type Problem, type Result } from '../result';
import { decodeCbor, isCborTag } from './cbor-json';

export type CoseErrorCode = 'not_cbor' | 'not_cose_sign1' | 'bad_header' | 'detached_payload';
export type CoseProblem = Problem<CoseErrorCode>;

/** RFC 9052 §4.2 COSE_Sign1 = [protected: bstr, unprotected: map, payload: bstr / nil, signature: bstr]. */
export interface CoseSign1 {
  /** The protected header exactly as received: the signature covers these bytes, not a re-encoding. */
  readonly protectedBytes: Uint8Array;
  readonly protectedHeader: ReadonlyMap<unknown, unknown>;
  readonly unprotectedHeader: ReadonlyMap<unknown, unknown>;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
  /** COSE algorithm id (RFC 9053 §2: -7 ES256, -37 PS256), if the header has one. */
  readonly alg: number | undefined;
  /** Key id; may sit in either header, the protected one wins (hcert spec §3.3.3). */
  readonly kid: Uint8Array | undefined;
  readonly kidLocation: 'protected' | 'unprotected' | undefined;
  /** Whether the message carried CBOR tag 18. Untagged messages occur in the field and are accepted. */
  readonly tagged: boolean;
}

/** RFC 9052 §3.1 header labels. */
const HEADER_ALG = 1;
const HEADER_KID = 4;
/** RFC 9052 §4.2 COSE_Sign1 tag; RFC 8392 §6 CWT tag, which some issuers wrap around it. */
const TAG_COSE_SIGN1 = 18;
const TAG_CWT = 61;

export function decodeCoseSign1(bytes: Uint8Array): Result<CoseSign1, CoseProblem> {
  let item: unknown;
  try {
    item = decodeCbor(bytes);
  } catch (e) {
    return err({ code: 'not_cbor', message: `COSE message is not valid CBOR: ${e instanceof Error ? e.message : String(e)}` });
  }
  let tagged = false;
  if (isCborTag(item) && item.tag === TAG_CWT) item = item.value;
  if (isCborTag(item)) {
    if (item.tag !== TAG_COSE_SIGN1) {
      return err({ code: 'not_cose_sign1', message: `CBOR tag ${item.tag} is not COSE_Sign1 (tag 18)` });
    }
    tagged = true;
    item = item.value;
  }
  if (!Array.isArray(item) || item.length !== 4) {
    return err({ code: 'not_cose_sign1', message: 'COSE_Sign1 must be an array of 4 items (RFC 9052 §4.2)' });
  }
  const [protectedBytes, unprotected, payload, signature] = item as unknown[];
  if (!(protectedBytes instanceof Uint8Array)) {
    return err({ code: 'bad_header', message: 'protected header must be a byte string' });
  }
  let protectedHeader: unknown = new Map();
  // RFC 9052 §3: an empty protected header is encoded as a zero-length byte string.
  if (protectedBytes.length > 0) {
    try {
      protectedHeader = decodeCbor(protectedBytes);
    } catch (e) {
      return err({ code: 'bad_header', message: `protected header is not valid CBOR: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  if (!(protectedHeader instanceof Map)) return err({ code: 'bad_header', message: 'protected header must be a CBOR map' });
  if (!(unprotected instanceof Map)) return err({ code: 'bad_header', message: 'unprotected header must be a CBOR map' });
  if (payload === null || payload === undefined) {
    return err({ code: 'detached_payload', message: 'COSE payload is detached (nil); a DCC carries its payload' });
  }
  if (!(payload instanceof Uint8Array)) return err({ code: 'not_cose_sign1', message: 'COSE payload must be a byte string' });
  if (!(signature instanceof Uint8Array)) return err({ code: 'not_cose_sign1', message: 'COSE signature must be a byte string' });

  const algValue: unknown = protectedHeader.get(HEADER_ALG) ?? unprotected.get(HEADER_ALG);
  if (algValue !== undefined && typeof algValue !== 'number') {
    return err({ code: 'bad_header', message: 'header parameter alg (1) must be an integer' });
  }
  let kid: unknown;
  let kidLocation: CoseSign1['kidLocation'];
  if (protectedHeader.has(HEADER_KID)) {
    kid = protectedHeader.get(HEADER_KID);
    kidLocation = 'protected';
  } else if (unprotected.has(HEADER_KID)) {
    kid = unprotected.get(HEADER_KID);
    kidLocation = 'unprotected';
  }
  if (kid !== undefined && !(kid instanceof Uint8Array)) {
    return err({ code: 'bad_header', message: 'header parameter kid (4) must be a byte string' });
  }
  return ok({
    protectedBytes,
    protectedHeader,
    unprotectedHeader: unprotected,
    payload,
    signature,
    alg: algValue,
    kid,
    kidLocation,
    tagged,
  });
}

/**
 * RFC 9052 §4.4: Sig_structure = ["Signature1", body_protected, external_aad, payload],
 * encoded by hand so the bytes are exactly the deterministic CBOR the signer hashed.
 * external_aad is empty for DCCs.
 */
export function sigStructure(cose: Pick<CoseSign1, 'protectedBytes' | 'payload'>): Uint8Array {
  const context = new TextEncoder().encode('Signature1');
  const parts = [
    new Uint8Array([0x84]), // array(4)
    cborHead(3, context.length),
    context,
    cborHead(2, cose.protectedBytes.length),
    cose.protectedBytes,
    cborHead(2, 0),
    cborHead(2, cose.payload.length),
    cose.payload,
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** RFC 8949 §3.1 initial byte + argument, shortest form. */
function cborHead(major: number, length: number): Uint8Array {
  const m = major << 5;
  if (length < 24) return new Uint8Array([m | length]);
  if (length < 0x100) return new Uint8Array([m | 24, length]);
  if (length < 0x10000) return new Uint8Array([m | 25, length >> 8, length & 0xff]);
  return new Uint8Array([m | 26, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
}
