import path from 'node:path';
import { BENCHMARKS } from './index';
import { writeReports, type BenchmarkReport } from './harness/report';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = wanted.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exit(2);
  }
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  const reports: BenchmarkReport[] = [];
  for (const benchmark of selected) {
    const start = performance.now();
    console.log(`▶ ${benchmark.name}: ${benchmark.title}`);
    const rows = await benchmark.run('full');
    const seconds = (performance.now() - start) / 1000;
    for (const row of rows) {
      const peer = row.peer ? `  vs ${row.peer.name} ${row.peer.median.toFixed(3)} ms → ratio ${row.ratio?.toFixed(2)}×` : '';
      console.log(`  ${row.metric}: ${row.ours.median.toFixed(3)} ms median, ${row.ours.p95.toFixed(3)} ms p95${peer}${row.goal ? `  [goal ${row.goal}: ${row.goalMet ? 'met' : 'MISSED'}]` : ''}`);
    }
    console.log(`  (${seconds.toFixed(1)} s)`);
    reports.push({ name: benchmark.name, title: benchmark.title, rows, seconds });
  }
  const dir = path.resolve('bench');
  writeReports(reports, path.join(dir, 'results.json'), path.join(dir, 'RESULTS.md'));
  console.log('Wrote bench/results.json and bench/RESULTS.md');
}

main().catch((error: unknown) => {
  console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
