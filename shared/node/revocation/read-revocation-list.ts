import { createHash } from 'node:crypto';
import { base64ToBytes, bytesToBase64, REVOCATION_HASH_BYTES, UNKNOWN_KID, type RevocationHashType } from '../../domain/dcc';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { openSignedEnvelope, type TrustListSigner } from '../trust-list/signed-envelope';
import { RevocationBatchSchema, SIGNED_REVOCATION_FORMAT, SignedRevocationSchema, STATION_REVOCATION_FORMAT, StationRevocationSchema, type RevocationBatch } from './revocation-format';

export type RevocationFileCode = 'not-a-revocation-list' | 'bad-entry' | 'signature' | 'unsigned' | 'empty';
export type RevocationFileProblem = Problem<RevocationFileCode>;

/** One revoked certificate as the station stores it. */
export interface RevocationEntry {
  readonly type: RevocationHashType;
  /** Base64 of the first 16 bytes of the SHA-256. */
  readonly hash: string;
  /** The DSC's kid, or UNKNOWN_KID for any signer. */
  readonly kid: string;
  readonly country: string;
  readonly expires: string;
}

export interface LoadedRevocationList {
  readonly format: 'eu-gateway' | 'station';
  readonly signedBy: string | null;
  readonly contentSha256: string;
  readonly batches: number;
  /** Distinct entries (the same hash for the same signer in two batches counts once). */
  readonly entries: readonly RevocationEntry[];
}

export interface ReadRevocationOptions {
  /** The station's signer keys (the trust list's): a signed file must verify with one of them. */
  readonly signers: readonly TrustListSigner[];
  /** Refuse files without a signature (a station with a configured signer). */
  readonly requireSigned: boolean;
}

/** The gateway's revocation batches are a few MB a country; a file near this size is not a revocation list. */
export const MAX_REVOCATION_BYTES = 64 * 1024 * 1024;

const problem = (code: RevocationFileCode, message: string) => err<RevocationFileProblem>({ code, message });

/**
 * Reads a revocation file: an EU gateway batch, an array of batches, the station's own file, or a signed envelope
 * around one of them. One bad entry refuses the whole file, so a list is never half replaced.
 */
export function parseRevocationBytes(bytes: Uint8Array, name: string, options: ReadRevocationOptions): Result<LoadedRevocationList, RevocationFileProblem> {
  const contentSha256 = createHash('sha256').update(bytes).digest('hex');
  const json = parseJson(bytes);
  if (json === undefined) return problem('not-a-revocation-list', `${name} is not JSON: a revocation list is an EU gateway batch or a "${STATION_REVOCATION_FORMAT}" file`);
  if (isObject(json) && json.format === SIGNED_REVOCATION_FORMAT) {
    const envelope = SignedRevocationSchema.safeParse(json);
    if (!envelope.success) return problem('not-a-revocation-list', `${name}: the signed revocation list is malformed (${firstIssue(envelope.error)})`);
    const opened = openSignedEnvelope(envelope.data, options.signers, 'revocation list');
    if (!opened.ok) return problem('signature', `${name}: ${opened.error.message}`);
    const inner = parseJson(opened.value.payload);
    if (inner === undefined || (isObject(inner) && inner.format === SIGNED_REVOCATION_FORMAT)) {
      return problem('not-a-revocation-list', `${name}: the signed payload is not an EU gateway batch or a station revocation file`);
    }
    const read = batchesOf(inner, name);
    return read.ok ? ok({ ...read.value, signedBy: opened.value.signedBy, contentSha256 }) : read;
  }
  if (options.requireSigned) return problem('unsigned', `${name} is not signed, and this station accepts signed revocation lists only`);
  const read = batchesOf(json, name);
  return read.ok ? ok({ ...read.value, signedBy: null, contentSha256 }) : read;
}

function batchesOf(json: unknown, name: string): Result<Pick<LoadedRevocationList, 'format' | 'batches' | 'entries'>, RevocationFileProblem> {
  let batches: RevocationBatch[];
  let format: LoadedRevocationList['format'] = 'eu-gateway';
  if (isObject(json) && json.format === STATION_REVOCATION_FORMAT) {
    const file = StationRevocationSchema.safeParse(json);
    if (!file.success) return problem('not-a-revocation-list', `${name}: the station revocation file is malformed (${firstIssue(file.error)})`);
    batches = file.data.batches;
    format = 'station';
  } else {
    const list = RevocationBatchSchema.array().safeParse(Array.isArray(json) ? json : [json]);
    if (!list.success) {
      return problem('not-a-revocation-list', `${name}: ${firstIssue(list.error)} (expected the EU gateway batch { country, expires, kid, hashType, entries: [{ hash }] })`);
    }
    batches = list.data;
  }
  const entries = new Map<string, RevocationEntry>();
  for (const [index, batch] of batches.entries()) {
    const where = `${name}: batch ${batch.batchId ?? index + 1}`;
    if (batch.kid !== UNKNOWN_KID && base64ToBytes(batch.kid)?.length !== 8) {
      return problem('bad-entry', `${where}: kid ${batch.kid} is neither the 8-byte kid of a signing certificate (base64) nor ${UNKNOWN_KID}`);
    }
    if (Number.isNaN(Date.parse(batch.expires))) return problem('bad-entry', `${where}: expires "${batch.expires}" is not a date and time`);
    for (const [at, { hash }] of batch.entries.entries()) {
      const bytes = base64ToBytes(hash);
      // The gateway carries the first 128 bits; a full SHA-256 names the same certificate.
      if (bytes?.length !== REVOCATION_HASH_BYTES && bytes?.length !== 32) {
        return problem('bad-entry', `${where}, entry ${at + 1}: hash "${hash}" is not the base64 of a 16-byte SHA-256 prefix`);
      }
      const entry: RevocationEntry = {
        type: batch.hashType,
        hash: bytesToBase64(bytes.subarray(0, REVOCATION_HASH_BYTES)),
        kid: batch.kid,
        country: batch.country.toUpperCase(),
        expires: batch.expires,
      };
      entries.set(`${entry.type}:${entry.hash}:${entry.kid}`, entry);
    }
  }
  if (entries.size === 0) return problem('empty', `${name} holds no revoked certificates`);
  return ok({ format, batches: batches.length, entries: [...entries.values()] });
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '').trim();
    if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('/')}: ${issue.message}` : issue.message;
}
