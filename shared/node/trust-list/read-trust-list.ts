import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { base64ToBytes, certificatesFromText, checkDscChain, parseCsca, parseDscCertificate, type CscaCertificate, type DscCertificate } from '../../domain/dcc';
import { err, ok, type Problem, type Result } from '../../domain/result';
import { readUserFile, type UserFileProblem } from '../files';
import type { TrustListFormat } from '../db/trust-list-repo';
import { openSignedEnvelope, type TrustListSigner } from './signed-envelope';
import {
  GatewayListSchema,
  SIGNED_TRUST_LIST_FORMAT,
  SignedTrustListSchema,
  STATION_TRUST_LIST_FORMAT,
  StationTrustListSchema,
  type GatewayEntry,
} from './trust-list-format';

export type TrustListFileCode =
  | 'unreadable'
  | 'too-large'
  | 'not-a-trust-list'
  | 'bad-certificate'
  | 'kid-mismatch'
  | 'empty'
  | 'signature'
  | 'unsigned'
  | 'chain';
export type TrustListFileProblem = Problem<TrustListFileCode>;

export interface LoadedTrustList {
  readonly format: TrustListFormat;
  /** The file or folder name, for the status bar and the import history. */
  readonly source: string;
  /** SHA-256 (hex) of the file bytes; for a folder, of its files' names and hashes. */
  readonly contentSha256: string;
  readonly signedBy: string | null;
  /** Distinct certificates (the same DER twice counts once), in file order. */
  readonly certificates: readonly DscCertificate[];
}

export interface ReadTrustListOptions {
  /**
   * Trust-list signer keys of the station. `undefined`: signatures are not checked (the CLI's
   * `dcc verify`). A signed file must verify with one of them.
   */
  readonly signers?: readonly TrustListSigner[];
  /** Refuse files without a signature (a station with a configured signer). */
  readonly requireSigned?: boolean;
}

/** A USB stick's EU gateway list is a few MB; anything near this limit is not a trust list. */
export const MAX_TRUST_LIST_BYTES = 32 * 1024 * 1024;
const MAX_FOLDER_FILES = 10_000;
const CERTIFICATE_FILE = /\.(pem|crt|cer|der)$/i;

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
const problem = (code: TrustListFileCode, message: string) => err<TrustListFileProblem>({ code, message });

/**
 * Reads a trust list from a file or folder (a USB stick): EU gateway JSON, the station's own file,
 * a signed envelope around either, PEM or DER certificates, or a folder of them. Every certificate
 * must parse: one bad entry fails the whole file, so a caller never half-replaces its list.
 */
export async function readTrustList(inputPath: string, options: ReadTrustListOptions = {}): Promise<Result<LoadedTrustList, TrustListFileProblem>> {
  const source = path.basename(path.resolve(inputPath));
  let stat;
  try {
    stat = await fs.stat(inputPath);
  } catch (error) {
    return problem('unreadable', `cannot read ${inputPath}: ${describeFsError(error)}`);
  }
  if (stat.isDirectory()) return readFolder(inputPath, source, options);
  const read = await readUserFile(inputPath, MAX_TRUST_LIST_BYTES);
  if (!read.ok) return fileProblem(read.error, source);
  const bytes = read.value;
  const parsed = await parseTrustListBytes(bytes, source, options);
  if (!parsed.ok) return parsed;
  return ok({ ...parsed.value, source, contentSha256: sha256(bytes) });
}

async function readFolder(dir: string, source: string, options: ReadTrustListOptions): Promise<Result<LoadedTrustList, TrustListFileProblem>> {
  const names = (await fs.readdir(dir)).filter((name) => CERTIFICATE_FILE.test(name)).sort();
  if (names.length === 0) return problem('empty', `the folder ${source} holds no certificate files (.pem, .crt, .cer, .der)`);
  if (names.length > MAX_FOLDER_FILES) return problem('too-large', `the folder ${source} holds ${names.length} certificate files; at most ${MAX_FOLDER_FILES} are read`);
  if (options.requireSigned) return problem('unsigned', `the folder ${source} is not signed, and this station accepts signed trust lists only`);
  const certificates: DscCertificate[] = [];
  const digest = createHash('sha256');
  let total = 0;
  for (const name of names) {
    // Every entry must be a regular file, and the whole folder stays within one list's size.
    const read = await readUserFile(path.join(dir, name), MAX_TRUST_LIST_BYTES - total);
    if (!read.ok) return fileProblem(read.error, `${name} in ${source}`);
    const bytes = read.value;
    total += bytes.length;
    const parsed = await certificatesFromFile(bytes, name);
    if (!parsed.ok) return parsed;
    certificates.push(...parsed.value);
    digest.update(`${name}\n${sha256(bytes)}\n`);
  }
  return ok({ format: 'folder', source, contentSha256: digest.digest('hex'), signedBy: null, certificates: distinct(certificates) });
}

/** The content of one trust-list file, whatever its form. */
export async function parseTrustListBytes(
  bytes: Uint8Array,
  name: string,
  options: ReadTrustListOptions = {},
): Promise<Result<Omit<LoadedTrustList, 'source' | 'contentSha256'>, TrustListFileProblem>> {
  const text = decodeText(bytes);
  const parsedJson = text === undefined ? undefined : parseJson(text);
  if (parsedJson && 'error' in parsedJson) return problem('not-a-trust-list', `${name} looks like JSON but is not valid JSON: ${parsedJson.error}`);
  const json = parsedJson?.value;
  if (parsedJson) {
    if (isObject(json) && json.format === SIGNED_TRUST_LIST_FORMAT) {
      const envelope = SignedTrustListSchema.safeParse(json);
      if (!envelope.success) return problem('not-a-trust-list', `${name}: the signed trust list is malformed (${firstIssue(envelope.error)})`);
      const opened = openSignedEnvelope(envelope.data, options.signers);
      if (!opened.ok) return problem('signature', `${name}: ${opened.error.message}`);
      const inner = parseJson(decodeText(opened.value.payload) ?? '');
      const innerJson = inner && 'value' in inner ? inner.value : undefined;
      if (innerJson === undefined || (isObject(innerJson) && innerJson.format === SIGNED_TRUST_LIST_FORMAT)) {
        return problem('not-a-trust-list', `${name}: the signed payload is not an EU gateway list or a station trust-list file`);
      }
      const list = await parseJsonTrustList(innerJson, name);
      if (!list.ok) return list;
      return ok({ ...list.value, signedBy: opened.value.signedBy });
    }
    if (options.requireSigned) return problem('unsigned', `${name} is not signed, and this station accepts signed trust lists only`);
    const list = await parseJsonTrustList(json, name);
    if (!list.ok) return list;
    return ok({ ...list.value, signedBy: null });
  }
  if (options.requireSigned) return problem('unsigned', `${name} is not signed, and this station accepts signed trust lists only`);
  const certificates = await certificatesFromFile(bytes, name);
  if (!certificates.ok) return certificates;
  const pem = text !== undefined && text.includes('-----BEGIN CERTIFICATE-----');
  return ok({ format: pem ? 'pem' : 'der', signedBy: null, certificates: distinct(certificates.value) });
}

async function parseJsonTrustList(json: unknown, name: string): Promise<Result<{ format: 'eu-gateway' | 'station'; certificates: DscCertificate[] }, TrustListFileProblem>> {
  if (Array.isArray(json)) {
    const list = GatewayListSchema.safeParse(json);
    if (!list.success) return problem('not-a-trust-list', `${name}: ${firstIssue(list.error)} (expected the EU gateway form [{ kid, country, certificateType, rawData }])`);
    const certificates = await gatewayCertificates(list.data, name);
    return certificates.ok ? ok({ format: 'eu-gateway', certificates: certificates.value }) : certificates;
  }
  if (isObject(json) && json.format === STATION_TRUST_LIST_FORMAT) {
    const file = StationTrustListSchema.safeParse(json);
    if (!file.success) return problem('not-a-trust-list', `${name}: the station trust-list file is malformed (${firstIssue(file.error)})`);
    const certificates = await gatewayCertificates(file.data.entries, name);
    return certificates.ok ? ok({ format: 'station', certificates: certificates.value }) : certificates;
  }
  return problem('not-a-trust-list', `${name} is JSON but not a trust list (expected the EU gateway array, a "${STATION_TRUST_LIST_FORMAT}" or a "${SIGNED_TRUST_LIST_FORMAT}" file)`);
}

async function gatewayCertificates(entries: readonly GatewayEntry[], name: string): Promise<Result<DscCertificate[], TrustListFileProblem>> {
  const cscas: CscaCertificate[] = [];
  for (const [index, item] of entries.entries()) {
    if (item.certificateType?.toUpperCase() !== 'CSCA') continue;
    const csca = parseCsca(base64ToBytes(item.rawData) ?? new Uint8Array(), { country: item.country });
    if (!csca.ok) return problem('bad-certificate', `${name}: entry ${index + 1} (CSCA of ${item.country}): ${csca.error.message}`);
    cscas.push(csca.value);
  }
  const certificates: DscCertificate[] = [];
  for (const [index, item] of entries.entries()) {
    // CSCA, UPLOAD and AUTHENTICATION entries are not document signers.
    if (item.certificateType !== undefined && item.certificateType.toUpperCase() !== 'DSC') continue;
    const der = base64ToBytes(item.rawData);
    if (!der || der.length === 0) return problem('bad-certificate', `${name}: entry ${index + 1} (kid ${item.kid}): rawData is not base64`);
    const dsc = await parseDscCertificate(der, { country: item.country });
    if (!dsc.ok) return problem('bad-certificate', `${name}: entry ${index + 1} (kid ${item.kid}): ${dsc.error.message}`);
    if (dsc.value.kid !== item.kid) {
      return problem('kid-mismatch', `${name}: entry ${index + 1}: kid ${item.kid} is not the SHA-256 prefix of its certificate (${dsc.value.kid})`);
    }
    // Where the list carries the state's CSCAs, its DSCs must chain to one of them.
    if (cscas.some((csca) => csca.country === dsc.value.country)) {
      const chain = await checkDscChain(dsc.value, cscas);
      if (!chain.ok) return problem('chain', `${name}: entry ${index + 1} (kid ${item.kid}): ${chain.error.message}`);
    }
    certificates.push(dsc.value);
  }
  if (certificates.length === 0) return problem('empty', `${name} holds no document signer certificates (DSC)`);
  return ok(distinct(certificates));
}

async function certificatesFromFile(bytes: Uint8Array, name: string): Promise<Result<DscCertificate[], TrustListFileProblem>> {
  // DER starts with a SEQUENCE tag; anything else is read as text (PEM, or bare base64 DER).
  const ders = bytes[0] === 0x30 ? [bytes] : certificatesFromText(decodeText(bytes) ?? '');
  if (!ders || ders.length === 0) {
    return problem('not-a-trust-list', `${name} is not a trust list: neither JSON, PEM nor DER certificate data`);
  }
  const certificates: DscCertificate[] = [];
  for (const [index, der] of ders.entries()) {
    const dsc = await parseDscCertificate(der);
    const which = ders.length > 1 ? ` (certificate ${index + 1})` : '';
    if (!dsc.ok) return problem('bad-certificate', `${name}${which}: ${dsc.error.message}`);
    certificates.push(dsc.value);
  }
  return ok(certificates);
}

function distinct(certificates: readonly DscCertificate[]): DscCertificate[] {
  const seen = new Set<string>();
  return certificates.filter((c) => {
    const key = sha256(c.der);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** `undefined` when the text does not look like JSON at all; `{ error }` when it does but does not parse. */
function parseJson(text: string): { value: unknown } | { error: string } | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return undefined;
  try {
    return { value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('/')}: ${issue.message}` : issue.message;
}

function fileProblem(trouble: UserFileProblem, what: string) {
  if (trouble.code === 'too-large') return problem('too-large', `${what} is too large for a trust list: ${trouble.message}`);
  return problem('unreadable', `cannot read ${what}: ${trouble.message}`);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
