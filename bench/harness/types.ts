/** One measured figure: per-operation latency in milliseconds unless `unit` says otherwise. */
export interface Figure {
  readonly name: string;
  readonly median: number;
  readonly p95: number;
  readonly unit: string;
  /** Operations per second where that reads better than latency (e.g. commits/s). */
  readonly perSecond?: number;
}

export interface BenchmarkRow {
  readonly metric: string;
  readonly ours: Figure;
  /** The library people would use instead, measured in the same run on the same input. */
  readonly peer?: Figure;
  /** peer median / our median: above 1 means we are faster. */
  readonly ratio?: number;
  readonly goal?: string;
  readonly goalMet?: boolean;
  readonly note?: string;
}

export type Scale = 'full' | 'smoke';

export interface Benchmark {
  readonly name: string;
  readonly title: string;
  /** `smoke` runs on a tiny input in well under a second: the test suite only checks it starts and reports. */
  run(scale: Scale): Promise<BenchmarkRow[]>;
}
