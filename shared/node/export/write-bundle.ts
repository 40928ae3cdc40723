import { createHash, randomBytes, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  ALERTS_JSONL,
  BUNDLE_FORMAT,
  BUNDLE_SCHEMA_VERSION,
  CROSSING_CSV_COLUMNS,
  CROSSINGS_CSV,
  CROSSINGS_JSONL,
  MANIFEST_JSON,
  MANIFEST_SIG,
  SUMMARY_JSON,
  StationTime,
  SummaryBuilder,
  UTF8_BOM,
  alertJsonLine,
  crossingCsvCells,
  crossingExportRowV2,
  crossingJsonLine,
  csvRecord,
  manifestText,
  type BundleManifest,
  type BundlePeriod,
  type DataFileName,
  type ExportableAlert,
  type ExportableCrossingState,
  type GroupInfo,
  type ManifestFile,
} from '../../domain/export';
import type { SignedHead } from '../../domain/audit-anchor';
import type { CrossingDetails, CrossingExportColumns, ExportSnapshot, ExportUserRow } from '../db';
import { exportableReader } from './crossing-fields';
import { crossingStateReader } from './crossing-state';
import { RowDigests, digestsBySequence } from './row-digests';
import { freeName, fsyncPath, renameDurable, writeFileDurable } from '../files';
import { DeflatedEntry, zipDeflated, zipFiles, zipFilesToBuffer } from './zip-bundle';

/** What a bundle reads; ExportsRepo implements it on the station database. */
export interface BundleSource {
  snapshot(fromIso: string, toIso: string): ExportSnapshot;
  crossingCount(fromMs: number, toMs: number): number;
  /** Crossings of [from, to) up to the snapshot after `afterSequence`, in sequence order, as raw columns. */
  exportColumnsPage(fromMs: number, toMs: number, snapshotSequence: number, afterSequence: number, limit: number): CrossingExportColumns[];
  /** Overrides, corrections, evidence and pairings of the crossings given (one page). */
  crossingDetails(ids: readonly string[]): CrossingDetails;
  users(): ExportUserRow[];
  alerts(fromMs: number, toMs: number): ExportableAlert[];
  groups(ids: readonly string[]): GroupInfo[];
}

/** The station key as the writer needs it (shared/node/keys StationKey). */
export interface BundleSigner {
  readonly publicKey: string;
  readonly fingerprint: string;
  sign(data: Uint8Array): string;
}

export interface ExportProgress {
  readonly phase: 'crossings' | 'alerts' | 'packing' | 'done';
  readonly done: number;
  readonly total: number;
}

export interface WriteBundleOptions {
  readonly source: BundleSource;
  readonly signer: BundleSigner;
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly appVersion: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly timeZone: string;
  readonly createdAt: Date;
  /**
   * An existing folder (a USB stick); the bundle appears in it under a new name. null: the bundle is made in memory
   * only (a bundle for the central system alone) and returned as `zip`; no file is written.
   */
  readonly outDir: string | null;
  readonly format: 'folder' | 'zip';
  /** Also return the bundle as a .zip in memory (the outbox's own copy, kept inside the encrypted database). */
  readonly keepZip?: boolean;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** The newest signed heads of the station's audit chain, for the manifest (version 2). */
  readonly auditHeads?: readonly SignedHead[];
  /** Crossings read per page; the event loop runs between pages. */
  readonly pageSize?: number;
  /**
   * The bundle of the same period written before: the new one replaces it, naming it and the crossings that
   * are new or differ (by the row digests kept with it; without them, every crossing counts as changed).
   */
  readonly replaces?: { readonly manifestSha256: string; readonly digests: Uint8Array | null };
}

export interface WrittenBundle {
  /** The bundle folder or .zip; null for a bundle made in memory only. */
  readonly path: string | null;
  /** The bundle as a .zip (with `keepZip`, or made in memory only). */
  readonly zip: Buffer | null;
  readonly manifest: BundleManifest;
  readonly manifestSha256: string;
  readonly snapshotSequence: number;
  /** The row digests to keep with the export (RowDigests.packed). */
  readonly digests: Uint8Array;
}

const STAGING_PREFIX = '.checkpoint-export-';
const STAGING_MARK = '.partial-';

/** Bytes a data file gathers before one write + hash update: large writes, bounded memory. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Written bytes after which a background fsync starts: the disk writes while the next rows are made. */
const SYNC_EVERY_BYTES = 16 * 1024 * 1024;

/**
 * A data file written in large chunks, hashed as it goes (no re-read), fsynced at the end when durable. Text
 * is encoded straight into one reused buffer: no joined strings, no buffer per row.
 */
class HashedFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private readonly chunk: Buffer;
  private used = 0;
  private unsynced = 0;
  /** A background fsync in flight: the descriptor is not closed before it ends. */
  private syncing: Promise<void> | null = null;
  private syncError: Error | null = null;
  private closed = false;
  bytes = 0;
  rows = 0;

  /** In memory: the file is a deflated zip entry, never on disk (fd is -1). */
  readonly entry: DeflatedEntry | null;

  constructor(
    readonly name: DataFileName,
    /** The staging folder, or null to keep the file in memory as a deflated zip entry. */
    dir: string | null,
    /** false: only read back into a .zip that is fsynced itself (the staging copy is then removed). */
    private readonly durable: boolean,
    chunkBytes = CHUNK_BYTES,
  ) {
    this.entry = dir === null ? new DeflatedEntry(name) : null;
    this.fd = dir === null ? -1 : fs.openSync(path.join(dir, name), 'wx', 0o600);
    this.chunk = Buffer.allocUnsafe(chunkBytes);
  }

  write(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    if (this.used + text.length * 3 > this.chunk.length) {
      this.flush();
      if (text.length * 3 > this.chunk.length) {
        this.put(Buffer.from(text, 'utf8'));
        return;
      }
    }
    this.used += this.chunk.write(text, this.used, 'utf8');
  }

  row(text: string): void {
    this.rows += 1;
    this.write(text);
  }

  /** A JSONL line: the text and its newline. */
  line(text: string): void {
    this.rows += 1;
    this.write(text);
    if (this.used === this.chunk.length) this.flush();
    this.chunk[this.used] = 0x0a;
    this.used += 1;
  }

  private put(bytes: Uint8Array): void {
    this.hash.update(bytes);
    if (this.entry) {
      this.entry.push(bytes, false);
      this.bytes += bytes.length;
      return;
    }
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    this.bytes += bytes.length;
    this.unsynced += bytes.length;
    if (this.durable && this.unsynced >= SYNC_EVERY_BYTES && !this.syncing) {
      this.unsynced = 0;
      this.syncing = new Promise((resolve) => {
        fs.fsync(this.fd, (error) => {
          if (error) this.syncError ??= error;
          this.syncing = null;
          resolve();
        });
      });
    }
  }

  private flush(): void {
    if (this.used === 0) return;
    this.put(this.chunk.subarray(0, this.used));
    this.used = 0;
  }

  async close(withRows: boolean): Promise<ManifestFile> {
    this.flush();
    await this.syncing;
    if (this.syncError) throw this.syncError;
    this.closed = true;
    if (this.entry) {
      this.entry.push(new Uint8Array(0), true);
    } else {
      if (this.durable) fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
    }
    return { name: this.name, sha256: this.hash.digest('hex'), bytes: this.bytes, ...(withRows ? { rows: this.rows } : {}) };
  }

  /** After a failure: closes the file once no background fsync uses the descriptor any more. */
  async discard(): Promise<void> {
    await this.syncing;
    if (this.closed) return;
    this.closed = true;
    if (this.entry) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // The export already failed; that error is the one to report.
    }
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** `2021-03-01` for a whole station day, else `20210301T0800+0500_20210301T2000+0500`. */
function periodLabel(time: StationTime, fromMs: number, toMs: number): string {
  const date = time.dateOf(fromMs);
  const day = time.dayPeriod(date);
  if (day.fromMs === fromMs && day.toMs === toMs) return date;
  const compact = (ms: number) => time.iso(ms).slice(0, 16).replaceAll('-', '').replace(':', '') + time.iso(ms).slice(23).replace(':', '');
  return `${compact(fromMs)}_${compact(toMs)}`;
}

/** Removes staging folders a killed export left behind (only ours, recognised by name). */
function removeStaleStaging(outDir: string): void {
  for (const name of fs.readdirSync(outDir)) {
    if (name.startsWith(STAGING_PREFIX) && name.includes(STAGING_MARK)) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

/**
 * Writes a signed bundle for [from, to) into `outDir`, atomically: everything goes to a hidden staging
 * folder first, each file is fsynced, and only the final rename makes the bundle visible under its name.
 * A kill mid-export leaves a `.checkpoint-export-….partial-…` folder without a signature, never a bundle
 * that looks complete; the next export removes it.
 */
export function writeBundle(options: WriteBundleOptions & { readonly outDir: string }): Promise<WrittenBundle & { readonly path: string }>;
export function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle>;
export async function writeBundle(options: WriteBundleOptions): Promise<WrittenBundle> {
  const { source, fromMs, toMs } = options;
  const time = new StationTime(options.timeZone);
  const period: BundlePeriod = { from: time.iso(fromMs), to: time.iso(toMs), timeZone: options.timeZone };
  const { outDir } = options;
  if (outDir !== null) {
    if (!fs.statSync(outDir, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`the folder ${outDir} does not exist`);
    removeStaleStaging(outDir);
  }

  const base = `checkpoint-export_${options.stationId}_${periodLabel(time, fromMs, toMs)}`;
  // A bundle for the central system alone is made in memory: its plaintext never lies in a file, not even for the
  // seconds the export takes (the zip goes into the encrypted database).
  const staging = outDir === null ? null : path.join(outDir, `${STAGING_PREFIX}${base}${STAGING_MARK}${randomBytes(4).toString('hex')}`);
  if (staging) fs.mkdirSync(staging);
  const opened: HashedFile[] = [];
  // A folder bundle is the staging folder renamed: its files must be on disk. For a .zip they are only the
  // zip's input (the zip is fsynced): syncing 90 MB that is deleted a moment later only costs time.
  const durable = options.format === 'folder';
  const open = (name: DataFileName, chunkBytes?: number): HashedFile => {
    const file = new HashedFile(name, staging, durable, chunkBytes);
    opened.push(file);
    return file;
  };
  try {
    const snapshot = source.snapshot(new Date(fromMs).toISOString(), new Date(toMs).toISOString());
    const total = source.crossingCount(fromMs, toMs);
    // 1000 rather than 5000: each young-generation GC copies the page being worked on, so a small page
    // costs less GC (measured: ~15% less CPU per 100k-row export); the extra queries are cheap keyset seeks.
    const pageSize = options.pageSize ?? 1000;
    const summary = new SummaryBuilder(BUNDLE_SCHEMA_VERSION);
    const fromColumns = exportableReader();
    const stateOf = crossingStateReader(source.users());
    const jsonl = open(CROSSINGS_JSONL);
    const csv = open(CROSSINGS_CSV);
    csv.write(UTF8_BOM + csvRecord(CROSSING_CSV_COLUMNS));
    const digests = new RowDigests();
    const before = options.replaces?.digests ? digestsBySequence(options.replaces.digests) : null;
    const changed: number[] = [];
    let after = 0;
    let first: number | null = null;
    let last: number | null = null;
    const missing: number[] = [];
    for (;;) {
      const page = source.exportColumnsPage(fromMs, toMs, snapshot.snapshotSequence, after, pageSize);
      const states = stateOf(page, source.crossingDetails(page.map((columns) => columns[1])));
      for (const columns of page) {
        const row = crossingExportRowV2({ ...fromColumns(columns), ...(states.get(columns[1]) as ExportableCrossingState) }, time);
        const line = crossingJsonLine(row);
        jsonl.line(line);
        const digest = digests.add(row.sequence, line);
        if (options.replaces && before?.get(row.sequence) !== digest) changed.push(row.sequence);
        csv.row(csvRecord(crossingCsvCells(row)));
        summary.addCrossing(row);
        // Numbers skipped inside the bundle belong to other periods (a clock set wrong): declare them.
        if (last !== null) for (let n = last + 1; n < row.sequence; n += 1) missing.push(n);
        first ??= row.sequence;
        last = row.sequence;
      }
      if (page.length < pageSize) break;
      after = last ?? after;
      options.onProgress?.({ phase: 'crossings', done: jsonl.rows, total });
      await tick();
    }
    options.onProgress?.({ phase: 'crossings', done: jsonl.rows, total: Math.max(total, jsonl.rows) });

    const alertsFile = open(ALERTS_JSONL, 256 * 1024);
    for (const alert of source.alerts(fromMs, toMs)) {
      alertsFile.line(alertJsonLine(alert, time));
      summary.addAlert(alert);
    }
    options.onProgress?.({ phase: 'alerts', done: alertsFile.rows, total: alertsFile.rows });

    const summaryFile = open(SUMMARY_JSON, 64 * 1024);
    summaryFile.write(`${JSON.stringify(summary.build(options.stationId, period, source.groups(summary.groupIds())), null, 2)}\n`);

    const files = [await jsonl.close(true), await csv.close(true), await alertsFile.close(true), await summaryFile.close(false)];
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      stationId: options.stationId,
      checkpointId: options.checkpointId,
      period,
      createdAt: time.iso(options.createdAt.getTime()),
      appVersion: options.appVersion,
      files,
      rows: { crossings: jsonl.rows, alerts: alertsFile.rows },
      crossings: { firstSequence: first, lastSequence: last, missingSequences: missing },
      audit: snapshot.audit,
      signer: { algorithm: 'Ed25519', publicKey: options.signer.publicKey, fingerprint: options.signer.fingerprint },
      ...(options.replaces ? { supersedes: { manifestSha256: options.replaces.manifestSha256, changedSequences: changed } } : {}),
      ...(options.auditHeads && options.auditHeads.length > 0 ? { auditHeads: options.auditHeads } : {}),
    };
    const manifestBytes = Buffer.from(manifestText(manifest), 'utf8');
    const signature = Buffer.from(`${options.signer.sign(manifestBytes)}\n`, 'utf8');
    const manifestSha256 = createHash('sha256').update(manifestBytes).digest('hex');
    const names = [...files.map((f) => f.name), MANIFEST_JSON, MANIFEST_SIG];
    options.onProgress?.({ phase: 'packing', done: 0, total: 1 });
    let finalPath: string | null = null;
    let zip: Buffer | null = null;
    if (staging === null || outDir === null) {
      const entries = opened.map((file) => file.entry as DeflatedEntry);
      for (const [name, bytes] of [[MANIFEST_JSON, manifestBytes], [MANIFEST_SIG, signature]] as const) {
        const entry = new DeflatedEntry(name);
        entry.push(bytes, true);
        entries.push(entry);
      }
      zip = zipDeflated(entries, options.createdAt);
    } else {
      writeFileDurable(path.join(staging, MANIFEST_JSON), manifestBytes);
      writeFileDurable(path.join(staging, MANIFEST_SIG), signature);
      fsyncPath(staging);
      if (options.keepZip) zip = await zipFilesToBuffer(staging, names, options.createdAt);
      if (options.format === 'zip') {
        const partial = path.join(staging, `${base}.zip`);
        if (zip) writeFileDurable(partial, zip);
        else await zipFiles(staging, names, partial, options.createdAt);
        fsyncPath(partial);
        finalPath = path.join(outDir, freeName(outDir, base, '.zip'));
        renameDurable(partial, finalPath);
        fs.rmSync(staging, { recursive: true, force: true });
      } else {
        finalPath = path.join(outDir, freeName(outDir, base));
        renameDurable(staging, finalPath);
      }
    }
    options.onProgress?.({ phase: 'done', done: jsonl.rows, total: jsonl.rows });
    return { path: finalPath, zip, manifest, manifestSha256, snapshotSequence: snapshot.snapshotSequence, digests: digests.packed() };
  } catch (error) {
    await Promise.all(opened.map((file) => file.discard()));
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
