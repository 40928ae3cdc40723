import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../../bench/index';

// Benchmarks never run inside npm test; this only proves each one starts and reports on a tiny input.
describe('benchmarks (smoke, tiny input)', () => {
  it.each(BENCHMARKS.map((b) => [b.name, b] as const))('%s starts and produces a result', async (_name, benchmark) => {
    const rows = await benchmark.run('smoke');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.metric.length).toBeGreaterThan(0);
      expect(Number.isFinite(row.ours.median)).toBe(true);
      expect(Number.isFinite(row.ours.p95)).toBe(true);
      if (row.peer) expect(Number.isFinite(row.ratio)).toBe(true);
    }
  }, 60_000);
});
