import os from 'node:os';
import { corridorBoard, searchPersons } from '../central/board/board-queries';
import { ensureBoardPartitions, type TransactionalSql } from '../central/board/board-partitions';
import { loadCorridors, saveCorridor, type RegisteredCorridor } from '../central/board/corridor-repo';
import { writeJourneys } from '../central/board/journey-rows';
import { reconcileIngested, type IngestedCrossing } from '../central/board/reconcile-ingested';
import { migrateCentral } from '../central/store/migrate';
import { pgSql } from '../central/store/pg-sql';
import { pgliteSql } from '../central/store/pglite-sql';
import { journeyOf, reconcileCrossings, stepOf, type CorridorChain, type Journey, type JourneyCrossing } from '../shared/domain/corridor/journey';
import { bundleRowOf } from '../test/fixtures/corridor/journey-bus';
import { REGION_CORRIDORS, regionGroups, type RegionGroup } from './corridor-region';
import { timeEachAsync } from './harness/measure';
import type { Benchmark, BenchmarkRow } from './harness/types';

const BUNDLE_ROWS = 5_000;

/** A crossing as a bundle row carries it, its names taken back from the generator's name key. */
const bundleRow = (c: JourneyCrossing): IngestedCrossing => {
  const [surname, given] = c.nameKey.split(' ');
  return bundleRowOf(c, surname ?? '', given ?? '');
};

/** The journeys a group makes, straight from the generator's truth (the bulk load does not reconcile). */
function groupJourneys(group: RegionGroup): Journey[] {
  const byPerson = new Map<string, JourneyCrossing[]>();
  for (const c of group.crossings) {
    const person = c.id.slice(0, c.id.lastIndexOf('-'));
    byPerson.set(person, [...(byPerson.get(person) ?? []), c]);
  }
  return [...byPerson.values()].map((cs) => journeyOf(group.corridor.id, cs.map((crossing) => ({ crossing, ...stepOf(group.corridor, crossing.checkpointId, crossing.direction)! }))));
}

/**
 * Loads groups until `target` crossings are stored, through the same writer the ingest uses but without
 * reconciliation, with the secondary indexes dropped and rebuilt after (one sorted pass per index).
 */
async function bulkLoad(sql: TransactionalSql, groups: Iterator<RegionGroup>, loaded: number, target: number): Promise<{ crossings: number; lastMs: number }> {
  const indexes = await sql.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('journey_events', 'journeys') AND indexname NOT LIKE '%pkey'`,
  );
  for (const index of indexes) await sql.query(`DROP INDEX ${index.indexname}`);
  let crossings = loaded;
  let lastMs = 0;
  let batch = new Map<CorridorChain, Journey[]>();
  let inBatch = 0;
  const flush = async () => {
    const all = [...batch.values()].flat();
    await ensureBoardPartitions(sql, all.flatMap((j) => j.events.map((e) => e.crossing.recordedAtMs)));
    for (const [chain, journeys] of batch) await writeJourneys(sql, chain, [], journeys);
    batch = new Map();
    inBatch = 0;
  };
  while (crossings < target) {
    const group = groups.next().value as RegionGroup;
    const journeys = groupJourneys(group);
    batch.set(group.corridor, [...(batch.get(group.corridor) ?? []), ...journeys]);
    crossings += group.crossings.length;
    inBatch += group.crossings.length;
    for (const c of group.crossings) lastMs = Math.max(lastMs, c.recordedAtMs);
    if (inBatch >= 50_000) await flush();
  }
  await flush();
  for (const index of indexes) await sql.query(index.indexdef.replace(' ON ONLY ', ' ON '));
  await sql.query('ANALYZE journey_events');
  await sql.query('ANALYZE journeys');
  return { crossings, lastMs };
}

interface Measured {
  readonly crossings: number;
  readonly reconcile: { readonly perCrossingUs: number; readonly perSecond: number; readonly count: number; readonly cpuUs: number };
  readonly pureUs: number;
  readonly board: { median: number; p95: number; buses: number };
  readonly byDocument: { median: number; p95: number };
  readonly byName: { median: number; p95: number };
  /** Load average when this size's measurements ended. */
  readonly load: string;
}

/** The measured part: a tail of new buses through the ingest hook (bundles of ≤ 5,000 rows per station, in step order), then queries. */
async function measureAt(sql: TransactionalSql, corridors: readonly RegisteredCorridor[], groups: Iterator<RegionGroup>, crossings: number, tailGroups: number, queries: number): Promise<Measured> {
  const tail: RegionGroup[] = Array.from({ length: tailGroups }, () => groups.next().value as RegionGroup);
  const all = tail.flatMap((g) => g.crossings);
  const perStation = new Map<string, JourneyCrossing[]>();
  for (const c of [...all].sort((a, b) => a.recordedAtMs - b.recordedAtMs)) perStation.set(c.stationId, [...(perStation.get(c.stationId) ?? []), c]);
  const bundles: IngestedCrossing[][] = [];
  for (const rows of [...perStation.values()].sort((a, b) => a[0]!.recordedAtMs - b[0]!.recordedAtMs)) {
    for (let i = 0; i < rows.length; i += BUNDLE_ROWS) bundles.push(rows.slice(i, i + BUNDLE_ROWS).map(bundleRow));
  }
  bundles.sort((a, b) => Date.parse(a[0]!.recordedAt) - Date.parse(b[0]!.recordedAt));
  await ensureBoardPartitions(sql, all.map((c) => c.recordedAtMs));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const rows of bundles) await sql.transaction((tx) => reconcileIngested(tx, rows));
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // Peer: the same crossings reconciled in memory only (no database): what the SQL round trips add.
  const p0 = performance.now();
  for (const chain of REGION_CORRIDORS) reconcileCrossings(chain, all.filter((c) => c.corridorId === chain.id));
  const pureMs = performance.now() - p0;
  const nowMs = Math.max(...all.map((c) => c.recordedAtMs)) - 4 * 3_600_000;
  let buses = 0;
  const board = await timeEachAsync(queries, async () => {
    buses = (await corridorBoard(sql, corridors, nowMs, { sinceMs: nowMs - 36 * 3_600_000 })).length;
  });
  const people = all.filter((c, i) => i % 97 === 0);
  const byDocument = await timeEachAsync(queries, async (i) => {
    const c = people[i % people.length]!;
    if ((await searchPersons(sql, c.documentNumber)).length === 0) throw new Error(`document ${c.documentNumber} not found`);
  });
  const byName = await timeEachAsync(queries, async (i) => {
    const c = people[(i * 7) % people.length]!;
    await searchPersons(sql, c.nameKey.slice(0, 8));
  });
  return {
    crossings,
    reconcile: { perCrossingUs: (wallMs * 1000) / all.length, perSecond: all.length / (wallMs / 1000), count: all.length, cpuUs: ((cpu.user + cpu.system) / all.length) },
    pureUs: (pureMs * 1000) / all.length,
    board: { median: board.median, p95: board.p95, buses },
    byDocument,
    byName,
    load: load(),
  };
}

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' / ');

/** The corridor board at region scale on PostgreSQL. */
export const corridorBenchmark: Benchmark = {
  name: 'corridor',
  title: 'Corridor board: reconciliation at ingest, board and person search on 1M and 10M crossings (PostgreSQL)',
  async run(scale) {
    // A real PostgreSQL server for the figures (an empty database: the benchmark migrates and fills it); the
    // smoke run and a machine without a server use PGlite in memory, which says nothing about the server.
    const url = scale === 'smoke' ? undefined : process.env.CENTRAL_BENCH_DATABASE_URL;
    if (scale === 'full' && !url) console.log('  CENTRAL_BENCH_DATABASE_URL is not set: measuring on PGlite in memory, not on a PostgreSQL server');
    const sizes = scale === 'smoke' ? [1_000, 2_000] : (process.env.CORRIDOR_BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
    const tailGroups = scale === 'smoke' ? 1 : 60;
    const queries = scale === 'smoke' ? 3 : 200;
    const sql = url ? pgSql(url, { max: 2 }) : await pgliteSql(null);
    try {
      await migrateCentral(sql);
      for (const chain of REGION_CORRIDORS) await saveCorridor(sql, { chain, name: chain.id }, 'bench');
      const corridors = await loadCorridors(sql);
      const groups = regionGroups(19);
      const results: Measured[] = [];
      let stored = 0;
      for (const size of sizes) {
        const t0 = performance.now();
        const loaded = await bulkLoad(sql, groups, stored, size);
        console.log(`  loaded ${loaded.crossings.toLocaleString('en')} crossings in ${((performance.now() - t0) / 1000).toFixed(0)} s (load ${load()})`);
        const m = await measureAt(sql, corridors, groups, loaded.crossings, tailGroups, queries);
        stored = loaded.crossings + m.reconcile.count;
        results.push(m);
        console.log(`  at ${m.crossings.toLocaleString('en')}: ${m.reconcile.perCrossingUs.toFixed(1)} µs/crossing (${Math.round(m.reconcile.perSecond)}/s), board p95 ${m.board.p95.toFixed(1)} ms (${m.board.buses} buses), document p95 ${m.byDocument.p95.toFixed(2)} ms, name p95 ${m.byName.p95.toFixed(2)} ms (load ${load()})`);
      }
      return rowsOf(results);
    } finally {
      await sql.close();
    }
  },
};

function rowsOf(results: readonly Measured[]): BenchmarkRow[] {
  const first = results[0]!;
  const last = results[results.length - 1]!;
  const label = (m: Measured) => `${(m.crossings / 1e6).toFixed(m.crossings < 1e6 ? 2 : 0)}M`;
  const rows: BenchmarkRow[] = [];
  for (const m of results) {
    const note = `load average ${m.load} on ${os.cpus().length} cores; tail of ${m.reconcile.count.toLocaleString('en')} crossings in bundles of ≤ ${BUNDLE_ROWS} per station; node CPU ${m.reconcile.cpuUs.toFixed(1)} µs/crossing (the rest is PostgreSQL and waiting).`;
    rows.push({
      metric: `reconciliation at ingest on ${label(m)} crossings (µs per crossing)`,
      ours: { name: 'reconcileIngested in the ingest transaction', median: m.reconcile.perCrossingUs / 1000, p95: m.reconcile.perCrossingUs / 1000, unit: 'ms', perSecond: m.reconcile.perSecond },
      peer: { name: 'the same crossings reconciled in memory (no database)', median: m.pureUs / 1000, p95: m.pureUs / 1000, unit: 'ms' },
      ratio: m.pureUs / m.reconcile.perCrossingUs,
      goal: '≥ 20,000 crossings/s at 10M',
      goalMet: m.reconcile.perSecond >= 20_000,
      note,
    });
    rows.push({ metric: `corridor board on ${label(m)} crossings (ms per board, ${m.board.buses} buses)`, ours: { name: 'corridorBoard', median: m.board.median, p95: m.board.p95, unit: 'ms' }, goal: 'p95 < 200 ms', goalMet: m.board.p95 < 200 });
    rows.push({ metric: `person search by document on ${label(m)} crossings (ms)`, ours: { name: 'searchPersons(document)', median: m.byDocument.median, p95: m.byDocument.p95, unit: 'ms' }, goal: 'p95 < 50 ms', goalMet: m.byDocument.p95 < 50 });
    rows.push({ metric: `person search by name prefix on ${label(m)} crossings (ms)`, ours: { name: 'searchPersons(name)', median: m.byName.median, p95: m.byName.p95, unit: 'ms' }, goal: 'p95 < 50 ms', goalMet: m.byName.p95 < 50 });
  }
  if (results.length > 1) {
    const r = (a: number, b: number) => a / b;
    const ratios = {
      reconcile: r(last.reconcile.perCrossingUs, first.reconcile.perCrossingUs),
      board: r(last.board.p95, first.board.p95),
      document: r(last.byDocument.p95, first.byDocument.p95),
      name: r(last.byName.p95, first.byName.p95),
    };
    rows.push({
      metric: `cost at ${label(last)} ÷ cost at ${label(first)} (reconciliation per crossing; board, document and name search p95)`,
      ours: { name: 'worst of the four ratios', median: Math.max(...Object.values(ratios)), p95: Math.max(...Object.values(ratios)), unit: '×' },
      goal: '≤ 1.5',
      goalMet: Math.max(...Object.values(ratios)) <= 1.5,
      note: `reconciliation ${ratios.reconcile.toFixed(2)}×, board ${ratios.board.toFixed(2)}×, document ${ratios.document.toFixed(2)}×, name ${ratios.name.toFixed(2)}×`,
    });
  }
  return rows;
}
