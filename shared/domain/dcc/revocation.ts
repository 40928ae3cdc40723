import { err, ok, type Problem, type Result } from '../result';
import { bufferSource, bytesToBase64 } from './bytes';
import type { JsonValue } from './cbor-json';
import type { CoseSign1 } from './cose';
import type { CwtClaims } from './cwt';

/**
 * EU DCC revocation (eHealth Network, "DCC revocation" guidelines; the DCC gateway's revocation batches). An issuing
 * state revokes a certificate by publishing a hash of it, one of three kinds:
 * - `UCI`: SHA-256 over the UTF-8 unique certificate identifier (`v|t|r[0].ci`);
 * - `COUNTRYCODEUCI`: SHA-256 over the CWT issuer (claim 1, the issuing country code) followed by the UCI;
 * - `SIGNATURE`: SHA-256 over the COSE signature; for ES256 over its first half (r) only, because the s of an ECDSA
 *   signature can be negated without making it invalid, so (r, s) and (r, n−s) are the same certificate.
 * Each hash is cut to its first 16 bytes and written in base64, as the gateway's batches carry them.
 */
export const REVOCATION_HASH_TYPES = ['UCI', 'COUNTRYCODEUCI', 'SIGNATURE'] as const;
export type RevocationHashType = (typeof REVOCATION_HASH_TYPES)[number];

/** The gateway's kid for a batch that applies to a certificate whatever its signer (batch field `kid`). */
export const UNKNOWN_KID = 'UNKNOWN_KID';

/** The gateway cuts every revocation hash to 128 bits. */
export const REVOCATION_HASH_BYTES = 16;

export interface RevocationHash {
  readonly type: RevocationHashType;
  /** Base64 of the first 16 bytes of the SHA-256. */
  readonly hash: string;
}

/** Where a revoked certificate was found: which hash matched and which batch carried it. */
export interface RevocationHit {
  readonly type: RevocationHashType;
  readonly hash: string;
  /** The issuing state that revoked it (the batch's country). */
  readonly country: string;
  /** The batch's kid: the DSC's kid, or UNKNOWN_KID. */
  readonly kid: string;
  /** The import the entry came from, for the reasons and the audit trail. */
  readonly listVersion: number;
}

/**
 * The station's revocation entries. `find` is called once per certificate on the lane's path, so implementations
 * answer from an index (SQLite primary key, a Set), never by scanning the list.
 */
export interface RevocationLookup {
  /** The entry that revokes one of `hashes` for a certificate signed by `kid` (or by any signer), if any. */
  find(kid: string | undefined, hashes: readonly RevocationHash[]): RevocationHit | undefined;
}

export type RevocationErrorCode = 'revoked';
export type RevocationProblem = Problem<RevocationErrorCode>;

/** The unique certificate identifier: the `ci` of the certificate's one entry (hcert spec: one of v, t, r). */
export function uciOf(hcert: JsonValue): string | undefined {
  if (typeof hcert !== 'object' || hcert === null || Array.isArray(hcert)) return undefined;
  for (const group of ['v', 't', 'r'] as const) {
    const entries = hcert[group];
    if (!Array.isArray(entries)) continue;
    const first = entries[0];
    if (typeof first === 'object' && first !== null && !Array.isArray(first) && typeof first.ci === 'string') return first.ci;
  }
  return undefined;
}

async function hash16(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bufferSource(bytes)));
  return bytesToBase64(digest.subarray(0, REVOCATION_HASH_BYTES));
}

/** The revocation hashes of one certificate; a UCI-based hash is absent when the certificate has no UCI. */
export async function revocationHashes(cose: Pick<CoseSign1, 'alg' | 'signature'>, cwt: Pick<CwtClaims, 'issuer' | 'hcert'>): Promise<RevocationHash[]> {
  const utf8 = new TextEncoder();
  const hashes: RevocationHash[] = [];
  const uci = uciOf(cwt.hcert);
  if (uci !== undefined) {
    hashes.push({ type: 'UCI', hash: await hash16(utf8.encode(uci)) });
    if (cwt.issuer !== undefined) hashes.push({ type: 'COUNTRYCODEUCI', hash: await hash16(utf8.encode(cwt.issuer + uci)) });
  }
  if (cose.signature.length > 0) {
    // ES256 (-7): raw r‖s of equal halves (RFC 9053 §2.1); only r identifies the signature.
    const signed = cose.alg === -7 ? cose.signature.subarray(0, cose.signature.length / 2) : cose.signature;
    hashes.push({ type: 'SIGNATURE', hash: await hash16(signed) });
  }
  return hashes;
}

const HASH_NAMES: Record<RevocationHashType, string> = {
  UCI: 'its certificate identifier',
  COUNTRYCODEUCI: 'its issuing country and certificate identifier',
  SIGNATURE: 'its signature',
};

/** Looks a certificate up; revoked is a failure of the `revocation` step that names the list and the issuer. */
export async function checkRevocation(
  cose: Pick<CoseSign1, 'alg' | 'signature' | 'kid'>,
  cwt: Pick<CwtClaims, 'issuer' | 'hcert'>,
  lookup: RevocationLookup | undefined,
): Promise<Result<true, RevocationProblem>> {
  if (!lookup) return ok(true);
  const kid = cose.kid ? bytesToBase64(cose.kid) : undefined;
  const hit = lookup.find(kid, await revocationHashes(cose, cwt));
  if (!hit) return ok(true);
  return err({
    code: 'revoked',
    message: `${hit.country} revoked this certificate: ${HASH_NAMES[hit.type]} is on the revocation list (${hit.type} hash ${hit.hash}, list version ${hit.listVersion})`,
  });
}

/** An in-memory lookup over entries (tests, the CLI's `dcc verify`); the station's lookup reads SQLite. */
export function revocationLookupOf(
  entries: readonly { readonly type: RevocationHashType; readonly hash: string; readonly kid: string; readonly country: string }[],
  listVersion = 0,
): RevocationLookup {
  const byKey = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) byKey.set(`${entry.type}:${entry.hash}:${entry.kid}`, entry);
  return {
    find(kid, hashes) {
      for (const { type, hash } of hashes) {
        const entry = (kid === undefined ? undefined : byKey.get(`${type}:${hash}:${kid}`)) ?? byKey.get(`${type}:${hash}:${UNKNOWN_KID}`);
        if (entry) return { type, hash, country: entry.country, kid: entry.kid, listVersion };
      }
      return undefined;
    },
  };
}
