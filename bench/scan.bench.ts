import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, silentLogger } from '../shared/app';
import { mrzCorpus } from './mrz-corpus';
import { timeEachAsync } from './harness/measure';
import type { Benchmark } from './harness/types';

/** Scan-to-decision inside the core (classification, MRZ parse, rules, draft), what the lane waits for after the last key. */
export const scanBenchmark: Benchmark = {
  name: 'scan',
  title: 'Scan to decision in the core',
  async run(scale) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bench-scan-'));
    const core = await createCore({ dataDir: dir, logger: silentLogger });
    try {
      const corpus = mrzCorpus(scale === 'smoke' ? 20 : 2000, 77).map((lines) => lines.join('\n'));
      for (const payload of corpus.slice(0, 50)) await core.scan({ payload });
      const timing = await timeEachAsync(corpus.length, (i) => core.scan({ payload: corpus[i] as string, source: 'wedge' }));
      return [
        {
          metric: `scan(payload) for ${corpus.length} passport zones`,
          ours: { name: 'core.scan', median: timing.median, p95: timing.p95, unit: 'ms' },
          goal: 'well under the lane budget of 100 ms (p95)',
          goalMet: timing.p95 < 100,
        },
      ];
    } finally {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
