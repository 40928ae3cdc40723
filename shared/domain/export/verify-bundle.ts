import { headContinuityProblems, signedHeadText } from '../audit-anchor';
import {
  ALERTS_JSONL,
  BUNDLE_FILES,
  CROSSINGS_CSV,
  CROSSINGS_JSONL,
  DATA_FILES,
  MANIFEST_JSON,
  MANIFEST_SIG,
  SUMMARY_JSON,
  manifestShapeProblem,
  type BundleManifest,
} from './bundle-format';
import { publicKeyFingerprint, sha256Hex, webCryptoEd25519, type SignatureVerifier } from './crypto';
import { UTF8_BOM, csvCellText, csvRecord, parseCsv } from './csv';
import { crossingCsvCells, crossingCsvColumns } from './crossing-columns';
import type { AnyCrossingExportRow } from './export-rows';
import { SummaryBuilder, type BundleSummary } from './summary';
import { linesBySequence, supersessionProblems } from './verify-supersession';

export type BundleProblemCode =
  | 'missing-file'
  | 'unexpected-file'
  | 'manifest-invalid'
  | 'signature-invalid'
  | 'wrong-key'
  | 'hash-mismatch'
  | 'size-mismatch'
  | 'row-count-mismatch'
  | 'malformed-row'
  | 'sequence-mismatch'
  | 'csv-mismatch'
  | 'summary-mismatch'
  | 'chain-broken'
  | 'supersession-broken';

export interface BundleProblem {
  readonly code: BundleProblemCode;
  readonly file?: string;
  readonly message: string;
}

/** The key a bundle must be signed with: the station's public key (base64 SPKI DER), or only its fingerprint. */
export type ExpectedSigner = { readonly publicKey: string } | { readonly fingerprint: string };

export interface VerifyBundleInput {
  /** File name → bytes, as read from the folder or the zip. */
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly signer: ExpectedSigner;
  /** The bundle before this one: checks that the two follow each other without a gap. */
  readonly previous?: ReadonlyMap<string, Uint8Array>;
  /** The bundle this one replaces (its manifest's "supersedes"): checks the replacement and its list of changes. */
  readonly replaced?: ReadonlyMap<string, Uint8Array>;
  readonly verifier?: SignatureVerifier;
  /**
   * SHA-256 (hex) of a file's bytes; WebCrypto when not given. Node passes its own (shared/node/export
   * nodeSha256): WebCrypto copies each file first, several times slower on a 60 MB crossings.jsonl.
   */
  readonly sha256?: (bytes: Uint8Array) => string | Promise<string>;
}

export interface BundleVerification {
  readonly ok: boolean;
  readonly problems: readonly BundleProblem[];
  readonly manifest: BundleManifest | null;
  /** SHA-256 of manifest.json: the bundle's identity (the outbox's idempotency key). */
  readonly manifestSha256: string | null;
}

/** Details per kind of problem before the rest is summed up: enough to point at the edit, not a wall of text. */
const MAX_DETAILS = 20;

class Problems {
  readonly list: BundleProblem[] = [];
  private readonly overflow = new Map<string, { code: BundleProblemCode; file?: string; count: number }>();

  add(code: BundleProblemCode, message: string, file?: string): void {
    const key = `${code}:${file ?? ''}`;
    const same = this.list.filter((p) => p.code === code && p.file === file).length;
    if (same < MAX_DETAILS) {
      this.list.push(file === undefined ? { code, message } : { code, file, message });
      return;
    }
    const extra = this.overflow.get(key) ?? { code, ...(file === undefined ? {} : { file }), count: 0 };
    extra.count += 1;
    this.overflow.set(key, extra);
  }

  done(): BundleProblem[] {
    for (const extra of this.overflow.values()) {
      const where = extra.file ? ` in ${extra.file}` : '';
      this.list.push({ code: extra.code, ...(extra.file === undefined ? {} : { file: extra.file }), message: `… and ${extra.count} more problem(s) of this kind${where}` });
    }
    return this.list;
  }
}

// ignoreBOM: keep the byte order mark in the text, so its absence can be reported.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const short = (hash: string): string => `${hash.slice(0, 16)}…`;

/**
 * Calls `each` with every JSONL line, decoded one by one (a 60 MB file never becomes one string); a final
 * newline ends the last line and does not start another. Byte 0x0A is a newline in UTF-8 and nothing else,
 * so the lines are those of the decoded text split at '\n'. Returns the number of lines.
 */
function forEachLine(bytes: Uint8Array, each: (line: string, index: number) => void): number {
  let index = 0;
  for (let start = 0; start < bytes.length; index += 1) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    each(decoder.decode(bytes.subarray(start, end)), index);
    start = end + 1;
  }
  return index;
}

// A tampered reason (null, a number) must be named as a bad row, not crash the CSV comparison that reads it.
function isReason(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const reason = value as Record<string, unknown>;
  return typeof reason.code === 'string' && typeof reason.severity === 'string' && typeof reason.message === 'string';
}

const DISPOSITIONS: readonly unknown[] = ['crossed', 'refused', 'held', 'cancelled'];
const OUTCOMES: readonly unknown[] = ['OK', 'NOT_OK', 'NEEDS_CROSS_CHECK'];

/** The version 2 fields a CSV comparison and the summary read: present and of the right kind. */
function hasState(row: Record<string, unknown>): boolean {
  const current = row.current as Record<string, unknown> | null;
  const pairing = row.pairing as Record<string, unknown> | null;
  return (
    DISPOSITIONS.includes(row.disposition) &&
    typeof current === 'object' &&
    current !== null &&
    DISPOSITIONS.includes(current.disposition) &&
    (current.direction === 'entry' || current.direction === 'exit') &&
    OUTCOMES.includes(current.outcome) &&
    (current.groupId === null || typeof current.groupId === 'string') &&
    Array.isArray(row.overrides) &&
    Array.isArray(row.corrections) &&
    Array.isArray(row.evidence) &&
    (pairing === null || (typeof pairing === 'object' && typeof pairing.crossingId === 'string'))
  );
}

function isCrossingRow(value: unknown, version: number): value is AnyCrossingExportRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  const document = row.document as Record<string, unknown> | null;
  if (version >= 2 && !hasState(row)) return false;
  return (
    typeof row.id === 'string' &&
    typeof row.sequence === 'number' &&
    typeof row.recordedAt === 'string' &&
    (row.direction === 'entry' || row.direction === 'exit') &&
    OUTCOMES.includes(row.outcome) &&
    Array.isArray(row.reasons) &&
    row.reasons.every(isReason) &&
    typeof document === 'object' &&
    document !== null &&
    typeof document.documentNumber === 'string'
  );
}

async function readManifest(
  files: ReadonlyMap<string, Uint8Array>,
  signer: ExpectedSigner,
  verifier: SignatureVerifier,
  problems: Problems,
  label: string,
): Promise<{ manifest: BundleManifest | null; sha256: string | null }> {
  const bytes = files.get(MANIFEST_JSON);
  if (!bytes) {
    problems.add('missing-file', `${label}missing file ${MANIFEST_JSON}: nothing in the bundle can be checked without it`, MANIFEST_JSON);
    return { manifest: null, sha256: null };
  }
  const sha256 = await sha256Hex(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch {
    problems.add('manifest-invalid', `${label}${MANIFEST_JSON} is not valid JSON`, MANIFEST_JSON);
    return { manifest: null, sha256 };
  }
  const shape = manifestShapeProblem(parsed);
  if (shape) {
    problems.add('manifest-invalid', `${label}${MANIFEST_JSON} is not a bundle manifest: ${shape}`, MANIFEST_JSON);
    return { manifest: null, sha256 };
  }
  const manifest = parsed as BundleManifest;

  // Which key: the one given, or — given only a fingerprint — the key in the manifest if its fingerprint matches.
  let publicKey: string | null;
  if ('publicKey' in signer) {
    publicKey = signer.publicKey.replace(/\s+/g, '');
    if (manifest.signer.publicKey !== publicKey) {
      const given = await publicKeyFingerprint(publicKey);
      problems.add(
        'wrong-key',
        `${label}the bundle says it was signed by key ${short(manifest.signer.fingerprint)}, not by the given key ${given ? short(given) : '(unreadable)'}`,
        MANIFEST_SIG,
      );
    }
  } else {
    const actual = await publicKeyFingerprint(manifest.signer.publicKey);
    const expected = signer.fingerprint.toLowerCase().replace(/[^0-9a-f]/g, '');
    if (actual !== expected) {
      problems.add('wrong-key', `${label}the bundle was signed by key ${actual ? short(actual) : '(unreadable)'}, not by the key with fingerprint ${short(expected)}`, MANIFEST_SIG);
      publicKey = null;
    } else {
      publicKey = manifest.signer.publicKey;
    }
  }
  const signature = files.get(MANIFEST_SIG);
  if (!signature) {
    problems.add('missing-file', `${label}missing file ${MANIFEST_SIG}: the manifest is not signed`, MANIFEST_SIG);
  } else if (publicKey !== null && !(await verifier.verify(publicKey, bytes, decoder.decode(signature).trim()))) {
    problems.add('signature-invalid', `${label}signature invalid: ${MANIFEST_SIG} does not match ${MANIFEST_JSON} under the given key`, MANIFEST_SIG);
  }
  return { manifest, sha256 };
}

/** Parses one crossings.jsonl line: the row, or why it is not one. */
function parseCrossingLine(line: string, version: number): AnyCrossingExportRow | 'not-json' | 'not-a-crossing' {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not-json';
  }
  return isCrossingRow(value, version) ? value : 'not-a-crossing';
}

const encoder = new TextEncoder();
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Checks, record by record as the JSONL rows stream past, that crossings.csv is byte for byte what the writer
 * makes from them (BOM, header, one record per row in order): true for every untouched bundle, and no CSV
 * text is decoded or parsed. Any difference only clears `exact`; the record-by-record diff then names it.
 */
class ExactCsv {
  exact: boolean;
  private at: number;
  private scratch = new Uint8Array(64 * 1024);

  constructor(
    private readonly csv: Uint8Array,
    private readonly version: number,
  ) {
    const head = encoder.encode(UTF8_BOM + csvRecord(crossingCsvColumns(version)));
    this.exact = this.matches(head, head.length, 0);
    this.at = head.length;
  }

  private matches(bytes: Uint8Array, length: number, at: number): boolean {
    const csv = this.csv;
    if (at + length > csv.length) return false;
    for (let i = 0; i < length; i += 1) if (bytes[i] !== csv[at + i]) return false;
    return true;
  }

  row(row: AnyCrossingExportRow): void {
    if (!this.exact) return;
    const record = csvRecord(crossingCsvCells(row, this.version));
    // A lone surrogate cannot be written as UTF-8 (it becomes U+FFFD): the cell then differs from the JSONL.
    if (SURROGATE.test(record) && LONE_SURROGATE.test(record)) {
      this.exact = false;
      return;
    }
    if (record.length * 3 > this.scratch.length) this.scratch = new Uint8Array(record.length * 3);
    const { written } = encoder.encodeInto(record, this.scratch);
    if (!this.matches(this.scratch, written, this.at)) this.exact = false;
    this.at += written;
  }

  /** True when the rows covered the whole file. */
  done(): boolean {
    return this.exact && this.at === this.csv.length;
  }
}

/**
 * One pass over crossings.jsonl: each line parsed once and dropped (a 100k-row bundle is never held as
 * objects), counted into the summary recount and compared with its CSV record as it goes.
 */
function checkCrossings(manifest: BundleManifest, jsonl: Uint8Array, csv: Uint8Array | undefined, problems: Problems): SummaryBuilder {
  const version = manifest.schemaVersion;
  const recount = new SummaryBuilder(version);
  const sequences: number[] = [];
  const exactCsv = csv ? new ExactCsv(csv, version) : null;
  const lines = forEachLine(jsonl, (line, index) => {
    const row = parseCrossingLine(line, version);
    if (row === 'not-json') problems.add('malformed-row', `${CROSSINGS_JSONL} line ${index + 1} is not valid JSON`, CROSSINGS_JSONL);
    else if (row === 'not-a-crossing') problems.add('malformed-row', `${CROSSINGS_JSONL} line ${index + 1} is not a crossing`, CROSSINGS_JSONL);
    else {
      sequences.push(row.sequence);
      recount.addCrossing(row);
      exactCsv?.row(row);
    }
  });
  if (lines !== manifest.rows.crossings) {
    problems.add('row-count-mismatch', `${CROSSINGS_JSONL} has ${lines} rows, the manifest says ${manifest.rows.crossings}`, CROSSINGS_JSONL);
  }

  // Sequences: increasing; first and last as the manifest says; any skipped number was declared by the writer.
  // "line" counts the readable rows, as it always has.
  const declared = new Set(manifest.crossings.missingSequences);
  for (let i = 1; i < sequences.length; i += 1) {
    const before = sequences[i - 1] as number;
    const current = sequences[i] as number;
    if (current <= before) {
      problems.add('sequence-mismatch', `${CROSSINGS_JSONL} line ${i + 1}: crossing #${current} comes after #${before} (out of order or repeated)`, CROSSINGS_JSONL);
      continue;
    }
    for (let missing = before + 1; missing < current; missing += 1) {
      if (!declared.has(missing)) problems.add('sequence-mismatch', `crossing #${missing} is missing from ${CROSSINGS_JSONL} (between lines ${i} and ${i + 1})`, CROSSINGS_JSONL);
    }
  }
  const first = sequences[0] ?? null;
  const last = sequences[sequences.length - 1] ?? null;
  if (first !== manifest.crossings.firstSequence || last !== manifest.crossings.lastSequence) {
    problems.add(
      'sequence-mismatch',
      `${CROSSINGS_JSONL} runs from crossing #${first ?? '–'} to #${last ?? '–'}, the manifest says #${manifest.crossings.firstSequence ?? '–'} to #${manifest.crossings.lastSequence ?? '–'}`,
      CROSSINGS_JSONL,
    );
  }

  // Anything but an exact CSV (even a harmless re-quoting) gets the record-by-record comparison, on the rows
  // parsed again: only a changed bundle pays for holding them all.
  if (csv && !(sequences.length === manifest.rows.crossings && exactCsv?.done())) {
    const rows: AnyCrossingExportRow[] = [];
    forEachLine(jsonl, (line) => {
      const row = parseCrossingLine(line, version);
      if (typeof row !== 'string') rows.push(row);
    });
    checkCsv(manifest, rows, csv, problems);
  }
  return recount;
}

/** The record-by-record comparison of crossings.csv with the JSONL rows: names every row and cell that differs. */
function checkCsv(manifest: BundleManifest, rows: readonly AnyCrossingExportRow[], csv: Uint8Array, problems: Problems): void {
  const columns = crossingCsvColumns(manifest.schemaVersion);
  let text = decoder.decode(csv);
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  else problems.add('malformed-row', `${CROSSINGS_CSV} does not start with the UTF-8 byte order mark`, CROSSINGS_CSV);
  const { records, error } = parseCsv(text);
  if (error) problems.add('malformed-row', `${CROSSINGS_CSV} record ${error.record} is not valid CSV: ${error.message}`, CROSSINGS_CSV);
  const [header, ...data] = records;
  if (!header || header.join(',') !== columns.join(',')) {
    problems.add('csv-mismatch', `${CROSSINGS_CSV} header row is not ${columns.join(',')}`, CROSSINGS_CSV);
  }
  if (data.length !== manifest.rows.crossings) {
    problems.add('row-count-mismatch', `${CROSSINGS_CSV} has ${data.length} rows, the manifest says ${manifest.rows.crossings}`, CROSSINGS_CSV);
  }
  const expected = new Map<string, { row: AnyCrossingExportRow; line: number }>();
  rows.forEach((row, index) => expected.set(row.id, { row, line: index + 1 }));
  const seen = new Set<string>();
  data.forEach((record, index) => {
    const recordNo = index + 1;
    const id = record[0] ?? '';
    const match = expected.get(id);
    if (!match) {
      problems.add('csv-mismatch', `${CROSSINGS_CSV} row ${recordNo} (crossing #${record[1] ?? '?'}, id ${id || 'empty'}) is not in ${CROSSINGS_JSONL}`, CROSSINGS_CSV);
      return;
    }
    if (seen.has(id)) {
      problems.add('csv-mismatch', `${CROSSINGS_CSV} row ${recordNo} repeats crossing #${match.row.sequence}`, CROSSINGS_CSV);
      return;
    }
    seen.add(id);
    const cells = crossingCsvCells(match.row, manifest.schemaVersion);
    if (record.length !== cells.length) {
      problems.add('csv-mismatch', `${CROSSINGS_CSV} row ${recordNo} (crossing #${match.row.sequence}) has ${record.length} cells, not ${cells.length}`, CROSSINGS_CSV);
      return;
    }
    cells.forEach((cell, column) => {
      const want = csvCellText(cell);
      if (record[column] !== want) {
        problems.add(
          'csv-mismatch',
          `${CROSSINGS_CSV} row ${recordNo} (crossing #${match.row.sequence}), column ${columns[column]}: "${record[column]}" differs from ${CROSSINGS_JSONL} ("${want}")`,
          CROSSINGS_CSV,
        );
      }
    });
  });
  for (const { row, line } of expected.values()) {
    if (!seen.has(row.id)) problems.add('csv-mismatch', `row ${line} (crossing #${row.sequence}) is missing from ${CROSSINGS_CSV}`, CROSSINGS_CSV);
  }
}

/** `recount`: the crossings of crossings.jsonl counted by checkCrossings; the alerts are added here. */
function checkSummary(manifest: BundleManifest, recount: SummaryBuilder, alertTypes: readonly string[] | null, bytes: Uint8Array, problems: Problems): void {
  let summary: BundleSummary;
  try {
    summary = JSON.parse(decoder.decode(bytes)) as BundleSummary;
  } catch {
    problems.add('malformed-row', `${SUMMARY_JSON} is not valid JSON`, SUMMARY_JSON);
    return;
  }
  for (const type of alertTypes ?? []) recount.addAlert({ type });
  const built = recount.build(manifest.stationId, manifest.period);
  const parts: [string, unknown, unknown][] = [
    ['crossing counts', summary.crossings, built.crossings],
    ['counts per corridor', summary.byCorridor, built.byCorridor],
    ['counts per hour', summary.byHour, built.byHour],
    ['processed per group', summary.groups?.map((g) => [g.groupId, g.processed, g.entry, g.exit]), built.groups.map((g) => [g.groupId, g.processed, g.entry, g.exit])],
  ];
  if (alertTypes) parts.push(['alert counts', summary.alerts, built.alerts]);
  for (const [what, stated, actual] of parts) {
    if (JSON.stringify(stated) !== JSON.stringify(actual)) {
      problems.add('summary-mismatch', `${SUMMARY_JSON}: the ${what} do not match ${CROSSINGS_JSONL}${what === 'alert counts' ? ` / ${ALERTS_JSONL}` : ''}`, SUMMARY_JSON);
    }
  }
}

function alertTypesOf(bytes: Uint8Array, manifest: BundleManifest, problems: Problems): string[] | null {
  let lines = 0;
  for (let at = 0; at < bytes.length; lines += 1) {
    const end = bytes.indexOf(0x0a, at);
    at = end === -1 ? bytes.length : end + 1;
  }
  if (lines !== manifest.rows.alerts) {
    problems.add('row-count-mismatch', `${ALERTS_JSONL} has ${lines} rows, the manifest says ${manifest.rows.alerts}`, ALERTS_JSONL);
  }
  const types: string[] = [];
  let readable = true;
  forEachLine(bytes, (line, index) => {
    try {
      const value = JSON.parse(line) as { type?: unknown };
      if (typeof value.type !== 'string') throw new Error('no type');
      types.push(value.type);
    } catch {
      readable = false;
      problems.add('malformed-row', `${ALERTS_JSONL} line ${index + 1} is not an alert`, ALERTS_JSONL);
    }
  });
  return readable ? types : null;
}

/**
 * Whether `current` follows `previous` without a gap: same station, periods meet, the audit chain continues,
 * no crossing in both or in neither. The central side checks each received bundle against the one before.
 */
/** Each signed chain head in the manifest: the station's, signed with the bundle's key, and telling one story. */
async function checkAuditHeads(manifest: BundleManifest, verifier: SignatureVerifier, problems: Problems): Promise<void> {
  const heads = manifest.auditHeads ?? [];
  for (const head of heads) {
    const signed = head.stationId === manifest.stationId && head.publicKey === manifest.signer.publicKey;
    if (!signed || !(await verifier.verify(head.publicKey, encoder.encode(signedHeadText(head)), head.signature))) {
      problems.add('manifest-invalid', `the audit head of row ${head.seq} signed at ${head.at} is not signed by this station's key`, MANIFEST_JSON);
    }
  }
  for (const message of headContinuityProblems(heads)) problems.add('chain-broken', `signed audit heads: ${message}`, MANIFEST_JSON);
}

export function chainProblems(previous: BundleManifest, current: BundleManifest): BundleProblem[] {
  const problems = new Problems();
  checkChain(previous, current, problems);
  return problems.done();
}

function checkChain(previous: BundleManifest, current: BundleManifest, problems: Problems): void {
  if (previous.stationId !== current.stationId) {
    problems.add('chain-broken', `the previous bundle is from station ${previous.stationId}, this one from ${current.stationId}`);
    return;
  }
  if (Date.parse(previous.period.to) !== Date.parse(current.period.from)) {
    problems.add('chain-broken', `the previous bundle ends at ${previous.period.to} but this one starts at ${current.period.from}: the periods do not meet`);
  }
  if (previous.audit.last !== current.audit.before) {
    problems.add(
      'chain-broken',
      `audit chain broken between the bundles: the previous bundle ends at audit hash ${short(previous.audit.last)}, this one starts after ${short(current.audit.before)}`,
    );
  }
  for (const message of headContinuityProblems([...(previous.auditHeads ?? []), ...(current.auditHeads ?? [])])) problems.add('chain-broken', `signed audit heads: ${message}`);
  const lastBefore = previous.crossings.lastSequence;
  const firstNow = current.crossings.firstSequence;
  if (lastBefore !== null && firstNow !== null) {
    if (firstNow <= lastBefore) problems.add('chain-broken', `crossing #${firstNow} is in both bundles (the previous one ends at #${lastBefore})`);
    else if (firstNow > lastBefore + 1) {
      problems.add('chain-broken', `crossings #${lastBefore + 1}–#${firstNow - 1} are in neither bundle (the previous one ends at #${lastBefore}, this one starts at #${firstNow})`);
    }
  }
}

/**
 * Checks a bundle given as bytes: the signature against the expected key, every file's hash and size,
 * row counts, that crossings.csv holds exactly the rows of crossings.jsonl, that summary.json adds up, and
 * — given the previous bundle — that the two follow each other. Every problem is named; none stops the rest.
 */
export async function verifyBundle(input: VerifyBundleInput): Promise<BundleVerification> {
  const verifier = input.verifier ?? webCryptoEd25519;
  const hash = input.sha256 ?? sha256Hex;
  const problems = new Problems();
  const { manifest, sha256 } = await readManifest(input.files, input.signer, verifier, problems, '');
  if (!manifest) {
    for (const name of DATA_FILES) if (!input.files.has(name)) problems.add('missing-file', `missing file ${name}`, name);
    return { ok: false, problems: problems.done(), manifest: null, manifestSha256: sha256 };
  }

  await checkAuditHeads(manifest, verifier, problems);

  const listed = new Map(manifest.files.map((file) => [file.name as string, file]));
  for (const name of DATA_FILES) {
    const bytes = input.files.get(name);
    const entry = listed.get(name);
    if (!entry) problems.add('manifest-invalid', `${MANIFEST_JSON} does not list ${name}`, name);
    if (!bytes) {
      problems.add('missing-file', `missing file ${name}`, name);
      continue;
    }
    if (!entry) continue;
    const actual = await hash(bytes);
    if (actual !== entry.sha256) problems.add('hash-mismatch', `hash mismatch in ${name}: the manifest says ${short(entry.sha256)}, the file has ${short(actual)}`, name);
    if (bytes.length !== entry.bytes) problems.add('size-mismatch', `${name} has ${bytes.length} bytes, the manifest says ${entry.bytes}`, name);
  }
  for (const name of listed.keys()) {
    if (!(DATA_FILES as readonly string[]).includes(name)) problems.add('manifest-invalid', `${MANIFEST_JSON} lists a file this format does not have: ${name}`, name);
  }
  for (const name of input.files.keys()) {
    if (!(BUNDLE_FILES as readonly string[]).includes(name)) problems.add('unexpected-file', `unexpected file ${name} in the bundle`, name);
  }

  const jsonl = input.files.get(CROSSINGS_JSONL);
  const recount = jsonl ? checkCrossings(manifest, jsonl, input.files.get(CROSSINGS_CSV), problems) : null;
  const alerts = input.files.get(ALERTS_JSONL);
  const alertTypes = alerts ? alertTypesOf(alerts, manifest, problems) : null;
  const summary = input.files.get(SUMMARY_JSON);
  if (summary && recount) checkSummary(manifest, recount, alertTypes, summary, problems);

  if (input.previous) {
    const previousProblems = new Problems();
    const previous = await readManifest(input.previous, input.signer, verifier, previousProblems, 'previous bundle: ');
    for (const problem of previousProblems.done()) problems.add(problem.code, problem.message);
    if (previous.manifest) checkChain(previous.manifest, manifest, problems);
  }

  if (input.replaced) {
    const replacedProblems = new Problems();
    const replaced = await readManifest(input.replaced, input.signer, verifier, replacedProblems, 'replaced bundle: ');
    for (const problem of replacedProblems.done()) problems.add(problem.code, problem.message);
    if (replaced.manifest && replaced.sha256) {
      const lines = (files: ReadonlyMap<string, Uint8Array>) => linesBySequence(decoder.decode(files.get(CROSSINGS_JSONL) ?? new Uint8Array()));
      const found = supersessionProblems({
        replaced: { manifest: replaced.manifest, manifestSha256: replaced.sha256, lines: lines(input.replaced) },
        current: { manifest, lines: lines(input.files) },
      });
      for (const problem of found) problems.add(problem.code, problem.message);
    }
  }

  const list = problems.done();
  return { ok: list.length === 0, problems: list, manifest, manifestSha256: sha256 };
}
