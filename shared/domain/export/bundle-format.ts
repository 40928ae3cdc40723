import { signedHeadShapeProblem, type SignedHead } from '../audit-anchor';

/**
 * The daily export bundle: a folder or a .zip holding these files. manifest.json lists the
 * SHA-256 of every other file and is signed (Ed25519, manifest.sig = base64 signature over the exact bytes
 * of manifest.json), so the central side can prove the bundle complete and untouched.
 */
export const BUNDLE_FORMAT = 'checkpoint-station/export-bundle';
/** The version this program writes; it reads every version in SCHEMA_VERSIONS (docs/export.md says what changed). */
export const BUNDLE_SCHEMA_VERSION = 2;
export const SCHEMA_VERSIONS: readonly number[] = [1, 2];

export const CROSSINGS_JSONL = 'crossings.jsonl';
export const CROSSINGS_CSV = 'crossings.csv';
export const ALERTS_JSONL = 'alerts.jsonl';
export const SUMMARY_JSON = 'summary.json';
export const MANIFEST_JSON = 'manifest.json';
export const MANIFEST_SIG = 'manifest.sig';

/** The hashed data files, in manifest order. */
export const DATA_FILES = [CROSSINGS_JSONL, CROSSINGS_CSV, ALERTS_JSONL, SUMMARY_JSON] as const;
export type DataFileName = (typeof DATA_FILES)[number];
export const BUNDLE_FILES = [...DATA_FILES, MANIFEST_JSON, MANIFEST_SIG] as const;

export interface BundlePeriod {
  /** ISO with the station's offset; the period is [from, to). */
  readonly from: string;
  readonly to: string;
  /** IANA zone the times are written in. */
  readonly timeZone: string;
}

export interface ManifestFile {
  readonly name: DataFileName;
  readonly sha256: string;
  readonly bytes: number;
  /** Data rows (JSONL lines, CSV records without the header); absent for summary.json. */
  readonly rows?: number;
}

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly schemaVersion: number;
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly period: BundlePeriod;
  readonly createdAt: string;
  readonly appVersion: string;
  readonly files: readonly ManifestFile[];
  readonly rows: { readonly crossings: number; readonly alerts: number };
  /** Sequence numbers of the first and last crossing in the bundle (null when none). */
  readonly crossings: {
    readonly firstSequence: number | null;
    readonly lastSequence: number | null;
    /**
     * Numbers between first and last that belong to another period (recorded while the clock was wrong):
     * declared so that a verifier can tell them from a deleted row.
     */
    readonly missingSequences: readonly number[];
  };
  /**
   * The station's audit hash chain across the period: `before` is the chain head when the period began,
   * `first` / `last` the hashes of the period's first and last audit rows (last = before when none).
   * The next day's bundle starts where this one ends: its `before` equals this `last`.
   */
  readonly audit: { readonly rows: number; readonly before: string; readonly first: string | null; readonly last: string };
  readonly signer: { readonly algorithm: 'Ed25519'; readonly publicKey: string; readonly fingerprint: string };
  /**
   * Version 2, on a later export of a period already exported: the bundle this one replaces (the SHA-256 of
   * its manifest.json) and the sequence numbers of the crossings that are new or differ from it. The bundle
   * itself is complete (every crossing of the period, in its state now); the replaced one is never changed.
   */
  readonly supersedes?: Supersedes;
  /**
   * Version 2: the newest heads of the station's audit chain, each signed with the station key and kept outside its
   * database (the last one signed as this bundle was written). A later bundle whose heads go backwards (a lower row
   * signed later: rows removed) or give a row another hash (the chain rewritten) breaks the station's continuity.
   */
  readonly auditHeads?: readonly SignedHead[];
}

export interface Supersedes {
  readonly manifestSha256: string;
  readonly changedSequences: readonly number[];
}

/** Heads a manifest carries: the newest ones, enough to compare with the bundles before it. */
export const MAX_AUDIT_HEADS = 1000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isHex64 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isSeq = (value: unknown): boolean => value === null || (typeof value === 'number' && Number.isInteger(value) && value > 0);
const isIso = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** Checks the manifest's shape by hand (the domain carries no schema library); names the first thing wrong. */
export function manifestShapeProblem(value: unknown): string | null {
  if (!isObject(value)) return 'it is not a JSON object';
  if (value.format !== BUNDLE_FORMAT) return `"format" is not ${BUNDLE_FORMAT}`;
  if (typeof value.schemaVersion !== 'number' || !SCHEMA_VERSIONS.includes(value.schemaVersion)) {
    return `schema version ${String(value.schemaVersion)} is not one this program reads (${SCHEMA_VERSIONS.join(', ')})`;
  }
  if (typeof value.stationId !== 'string' || value.stationId.length === 0) return '"stationId" is missing';
  if (!(value.checkpointId === null || typeof value.checkpointId === 'string')) return '"checkpointId" is not text';
  const period = value.period;
  if (!isObject(period) || !isIso(period.from) || !isIso(period.to) || typeof period.timeZone !== 'string') return '"period" needs from, to and timeZone';
  if (!isIso(value.createdAt)) return '"createdAt" is not a time';
  if (!Array.isArray(value.files)) return '"files" is not a list';
  for (const file of value.files as unknown[]) {
    if (!isObject(file) || typeof file.name !== 'string' || !isHex64(file.sha256) || !isCount(file.bytes) || !(file.rows === undefined || isCount(file.rows))) {
      return 'an entry of "files" needs name, sha256 (64 hex digits), bytes and rows';
    }
  }
  const rows = value.rows;
  if (!isObject(rows) || !isCount(rows.crossings) || !isCount(rows.alerts)) return '"rows" needs crossings and alerts counts';
  const crossings = value.crossings;
  if (!isObject(crossings) || !isSeq(crossings.firstSequence) || !isSeq(crossings.lastSequence) || !Array.isArray(crossings.missingSequences)) {
    return '"crossings" needs firstSequence, lastSequence and missingSequences';
  }
  const audit = value.audit;
  if (!isObject(audit) || !isCount(audit.rows) || !isHex64(audit.before) || !(audit.first === null || isHex64(audit.first)) || !isHex64(audit.last)) {
    return '"audit" needs rows, before, first and last hashes';
  }
  const signer = value.signer;
  if (!isObject(signer) || signer.algorithm !== 'Ed25519' || typeof signer.publicKey !== 'string' || !isHex64(signer.fingerprint)) {
    return '"signer" needs algorithm Ed25519, publicKey and fingerprint';
  }
  if (value.supersedes !== undefined) {
    const supersedes = value.supersedes;
    if ((value.schemaVersion as number) < 2) return '"supersedes" needs schema version 2';
    if (!isObject(supersedes) || !isHex64(supersedes.manifestSha256) || !Array.isArray(supersedes.changedSequences) || !supersedes.changedSequences.every((n) => n !== null && isSeq(n))) {
      return '"supersedes" needs manifestSha256 (64 hex digits) and changedSequences';
    }
  }
  if (value.auditHeads !== undefined) {
    if ((value.schemaVersion as number) < 2) return '"auditHeads" needs schema version 2';
    if (!Array.isArray(value.auditHeads) || value.auditHeads.length > MAX_AUDIT_HEADS) return `"auditHeads" is not a list of at most ${MAX_AUDIT_HEADS} signed heads`;
    for (const head of value.auditHeads as unknown[]) {
      const problem = signedHeadShapeProblem(head);
      if (problem) return `"auditHeads": ${problem}`;
    }
  }
  return null;
}

/** manifest.json as written: indented for people; the signature covers these exact bytes. */
export const manifestText = (manifest: BundleManifest): string => `${JSON.stringify(manifest, null, 2)}\n`;
