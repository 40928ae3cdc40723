import { Bench } from 'tinybench';
import type { Figure, Scale } from './types';

export interface MeasureOptions {
  /** Milliseconds of measured time per task (after warm-up). */
  readonly timeMs?: number;
  readonly warmupMs?: number;
  readonly minIterations?: number;
  /** Warm-up runs before timing (tinybench's default of 16 is far too many for second-long batches). */
  readonly warmupIterations?: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] as number;
}

/** Runs every task with tinybench (warm-up, then timed samples) and returns median and p95 per task, in ms. */
export async function measure(
  tasks: Record<string, () => unknown>,
  scale: Scale,
  options: MeasureOptions = {},
): Promise<Record<string, Figure>> {
  const smoke = scale === 'smoke';
  const bench = new Bench({
    time: smoke ? 20 : (options.timeMs ?? 2000),
    warmupTime: smoke ? 5 : (options.warmupMs ?? 300),
    iterations: smoke ? 2 : (options.minIterations ?? 10),
    warmupIterations: smoke ? 1 : (options.warmupIterations ?? 3),
    retainSamples: true,
    throws: true,
  });
  for (const [name, task] of Object.entries(tasks)) bench.add(name, task);
  await bench.run();
  const figures: Record<string, Figure> = {};
  for (const task of bench.tasks) {
    const result = task.result as { latency?: { samples?: readonly number[] } } | undefined;
    const samples = [...(result?.latency?.samples ?? [])].sort((a, b) => a - b);
    if (samples.length === 0) throw new Error(`benchmark task "${task.name}" produced no samples`);
    figures[task.name] = { name: task.name, median: percentile(samples, 0.5), p95: percentile(samples, 0.95), unit: 'ms' };
  }
  return figures;
}

/** Times each call of `once` individually (for operations that must not be batched, like durable commits). */
export function timeEach(count: number, once: (index: number) => void): { median: number; p95: number; p99: number; totalMs: number } {
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    once(i);
    samples.push(performance.now() - t0);
  }
  const totalMs = performance.now() - start;
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99), totalMs };
}

export async function timeEachAsync(count: number, once: (index: number) => Promise<unknown>): Promise<{ median: number; p95: number; p99: number; totalMs: number }> {
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await once(i);
    samples.push(performance.now() - t0);
  }
  const totalMs = performance.now() - start;
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95), p99: percentile(samples, 0.99), totalMs };
}

export const ratio = (peer: Figure, ours: Figure): number => peer.median / ours.median;
