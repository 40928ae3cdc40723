import { createHash } from 'node:crypto';
import type { BundleReceipt, SignedReceipt } from '../../shared/domain/central';
import { RECEIPT_FORMAT, receiptBytes } from '../../shared/domain/central';
import {
  ALERTS_JSONL,
  CROSSINGS_JSONL,
  MANIFEST_JSON,
  MANIFEST_SIG,
  chainProblems,
  manifestShapeProblem,
  replacementProblems,
  verifyBundle,
  type BundleManifest,
  type AnyCrossingExportRow,
} from '../../shared/domain/export';
import { nodeSha256 } from '../../shared/node/export';
import { ensureBoardPartitions } from '../board/board-partitions';
import { reconcileIngested } from '../board/reconcile-ingested';
import { storeRawBundle } from '../store/raw-bundles';
import type { CentralStore } from '../store/open-store';
import type { Sql } from '../store/sql';
import type { StationRecord } from '../store/stations-repo';
import { CROSSING_COLUMNS, columnsOf, crossingCells, unnestInsert } from './crossing-columns';
import { ensureMonthPartitions } from './partitions';
import { rejection, type Rejection } from './rejection';

export type IngestOutcome =
  /** `stored`: new; `duplicate`: the hub had it already (the same receipt as the first time). */
  | { readonly kind: 'stored' | 'duplicate'; readonly signed: SignedReceipt }
  | Rejection;

export interface IngestInput {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The bytes kept as the raw bundle (the received .zip). */
  readonly raw: Uint8Array;
  /** The station the credential belongs to (HTTP); null for a bundle carried on a USB stick. */
  readonly station: StationRecord | null;
  /** The Idempotency-Key header: must be the manifest's SHA-256. */
  readonly idempotencyKey?: string;
  readonly via: 'http' | 'usb';
  readonly now?: () => Date;
}

/** Rows per INSERT: ~26 arrays of this length stay well within one message. */
const CHUNK_ROWS = 5_000;
/** Sequence numbers of station n live in [n·2^40, (n+1)·2^40): one range column keeps stations apart. */
const STATION_SPAN = 2 ** 40;

const decoder = new TextDecoder();
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

interface StoredBundleRow {
  station_id: string;
  receipt_text: string;
  receipt_sig: string;
}

const signedOf = (row: StoredBundleRow): SignedReceipt => ({ receipt: JSON.parse(row.receipt_text) as BundleReceipt, signature: row.receipt_sig });

/**
 * The receipt the hub gave a station for a bundle it holds, by manifest hash: a re-sent bundle is answered
 * from this before its body is even unpacked.
 */
export async function receiptFor(sql: Sql, stationId: string, manifestSha256: string): Promise<SignedReceipt | null> {
  const row = await storedReceipt(sql, manifestSha256);
  return row && row.station_id === stationId ? signedOf(row) : null;
}

async function storedReceipt(sql: Sql, manifestSha256: string): Promise<StoredBundleRow | null> {
  const [row] = await sql.query<StoredBundleRow>('SELECT station_id, receipt_text, receipt_sig FROM bundles WHERE manifest_sha256 = $1', [manifestSha256]);
  return row ?? null;
}

function parseManifest(bytes: Uint8Array): BundleManifest | null {
  try {
    const value: unknown = JSON.parse(decoder.decode(bytes));
    return manifestShapeProblem(value) === null ? (value as BundleManifest) : null;
  } catch {
    return null;
  }
}

function* jsonLines(bytes: Uint8Array): Generator<string> {
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    yield decoder.decode(bytes.subarray(start, end));
    start = end + 1;
  }
}

/**
 * Receives one bundle: the same checks as `checkpoint export verify` (shared verifier, the station's
 * registered key), continuity with the station's bundle before it, then the raw bytes, the bundle row with
 * its signed receipt, its crossings and alerts — all in one transaction. A bundle the hub already holds gets
 * the receipt it got the first time, however often and however concurrently it is sent.
 */
export async function ingestBundle(store: CentralStore, input: IngestInput): Promise<IngestOutcome> {
  const outcome = await ingest(store, input);
  if (outcome.kind === 'rejected') await recordRejection(store.sql, input, outcome);
  return outcome;
}

async function ingest(store: CentralStore, input: IngestInput): Promise<IngestOutcome> {
  const manifestBytes = input.files.get(MANIFEST_JSON);
  if (!manifestBytes) return rejection('bundle-unreadable', `the bundle has no ${MANIFEST_JSON}`);
  const manifestSha256 = sha256(manifestBytes);
  if (input.idempotencyKey !== undefined && input.idempotencyKey !== manifestSha256) {
    return rejection('idempotency-key-mismatch', `the Idempotency-Key is not the SHA-256 of the bundle's ${MANIFEST_JSON} (${manifestSha256})`);
  }
  const manifest = parseManifest(manifestBytes);
  if (!manifest) return rejection('bundle-unreadable', `${MANIFEST_JSON} is not a bundle manifest this hub reads`);

  const station = input.station ?? (await store.stations.get(manifest.stationId));
  if (!station) return rejection('unknown-station', `station ${manifest.stationId} is not registered at this hub`);
  if (station.revokedAt !== null) return rejection('station-revoked', `station ${station.stationId} was revoked at ${station.revokedAt}`);
  if (manifest.stationId !== station.stationId) {
    return rejection('station-mismatch', `the bundle is from station ${manifest.stationId}, the credential belongs to ${station.stationId}`);
  }

  // Already here: the first answer again, without verifying or loading anything twice.
  const existing = await storedReceipt(store.sql, manifestSha256);
  if (existing && existing.station_id === station.stationId) return { kind: 'duplicate', signed: signedOf(existing) };

  const verification = await verifyBundle({ files: input.files, signer: { fingerprint: station.fingerprint }, sha256: nodeSha256 });
  if (!verification.ok) {
    const wrongKey = verification.problems.some((p) => p.code === 'wrong-key');
    return rejection(
      wrongKey ? 'wrong-key' : 'bundle-invalid',
      wrongKey ? `the bundle is not signed by the key registered for station ${station.stationId}` : `the bundle fails verification: ${verification.problems[0]?.message ?? ''}`,
      verification.problems,
    );
  }

  const crossings: AnyCrossingExportRow[] = [];
  for (const line of jsonLines(input.files.get(CROSSINGS_JSONL) ?? new Uint8Array())) crossings.push(JSON.parse(line) as AnyCrossingExportRow);
  const alerts: Record<string, unknown>[] = [];
  for (const line of jsonLines(input.files.get(ALERTS_JSONL) ?? new Uint8Array())) alerts.push(JSON.parse(line) as Record<string, unknown>);

  const rawSha256 = sha256(input.raw);
  if (store.bundleDir !== null) storeRawBundle(store.bundleDir, rawSha256, input.raw);
  await ensureMonthPartitions(store.sql, crossings.map((c) => c.recordedAt));
  await ensureBoardPartitions(store.sql, crossings.map((c) => Date.parse(c.recordedAt)));

  try {
    return await store.sql.transaction(async (tx) => {
      // One ingest per station at a time: a concurrent duplicate waits here and then finds the first one's row.
      await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [7_118_002, station.num]);
      const again = await storedReceipt(tx, manifestSha256);
      if (again) return { kind: 'duplicate', signed: signedOf(again) } as const;

      const replaced = await replacedBundle(tx, station.stationId, manifest);
      if (replaced !== null && typeof replaced !== 'string') return replaced;
      const gap = await continuityProblem(tx, station.stationId, manifest, replaced);
      if (gap) return gap;

      const receivedAt = (input.now?.() ?? new Date()).toISOString();
      const receipt: BundleReceipt = {
        format: RECEIPT_FORMAT,
        version: 1,
        manifestSha256,
        stationId: station.stationId,
        rows: { crossings: crossings.length, alerts: alerts.length },
        receivedAt,
        hubFingerprint: store.hubKey.fingerprint,
      };
      const bytes = receiptBytes(receipt);
      const signed: SignedReceipt = { receipt, signature: store.hubKey.sign(bytes) };
      const first = manifest.crossings.firstSequence;
      const last = manifest.crossings.lastSequence;
      const span = first === null || last === null ? null : `[${station.num * STATION_SPAN + first},${station.num * STATION_SPAN + last}]`;
      // A replacement takes its crossings' span only once the bundle it replaces is no longer in force.
      await tx.query(
        `INSERT INTO bundles (manifest_sha256, station_id, schema_version, period_from, period_to, time_zone, first_sequence, last_sequence, sequence_span,
           audit_before, audit_last, crossings, alerts, manifest_text, manifest_sig, signer_fingerprint, raw_sha256, raw_bytes, received_at, via, receipt_text, receipt_sig,
           supersedes, changed_sequences)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::int8range, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`,
        [
          manifestSha256,
          station.stationId,
          manifest.schemaVersion,
          manifest.period.from,
          manifest.period.to,
          manifest.period.timeZone,
          first,
          last,
          replaced === null ? span : null,
          manifest.audit.before,
          manifest.audit.last,
          crossings.length,
          alerts.length,
          decoder.decode(manifestBytes),
          decoder.decode(input.files.get(MANIFEST_SIG) ?? new Uint8Array()).trim(),
          manifest.signer.fingerprint,
          rawSha256,
          input.raw.length,
          receivedAt,
          input.via,
          decoder.decode(bytes),
          signed.signature,
          replaced,
          manifest.supersedes ? [...manifest.supersedes.changedSequences] : null,
        ],
      );
      if (replaced !== null) {
        // The replacement carries the whole period in its state now: the replaced bundle's rows go (its raw
        // bytes and its row in `bundles` stay, marked superseded), and its span passes to the replacement.
        await tx.query('UPDATE bundles SET superseded_by = $1 WHERE manifest_sha256 = $2', [manifestSha256, replaced]);
        await tx.query('UPDATE bundles SET sequence_span = $1::int8range WHERE manifest_sha256 = $2', [span, manifestSha256]);
        await tx.query('DELETE FROM crossings WHERE bundle_sha256 = $1', [replaced]);
        await tx.query('DELETE FROM alerts WHERE bundle_sha256 = $1', [replaced]);
      }
      await insertCrossings(tx, crossings, manifestSha256);
      // Each crossing onto its person's journey, in the same transaction: a stored bundle is always reconciled.
      await reconcileIngested(tx, crossings);
      await insertAlerts(tx, alerts, station.stationId, manifestSha256);
      await tx.query(`UPDATE station_alerts SET resolved_at = now() WHERE station_id = $1 AND manifest_sha256 = $2 AND resolved_at IS NULL`, [station.stationId, manifestSha256]);
      return { kind: 'stored', signed } as const;
    });
  } catch (error) {
    // The exclusion constraint: a crossing of this bundle is already in another live bundle.
    if ((error as { code?: string }).code === '23P01') {
      return rejection('overlap', `crossings #${manifest.crossings.firstSequence}–#${manifest.crossings.lastSequence} overlap a bundle the hub already holds for station ${station.stationId}`);
    }
    throw error;
  }
}

async function insertCrossings(tx: Sql, crossings: readonly AnyCrossingExportRow[], manifestSha256: string): Promise<void> {
  // On a PostgreSQL server the rows stream in with COPY (one statement for the whole bundle); PGlite takes INSERTs.
  if (tx.copyRows) {
    await tx.copyRows(
      'crossings',
      CROSSING_COLUMNS.map(([name]) => name),
      (function* () {
        for (const row of crossings) yield crossingCells(row, manifestSha256);
      })(),
    );
    return;
  }
  const statement = unnestInsert('crossings', CROSSING_COLUMNS);
  for (let at = 0; at < crossings.length; at += CHUNK_ROWS) {
    const rows = crossings.slice(at, at + CHUNK_ROWS).map((row) => crossingCells(row, manifestSha256));
    await tx.query(statement, columnsOf(rows, CROSSING_COLUMNS.length));
  }
}

const ALERT_COLUMNS = [
  ['bundle_sha256', 'text'],
  ['alert_id', 'text'],
  ['station_id', 'text'],
  ['type', 'text'],
  ['severity', 'text'],
  ['status', 'text'],
  ['raised_at', 'timestamptz'],
  ['row_json', 'jsonb'],
] as const;

async function insertAlerts(tx: Sql, alerts: readonly Record<string, unknown>[], stationId: string, manifestSha256: string): Promise<void> {
  if (alerts.length === 0) return;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const rows = alerts.map((a) => [manifestSha256, text(a.id) ?? '', stationId, text(a.type) ?? '', text(a.severity), text(a.status), text(a.raisedAt), JSON.stringify(a)]);
  for (let at = 0; at < rows.length; at += CHUNK_ROWS) await tx.query(unnestInsert('alerts', ALERT_COLUMNS), columnsOf(rows.slice(at, at + CHUNK_ROWS), ALERT_COLUMNS.length));
}

interface NeighbourRow {
  manifest_text: string;
}

/**
 * The bundle must continue the station's chain: checked against the live bundle that ends where it
 * starts (or before), else against the first one after it. A station's first bundle starts its chain.
 * A break is refused, recorded and raised as a station alert; it clears when the missing bundle arrives.
 */
async function continuityProblem(tx: Sql, stationId: string, manifest: BundleManifest, replaced: string | null): Promise<Rejection | null> {
  // The bundle being replaced is not a neighbour: the replacement takes its place in the chain.
  const live = `station_id = $1 AND superseded_by IS NULL AND manifest_sha256 <> $3`;
  const other = replaced ?? '';
  const [before] = await tx.query<NeighbourRow>(`SELECT manifest_text FROM bundles WHERE ${live} AND period_to <= $2 ORDER BY period_to DESC LIMIT 1`, [
    stationId,
    manifest.period.from,
    other,
  ]);
  const [after] = before
    ? []
    : await tx.query<NeighbourRow>(`SELECT manifest_text FROM bundles WHERE ${live} AND period_from >= $2 ORDER BY period_from LIMIT 1`, [stationId, manifest.period.to, other]);
  const [overlapping] = await tx.query<{ period_from: Date }>(`SELECT period_from FROM bundles WHERE ${live} AND period_from < $4 AND period_to > $2 LIMIT 1`, [
    stationId,
    manifest.period.from,
    other,
    manifest.period.to,
  ]);
  if (overlapping) return rejection('overlap', `the period ${manifest.period.from} – ${manifest.period.to} overlaps a bundle the hub already holds for station ${stationId}`);
  const problems = before
    ? chainProblems(JSON.parse(before.manifest_text) as BundleManifest, manifest)
    : after
      ? chainProblems(manifest, JSON.parse(after.manifest_text) as BundleManifest)
      : [];
  if (problems.length === 0) return null;
  return rejection('gap', `the bundle does not continue station ${stationId}'s chain: ${problems.map((p) => p.message).join('; ')}`, problems);
}

/**
 * A superseding bundle's predecessor: its manifest hash when the hub holds it, still in force, for the same
 * station, period and audit head; else why the bundle is refused (`predecessor-missing` may clear when the
 * predecessor arrives). null: the bundle replaces nothing.
 */
async function replacedBundle(tx: Sql, stationId: string, manifest: BundleManifest): Promise<string | Rejection | null> {
  const supersedes = manifest.supersedes;
  if (!supersedes) return null;
  const hash = supersedes.manifestSha256;
  const [row] = await tx.query<{ station_id: string; manifest_text: string; superseded_by: string | null }>(
    'SELECT station_id, manifest_text, superseded_by FROM bundles WHERE manifest_sha256 = $1',
    [hash],
  );
  if (!row || row.station_id !== stationId) {
    return rejection('predecessor-missing', `the bundle replaces bundle ${hash} of station ${stationId}, which the hub does not hold: that bundle must arrive first`);
  }
  if (row.superseded_by !== null) return rejection('overlap', `the bundle replaces bundle ${hash}, which bundle ${row.superseded_by} already replaced`);
  const problems = replacementProblems(JSON.parse(row.manifest_text) as BundleManifest, manifest);
  if (problems.length > 0) return rejection('bundle-invalid', `the bundle cannot replace bundle ${hash}: ${problems.map((p) => p.message).join('; ')}`, problems);
  return hash;
}

async function recordRejection(sql: Sql, input: IngestInput, outcome: Rejection): Promise<void> {
  const manifestBytes = input.files.get(MANIFEST_JSON);
  const manifestSha256 = manifestBytes ? sha256(manifestBytes) : null;
  const manifest = manifestBytes ? parseManifest(manifestBytes) : null;
  const stationId = input.station?.stationId ?? manifest?.stationId ?? null;
  await sql.query(`INSERT INTO rejections (station_id, manifest_sha256, code, message, problems) VALUES ($1, $2, $3, $4, $5)`, [
    stationId,
    manifestSha256,
    outcome.code,
    outcome.message,
    JSON.stringify(outcome.problems.slice(0, 50)),
  ]);
  if (outcome.code === 'gap' && stationId && manifestSha256) {
    await sql.query(
      `INSERT INTO station_alerts (station_id, kind, manifest_sha256, message) SELECT $1, 'gap', $2, $3 WHERE EXISTS (SELECT 1 FROM stations WHERE station_id = $1)
       ON CONFLICT (station_id, kind, manifest_sha256) DO NOTHING`,
      [stationId, manifestSha256, outcome.message],
    );
  }
}
