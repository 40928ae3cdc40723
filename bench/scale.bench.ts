import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createCore, silentLogger } from '../shared/app';
import type { Core } from '../shared/contract';
import { buildMrz } from '../shared/domain/mrz';
import { dbCheckCommand } from '../shared/cli/commands/db-check';
import type { CliIo } from '../shared/cli/io';
import { LATEST_SCHEMA_VERSION, StationStore } from '../shared/node/db';
import type { Benchmark, BenchmarkRow, Figure } from './harness/types';
import { HISTORY_USERS, type HistoryPerson } from './scale/history-people';
import { HISTORY_END, buildStationHistory, laneBusPerson, type HistorySummary } from './scale/station-history';

/** Bump when the generator changes what it writes: cached databases of another generation are rebuilt. */
const GENERATION = 2;
const DAY_MS = 86_400_000;

const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

function sizes(scale: 'full' | 'smoke'): number[] {
  if (scale === 'smoke') return [2_000];
  const flag = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length) ?? process.env.SCALE_SIZES;
  const chosen = flag ? flag.split(',').map((n) => Number(n.replace(/_/g, ''))) : [10_000, 100_000, 1_000_000];
  if (process.argv.includes('--3m')) chosen.push(3_000_000);
  return chosen;
}

const cacheRoot = () => process.env.SCALE_CACHE ?? path.join(os.tmpdir(), 'checkpoint-scale-cache');

/**
 * Finds the cached history of `size` crossings (this generator, built at this schema or an older one: the copy the
 * run measures is migrated like a station's database at an upgrade), or builds it once at the current schema.
 */
async function cachedHistory(size: number): Promise<{ dir: string; summary: HistorySummary; built: boolean; schema: number }> {
  for (let schema = LATEST_SCHEMA_VERSION; schema >= 8; schema -= 1) {
    const dir = path.join(cacheRoot(), `g${GENERATION}-schema${schema}-${size}`);
    const summaryFile = path.join(dir, 'history.json');
    if (fs.existsSync(summaryFile)) return { dir, summary: JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as HistorySummary, built: false, schema };
  }
  const dir = path.join(cacheRoot(), `g${GENERATION}-schema${LATEST_SCHEMA_VERSION}-${size}`);
  const building = `${dir}.building`;
  fs.rmSync(building, { recursive: true, force: true });
  fs.mkdirSync(building, { recursive: true });
  const summary = await buildStationHistory({ dataDir: building, crossings: size });
  fs.writeFileSync(path.join(building, 'history.json'), JSON.stringify(summary));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  return { dir, summary, built: true, schema: LATEST_SCHEMA_VERSION };
}

interface Cost {
  cpu: number;
  wall: number;
  load: number;
  runs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

/** CPU time (user + system) and wall time per call, median over runs; the first call is a warm-up when `warm`. */
async function cost(work: () => Promise<unknown> | unknown, options: { runs?: number; budgetMs?: number; warm?: boolean } = {}): Promise<Cost> {
  const cpus: number[] = [];
  const walls: number[] = [];
  const once = async () => {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    await work();
    const c = process.cpuUsage(c0);
    walls.push(performance.now() - w0);
    cpus.push((c.user + c.system) / 1000);
  };
  if (options.warm !== false) {
    await once();
    cpus.length = 0;
    const first = walls.pop() ?? 0;
    walls.length = 0;
    // As many runs as fit the budget (at least 3, at most `runs`).
    const runs = Math.max(3, Math.min(options.runs ?? 15, Math.floor((options.budgetMs ?? 4000) / Math.max(first, 0.01))));
    for (let i = 0; i < runs; i += 1) await once();
  } else {
    for (let i = 0; i < (options.runs ?? 1); i += 1) await once();
  }
  return { cpu: median(cpus), wall: median(walls), load: os.loadavg()[0] ?? Number.NaN, runs: cpus.length };
}

const mrzOf = (p: HistoryPerson): string => {
  const built = buildMrz({ format: 'TD3', documentCode: 'P', issuingState: p.nationality, surname: p.surname, givenNames: p.givenNames, documentNumber: p.documentNumber, nationality: p.nationality, birthDate: p.birthDate, sex: 'M', expiryDate: p.expiryDate });
  if (!built.ok) throw new Error(`cannot build an MRZ for ${p.documentNumber}`);
  return built.value.lines.join('\n');
};

const CALLS = [
  'lane traveller (scan + record + getStatus + getLaneOverview + listGroups + listCrossings)',
  'getStatus',
  'getLaneOverview',
  'getDashboard (today)',
  'getGroup (600-person bus)',
  'listAlerts (open)',
  'searchTravellers: document number',
  'searchTravellers: document prefix',
  'searchTravellers: surname',
  'searchTravellers: Cyrillic name',
  'searchTravellers: name not in the log',
  'createCore start (steady)',
  'createCore start after 30 days off (retention due)',
  'exportBundle of one station day (folder)',
  'db check --full (integrity_check, whole chain, every record)',
  'db check (default: quick_check, chain and records since the last verified point)',
] as const;
type Call = (typeof CALLS)[number];

/** Goals from the issue, per call at the largest size (CPU ms); lane-path and dashboard calls also need ratio ≤ 1.5. */
const GOALS: Partial<Record<Call, number>> = {
  'lane traveller (scan + record + getStatus + getLaneOverview + listGroups + listCrossings)': 40,
  'getDashboard (today)': 150,
  'searchTravellers: document number': 50,
  'searchTravellers: document prefix': 50,
  'searchTravellers: surname': 50,
  'searchTravellers: Cyrillic name': 50,
  'searchTravellers: name not in the log': 50,
  'createCore start (steady)': 1000,
  'createCore start after 30 days off (retention due)': 1000,
  'exportBundle of one station day (folder)': 1000,
};
const FLAT: ReadonlySet<Call> = new Set<Call>([
  'lane traveller (scan + record + getStatus + getLaneOverview + listGroups + listCrossings)',
  'getStatus',
  'getLaneOverview',
  'getDashboard (today)',
  'getGroup (600-person bus)',
  'listAlerts (open)',
]);

async function measureSize(size: number, log: (line: string) => void): Promise<{ costs: Map<Call, Cost>; summary: HistorySummary; buildNote: string }> {
  const cached = await cachedHistory(size);
  const { summary } = cached;
  const buildNote = cached.built
    ? `built now in ${summary.buildSeconds.toFixed(0)} s (CPU ${summary.buildCpuSeconds.toFixed(0)} s)`
    : `cached (built in ${summary.buildSeconds.toFixed(0)} s, CPU ${summary.buildCpuSeconds.toFixed(0)} s)`;
  log(`  ${size.toLocaleString('en')} crossings: ${buildNote}; ${summary.importedCrossings} imported entries, ${summary.groups} groups, ${summary.manifestEntries} manifest lines, ${summary.alerts} alerts, ${summary.overrides} overrides, ${summary.auditRows} audit rows`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bench-scale-'));
  const costs = new Map<Call, Cost>();
  const note = (call: Call, c: Cost) => {
    costs.set(call, c);
    log(`    ${call}: CPU ${c.cpu.toFixed(2)} ms, wall ${c.wall.toFixed(2)} ms (${c.runs} runs, load ${c.load.toFixed(2)})`);
  };
  try {
    // A copy: the measurements record crossings and purge, the cache stays as built. Reflinks where the disk has them.
    const dataDir = path.join(work, 'data');
    try {
      execFileSync('cp', ['-r', '--reflink=auto', cached.dir, dataDir]);
    } catch {
      fs.cpSync(cached.dir, dataDir, { recursive: true });
    }
    if (cached.schema < LATEST_SCHEMA_VERSION) {
      // The upgrade a station makes once: measured apart, so the start figures below are steady starts.
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      StationStore.open(dataDir).close();
      const c = process.cpuUsage(c0);
      log(`    migrated the copy from schema ${cached.schema} to ${LATEST_SCHEMA_VERSION}: CPU ${((c.user + c.system) / 1000).toFixed(0)} ms, wall ${(performance.now() - w0).toFixed(0)} ms`);
    }
    let nowMs = HISTORY_END.getTime();
    const clock = { now: () => new Date(nowMs) };
    const open = () => createCore({ dataDir, clock, logger: silentLogger });

    note('createCore start (steady)', await cost(async () => (await open()).close(), { runs: 5, budgetMs: 10_000 }));

    const core: Core = await open();
    const signIn = async (user: keyof typeof HISTORY_USERS) => unwrap(await core.login({ username: HISTORY_USERS[user].username, pin: HISTORY_USERS[user].pin }));
    await signIn('operator');
    const groupId = summary.laneGroupId;
    unwrap(await core.setLaneGroup({ groupId }));

    // The station's day (Tashkent, UTC+5), as the lane's list of today's crossings and the dashboard ask for it.
    const dayStart = Math.floor((nowMs + 5 * 3_600_000) / DAY_MS) * DAY_MS - 5 * 3_600_000;
    const today = { from: new Date(dayStart).toISOString(), to: new Date(dayStart + DAY_MS).toISOString() };
    let line = 0;
    note(
      'lane traveller (scan + record + getStatus + getLaneOverview + listGroups + listCrossings)',
      await cost(
        async () => {
          nowMs += 20_000;
          const person = laneBusPerson(line, size);
          line += 1;
          const scan = unwrap(await core.scan({ payload: mrzOf(person), source: 'wedge' }));
          unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
          // What the lane's screen asks for after a crossing, once each (coalesced): status bar, lane panel, today's list.
          unwrap(await core.getStatus({}));
          unwrap(await core.getLaneOverview({}));
          unwrap(await core.listGroups({ limit: 20 }));
          unwrap(await core.listCrossings({ from: today.from, limit: 10 }));
        },
        { runs: 20, budgetMs: 8000 },
      ),
    );
    note('getStatus', await cost(async () => unwrap(await core.getStatus({}))));
    note('getLaneOverview', await cost(async () => unwrap(await core.getLaneOverview({}))));
    note('getGroup (600-person bus)', await cost(async () => unwrap(await core.getGroup({ groupId }))));
    note('listAlerts (open)', await cost(async () => unwrap(await core.listAlerts({}))));
    await signIn('lead');
    note('getDashboard (today)', await cost(async () => unwrap(await core.getDashboard(today))));

    await signIn('consular');
    const known = laneBusPerson(7, size);
    const searches: [Call, string][] = [
      ['searchTravellers: document number', known.documentNumber],
      ['searchTravellers: document prefix', known.documentNumber.slice(0, 5)],
      ['searchTravellers: surname', known.surname],
      ['searchTravellers: Cyrillic name', 'Каримов'],
      ['searchTravellers: name not in the log', 'WOJCIECHOWSKI'],
    ];
    for (const [call, query] of searches) note(call, await cost(async () => unwrap(await core.searchTravellers({ query }))));

    await signIn('lead');
    const exportsDir = path.join(work, 'usb');
    fs.mkdirSync(exportsDir);
    let n = 0;
    const yesterday = new Date(dayStart - DAY_MS + 5 * 3_600_000).toISOString().slice(0, 10);
    note(
      'exportBundle of one station day (folder)',
      await cost(
        async () => {
          const folder = path.join(exportsDir, String((n += 1)));
          fs.mkdirSync(folder);
          unwrap(await core.exportBundle({ date: yesterday, folder, format: 'folder' }));
        },
        { runs: 3, budgetMs: 6000 },
      ),
    );
    core.close();

    // After the lane's crossings and the day's export: the export verified the chain (its warm-up run from row 1, the
    // measured ones from the point the one before signed), so the check reads what was written since.
    note('db check (default: quick_check, chain and records since the last verified point)', await cost(() => dbCheck(dataDir, false, log), { runs: 1, warm: false }));

    // The station was off for 30 days: everything not yet purged is due at this start.
    nowMs += 30 * DAY_MS;
    note('createCore start after 30 days off (retention due)', await cost(async () => (await open()).close(), { runs: 1, warm: false }));
    // Last, as it takes longest: every page, row and record.
    note('db check --full (integrity_check, whole chain, every record)', await cost(() => dbCheck(dataDir, true, log), { runs: 1, warm: false }));
    return { costs, summary, buildNote };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** `checkpoint db check [--full]` on the copy; the generator seals as the core does, so a finding is a defect of one of them. */
function dbCheck(dataDir: string, full: boolean, log: (line: string) => void): void {
  let out = '';
  const io: CliIo = { stdin: async () => '', stdout: (text: string) => void (out += text), stderr: () => undefined };
  const code = dbCheckCommand(io, dataDir, { full });
  const report = JSON.parse(out) as { ok: boolean; audit?: { from: number; rows: number }; content?: { checked: unknown } };
  if (code !== 0) throw new Error(`db check${full ? ' --full' : ''} failed on the benchmark database: ${out.slice(0, 600)}`);
  log(`    db check${full ? ' --full' : ''}: chain rows ${report.audit?.rows} walked from row ${report.audit?.from}, records ${JSON.stringify(report.content?.checked)}`);
}

const commit = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

/**
 * Every call the operator's screens make, measured on station databases of 10k, 100k and 1M crossings
 * in one run; the ratio cost(largest) ÷ cost(smallest) says whether a call grows with history.
 */
export const scaleBenchmark: Benchmark = {
  name: 'scale',
  title: 'A station on day 60: calls on 10k / 100k / 1M crossings of history',
  async run(scale) {
    const chosen = sizes(scale);
    // The commit measured: read before the run (the tree may move on while a long run lasts).
    const measured = commit();
    const bySize = new Map<number, Awaited<ReturnType<typeof measureSize>>>();
    for (const size of chosen) bySize.set(size, await measureSize(size, console.log));
    const smallest = Math.min(...chosen);
    const largest = Math.max(...chosen);
    const small = bySize.get(smallest);
    const large = bySize.get(largest);
    if (!small || !large) return [];
    const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`);
    const figure = (c: Cost, name: string): Figure => ({ name, median: c.cpu, p95: c.wall, unit: 'ms CPU (median) / ms wall' });
    return CALLS.flatMap((call): BenchmarkRow[] => {
      const a = small.costs.get(call);
      const b = large.costs.get(call);
      if (!a || !b) return [];
      const ratio = b.cpu / a.cpu;
      const goal = GOALS[call];
      const flat = FLAT.has(call);
      const goals = [flat ? `ratio ≤ 1.5` : undefined, goal !== undefined ? `< ${goal} ms CPU at ${label(largest)}` : undefined].filter(Boolean).join(', ');
      const met = (!flat || ratio <= 1.5) && (goal === undefined || b.cpu < goal);
      const perSize = chosen
        .map((size) => {
          const c = bySize.get(size)?.costs.get(call);
          return c ? `${label(size)}: CPU ${c.cpu.toFixed(1)} ms, wall ${c.wall.toFixed(1)} ms, load ${c.load.toFixed(2)}, ${c.runs} runs` : `${label(size)}: –`;
        })
        .join('; ');
      return [
        {
          metric: `${call}: cost(${label(largest)}) ÷ cost(${label(smallest)}) = ${ratio.toFixed(2)}`,
          // No `peer`: the harness's ratio is peer ÷ ours; here the figure that matters is the growth, in the metric.
          ours: figure(b, `${label(largest)} crossings`),
          ...(goals ? { goal: goals, goalMet: met } : {}),
          note: `${perSize}. Commit ${measured}.`,
        },
      ];
    });
  },
};
