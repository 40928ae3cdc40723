import { centralBenchmark } from './central.bench';
import { dccBenchmark } from './dcc.bench';
import { exportBenchmark } from './export.bench';
import type { Benchmark } from './harness/types';
import { labListBenchmark } from './lab-list.bench';
import { logBenchmark } from './log.bench';
import { mrzBenchmark } from './mrz.bench';
import { corridorBenchmark } from './corridor.bench';
import { pairingBenchmark } from './pairing.bench';
import { qrBenchmark } from './qr.bench';
import { scaleBenchmark } from './scale.bench';
import { scanBenchmark } from './scan.bench';

/** Every benchmark `npm run bench` runs; `npm run bench -- <name>` runs one. */
export const BENCHMARKS: readonly Benchmark[] = [mrzBenchmark, qrBenchmark, dccBenchmark, logBenchmark, scanBenchmark, exportBenchmark, pairingBenchmark, labListBenchmark, corridorBenchmark, scaleBenchmark, centralBenchmark];
