import os from 'node:os';
import pg from 'pg';
import { CROSSING_COLUMNS, crossingCells } from '../central/ingest/crossing-columns';
import { ingestBundle } from '../central/ingest/ingest-bundle';
import { ensureMonthPartitions } from '../central/ingest/partitions';
import { createHubServer } from '../central/server/create-server';
import { openCentralStore, type CentralStore } from '../central/store/open-store';
import type { CrossingExportRow } from '../shared/domain/export';
import { readZipBundle } from '../shared/node/export';
import { postgresBinDir, startTempCluster, type TempCluster } from '../test/support/postgres-cluster';
import { SyntheticStation } from '../test/support/synthetic-bundle';
import type { Benchmark, BenchmarkRow, Figure } from './harness/types';

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)] ?? Number.NaN;
const figure = (name: string, values: readonly number[], unit = 'ms'): Figure => ({ name, median: median(values), p95: p95(values), unit });

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const cpuMs = (before: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};

/**
 * The hub's ingest into PostgreSQL: 50 stations × 20k crossings through the whole ingest (unzip, the shared
 * verifier, chain check, one transaction of multi-row inserts) against the same rows inserted one INSERT per
 * row; the signed receipt's latency over HTTP for a 16k-row bundle; the cost of sending a bundle again.
 */
export const centralBenchmark: Benchmark = {
  name: 'central',
  title: 'Central hub: bundle ingest into PostgreSQL',
  async run(scale) {
    const smoke = scale === 'smoke';
    const stations = smoke ? 2 : 50;
    const rowsPerStation = smoke ? 200 : 20_000;
    const peerStations = smoke ? 1 : 2;
    const receiptRows = smoke ? 200 : 16_000;

    // Full: a real PostgreSQL server ($CENTRAL_BENCH_DATABASE_URL, or a temporary durable cluster: fsync on).
    // Smoke: the embedded PGlite in memory, so the test suite needs no server.
    let cluster: TempCluster | null = null;
    let adminUrl = process.env.CENTRAL_BENCH_DATABASE_URL ?? null;
    if (!smoke && !adminUrl) {
      const bin = postgresBinDir();
      if (!bin) throw new Error('the central benchmark needs PostgreSQL (apt-get install postgresql) or CENTRAL_BENCH_DATABASE_URL');
      cluster = startTempCluster(bin, { durable: true });
      adminUrl = cluster.url;
    }
    const open = async (name: string): Promise<CentralStore> =>
      openCentralStore(smoke || !adminUrl ? { dataDir: null } : { databaseUrl: await createDatabase(adminUrl, name), dataDir: null });

    const rows: BenchmarkRow[] = [];
    try {
      // Ingest: one bundle per station, the whole path.
      const store = await open('bench_ingest');
      const perBundle: number[] = [];
      let totalMs = 0;
      let totalRows = 0;
      const cpuBefore = process.cpuUsage();
      const peerRows: CrossingExportRow[][] = [];
      for (let s = 0; s < stations; s += 1) {
        const station = new SyntheticStation(`BENCH-${String(s).padStart(2, '0')}`);
        const { station: record } = await store.stations.add(station.stationId, { publicKey: station.publicKey, fingerprint: station.fingerprint });
        const bundle = station.nextBundle(rowsPerStation, 2);
        const started = performance.now();
        const read = readZipBundle(bundle.zip, 'bundle');
        if (!read.ok) throw new Error(read.message);
        const outcome = await ingestBundle(store, { files: read.files, raw: bundle.zip, station: record, idempotencyKey: bundle.manifestSha256, via: 'http' });
        const ms = performance.now() - started;
        if (outcome.kind !== 'stored') throw new Error(`bench bundle not stored: ${outcome.kind === 'rejected' ? outcome.message : outcome.kind}`);
        perBundle.push(ms);
        totalMs += ms;
        totalRows += bundle.rows;
        if (s < peerStations) {
          const jsonl = new TextDecoder().decode(read.files.get('crossings.jsonl'));
          peerRows.push(
            jsonl
              .split('\n')
              .filter((line) => line !== '')
              .map((line) => JSON.parse(line) as CrossingExportRow),
          );
        }
      }
      const ingestCpu = cpuMs(cpuBefore);
      const ingestRate = (totalRows / totalMs) * 1000;

      // Peer: the same rows (of the first stations), one INSERT per row, in one transaction, into the same table.
      // Smoke: the same embedded database (a second PGlite costs seconds), the rows under another station id.
      const peerStore = smoke ? store : await open('bench_rows');
      const insert = `INSERT INTO crossings (${CROSSING_COLUMNS.map(([name]) => name).join(', ')}) VALUES (${CROSSING_COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})`;
      let peerCount = 0;
      const peerStarted = performance.now();
      for (const list of peerRows) {
        await ensureMonthPartitions(peerStore.sql, list.map((row) => row.recordedAt));
        await peerStore.sql.transaction(async (tx) => {
          for (const row of list) {
            await tx.query(insert, crossingCells({ ...row, stationId: `${row.stationId}-PEER` }, 'f'.repeat(64)));
            peerCount += 1;
          }
        });
      }
      const peerMs = performance.now() - peerStarted;
      const peerRate = (peerCount / peerMs) * 1000;
      if (peerStore !== store) await peerStore.close();

      const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
      const ratio = ingestRate / peerRate;
      rows.push({
        metric: `ingest ${stations} stations × ${rowsPerStation} crossings (rows per second)`,
        ours: { ...figure('ingestBundle: unzip + verify + chain + one transaction, crossings by COPY (ms per bundle)', perBundle), perSecond: ingestRate },
        peer: { name: `one INSERT per row in one transaction (${peerCount} rows)`, median: (peerMs / peerCount) * rowsPerStation, p95: (peerMs / peerCount) * rowsPerStation, unit: 'ms per bundle-equivalent', perSecond: peerRate },
        ratio,
        goal: '≥ 10× and ≥ 50,000 rows/s',
        goalMet: ratio >= 10 && ingestRate >= 50_000,
        note: `${totalRows} rows in ${(totalMs / 1000).toFixed(1)} s wall, ${(ingestCpu / 1000).toFixed(1)} s CPU in this process (the PostgreSQL server's CPU is not counted); ${smoke ? 'PGlite in memory' : 'PostgreSQL, fsync on, v2 bundles'}; load average ${load} (1/5/15 min) on ${os.cpus().length} cores.`,
      });

      // Receipt latency over HTTP for a 16k-row bundle, and the cost of sending the same bundle again.
      const app = createHubServer(store, { rateLimit: { perMinute: 10_000, burst: 1_000 } });
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const firstPost: number[] = [];
      const rePost: number[] = [];
      const runs = smoke ? 1 : 3;
      for (let r = 0; r < runs; r += 1) {
        const station = new SyntheticStation(`RECEIPT-${r}`);
        const { credential } = await store.stations.add(station.stationId, { publicKey: station.publicKey, fingerprint: station.fingerprint });
        const bundle = station.nextBundle(receiptRows);
        const send = async (expected: number): Promise<number> => {
          const started = performance.now();
          const response = await fetch(`${url}/bundles`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/zip', Authorization: `Bearer ${credential}`, 'Idempotency-Key': bundle.manifestSha256 },
            body: new Uint8Array(bundle.zip),
          });
          await response.json();
          if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}`);
          return performance.now() - started;
        };
        firstPost.push(await send(201));
        for (let again = 0; again < 5; again += 1) rePost.push(await send(200));
      }
      await app.close();
      await store.close();
      rows.push({
        metric: `signed receipt for one ${receiptRows}-row bundle over HTTP (ms)`,
        ours: figure('POST /bundles → 201 with the receipt', firstPost),
        note: `${runs} bundles; load average ${os.loadavg()[0]?.toFixed(1)}.`,
      });
      rows.push({
        metric: `the same ${receiptRows}-row bundle sent again (ms)`,
        ours: figure('POST /bundles → 200, the stored receipt (no verification, no rows)', rePost),
        note: 'the body is still received and unzipped to read its manifest hash; nothing is verified or written.',
      });
    } finally {
      cluster?.stop();
    }
    return rows;
  },
};
