import { StationTime } from '../../domain/export';
import type { ExportRow, ExportsRepo, OutboxRepo, StationStore } from '../../node/db';
import type { SignedHead } from '../../domain/audit-anchor';
import { HeadAnchor, checkAnchor, readVerifiedStart, writeVerifiedHead } from '../../node/audit-anchor';
import { checkAuditContent } from '../../node/db';
import { writeBundle, type BundleSigner, type ExportProgress, type WrittenBundle } from '../../node/export';
import { centralEndpoint, stationTimeZone } from './export-settings';

/** Everything an export needs; the core and the CLI both build one. */
export interface ExportDeps {
  readonly store: StationStore;
  readonly exports: ExportsRepo;
  readonly outbox: OutboxRepo;
  readonly signer: BundleSigner;
  readonly stationId: string;
  readonly checkpointId: string | null;
  readonly appVersion: string;
  readonly dataDir: string;
  readonly now: () => Date;
  readonly newId: () => string;
  /** Audit actor: `user:<id>` or `station`. */
  readonly actor: string;
}

export interface ExportRequest {
  readonly fromMs: number;
  readonly toMs: number;
  /** An existing folder (USB stick); null = only for the central system (needs an endpoint). */
  readonly folder: string | null;
  readonly format: 'folder' | 'zip';
  readonly onProgress?: (progress: ExportProgress) => void;
}


/** The period a request names: explicit from/to, a station date, or today at the station. */
export function resolvePeriod(timeZone: string, now: Date, input: { from?: string; to?: string; date?: string }): { fromMs: number; toMs: number } {
  const time = new StationTime(timeZone);
  if (input.from !== undefined || input.to !== undefined) {
    if (input.from === undefined || input.to === undefined) throw new RangeError('Give both "from" and "to", or a date.');
    const fromMs = Date.parse(input.from);
    const toMs = Date.parse(input.to);
    if (Number.isNaN(fromMs) || Number.isNaN(toMs)) throw new RangeError('"from" and "to" must be ISO times with an offset.');
    if (toMs <= fromMs) throw new RangeError('"to" must be later than "from".');
    return { fromMs, toMs };
  }
  return time.dayPeriod(input.date ?? time.dateOf(now.getTime()));
}

/** The station's records do not match their audit trail: no bundle is signed over them. */
export class AuditMismatchError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The log does not match its audit trail, so no bundle was signed: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}. Run "checkpoint db check".`);
    this.name = 'AuditMismatchError';
  }
}

/** Heads a bundle carries: the newest ones, enough to compare with the bundles before it at the hub. */
const HEADS_PER_BUNDLE = 50;

/**
 * Before a signature goes over a period: its crossings, corrections, overrides and evidence must match their audit rows,
 * and the chain must still hold every head signed outside the database. Then the head is signed as it stands now and
 * the newest heads go into the manifest.
 */
function vouchForPeriod(deps: ExportDeps, request: ExportRequest): SignedHead[] {
  const db = deps.store.database;
  const content = checkAuditContent(db, { fromMs: request.fromMs, toMs: request.toMs });
  // The chain from the point the last check or export verified (signed beside the database), not from row 1 each day.
  const start = readVerifiedStart(deps.dataDir, deps.stationId, deps.signer.publicKey);
  const chain = deps.store.verifyAudit(start.from);
  const anchor = checkAnchor(db, deps.dataDir, deps.signer.publicKey);
  const problems = [
    ...content.problems.map((p) => `${p.entity} ${p.id} ${p.kind}${p.detail ? ` (${p.detail})` : ''}`),
    ...(chain.ok ? [] : [chain.reason]),
    // A station that never signed a head (or lost the file) starts now; the hub compares with the heads it holds.
    ...(anchor.missing ? [] : anchor.problems),
  ];
  if (problems.length > 0) throw new AuditMismatchError(problems);
  if (chain.ok && chain.headSeq > start.from.seq) writeVerifiedHead(deps.dataDir, deps.signer, deps.stationId, { seq: chain.headSeq, hash: chain.head }, deps.now());
  const heads = new HeadAnchor(db, deps.dataDir, deps.signer, () => deps.stationId, deps.now);
  heads.anchor();
  return heads.recent(HEADS_PER_BUNDLE);
}

/**
 * Writes one signed bundle, records it in the export history with an audit row, and — when a central
 * endpoint is configured — queues its outbox copy (the queue survives restarts; the pusher sends it).
 */
export async function exportBundle(deps: ExportDeps, request: ExportRequest): Promise<ExportRow> {
  const endpoint = centralEndpoint(deps.exports);
  if (request.folder === null && !endpoint) throw new RangeError('No central system is configured: choose a folder to export to.');
  const auditHeads = vouchForPeriod(deps, request);
  const timeZone = stationTimeZone(deps.exports);
  const createdAt = deps.now();
  const id = deps.newId();
  const centralOnly = request.folder === null;
  // The outbox keeps its own copy: the USB stick may be gone long before the link comes back. It is made in memory
  // and goes into the encrypted database with the queue entry; a bundle for the central system alone is made in
  // memory whole, so no plaintext file of it ever exists.
  // A period exported before: this bundle replaces the latest one and names what changed since (a consular
  // override, a correction, a pairing, crossings recorded after it was written). That bundle is never touched.
  const replaced = deps.exports.latestOfPeriod(request.fromMs, request.toMs);
  const written = await writeBundle({
    source: deps.exports,
    signer: deps.signer,
    stationId: deps.stationId,
    checkpointId: deps.checkpointId,
    appVersion: deps.appVersion,
    fromMs: request.fromMs,
    toMs: request.toMs,
    timeZone,
    createdAt,
    outDir: request.folder,
    format: centralOnly ? 'zip' : request.format,
    keepZip: endpoint !== null,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    ...(replaced ? { replaces: { manifestSha256: replaced.manifestSha256, digests: deps.exports.digestsOf(replaced.id) } } : {}),
    auditHeads,
  });
  return record(deps, request, { id, createdAt, timeZone, centralOnly, queued: endpoint !== null, written, zip: endpoint ? written.zip : null });
}

function record(
  deps: ExportDeps,
  request: ExportRequest,
  made: { id: string; createdAt: Date; timeZone: string; centralOnly: boolean; queued: boolean; written: WrittenBundle; zip: Buffer | null },
): ExportRow {
  const { id, createdAt, timeZone, centralOnly, written, zip } = made;
  const row: ExportRow = {
    id,
    manifestSha256: written.manifestSha256,
    stationId: deps.stationId,
    periodFrom: written.manifest.period.from,
    periodTo: written.manifest.period.to,
    periodFromMs: request.fromMs,
    periodToMs: request.toMs,
    timeZone,
    snapshotSequence: written.snapshotSequence,
    crossings: written.manifest.rows.crossings,
    alerts: written.manifest.rows.alerts,
    auditLast: written.manifest.audit.last,
    destination: centralOnly ? null : written.path,
    format: centralOnly ? 'zip' : request.format,
    status: made.queued ? 'queued' : 'written',
    createdAt: createdAt.toISOString(),
    createdBy: deps.actor.startsWith('user:') ? deps.actor.slice(5) : null,
    acknowledgedAt: null,
    supersedes: written.manifest.supersedes?.manifestSha256 ?? null,
  };
  deps.store.transaction(() => {
    deps.exports.insert(row);
    deps.exports.insertDigests(id, written.digests);
    if (zip) deps.outbox.enqueue({ idempotencyKey: written.manifestSha256, exportId: id, zip, queuedAt: row.createdAt, nextAttemptMs: createdAt.getTime() });
    deps.store.appendAudit({
      at: row.createdAt,
      actor: deps.actor,
      action: 'export.written',
      entity: 'export',
      entityId: id,
      payload: {
        manifestSha256: written.manifestSha256,
        from: row.periodFrom,
        to: row.periodTo,
        crossings: row.crossings,
        queued: zip !== null,
        ...(written.manifest.supersedes ? { supersedes: written.manifest.supersedes.manifestSha256, changed: written.manifest.supersedes.changedSequences.length } : {}),
      },
    });
  });
  return row;
}
