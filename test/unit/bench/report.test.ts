import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEPT_NOTES_MARKER, keptMarker, writeReports, type BenchmarkReport } from '../../../bench/harness/report';
import { tempDir } from '../../support/temp-dir';

const report = (name: string, median: number): BenchmarkReport => ({
  name,
  title: `The ${name} benchmark (a title with parentheses)`,
  seconds: 1,
  rows: [{ metric: `${name} per call`, ours: { name: 'ours', median, p95: median, unit: 'ms' }, note: `measured ${median}` }],
});

describe('bench/RESULTS.md rewritten by a run of some benchmarks', () => {
  it('keeps the sections of benchmarks not run, hand-written notes included, and the notes under a re-run one’s marker', () => {
    const dir = tempDir();
    const json = path.join(dir, 'results.json');
    const md = path.join(dir, 'RESULTS.md');
    writeReports([report('alpha', 1), report('beta', 2)], json, md);
    const written = fs.readFileSync(md, 'utf8');
    const withNotes = written
      .replace('- beta per call: measured 2\n', '- beta per call: measured 2\n\n**Hand-written about beta.**\n')
      .replace('- alpha per call: measured 1\n', `- alpha per call: measured 1\n\n${keptMarker('alpha')}\nHand-written about alpha, kept.\n`);
    fs.writeFileSync(md, `${withNotes}\n${KEPT_NOTES_MARKER}\n\n## Analysis across runs\n`);

    writeReports([report('alpha', 5)], json, md);
    const again = fs.readFileSync(md, 'utf8');
    expect(again).toContain('measured 5');
    expect(again).not.toContain('measured 1');
    expect(again).toContain('Hand-written about alpha, kept.');
    // beta was not run: its section stands as it was, notes and figures.
    expect(again).toContain('**Hand-written about beta.**');
    expect(again).toContain('measured 2');
    expect(again.indexOf('The alpha benchmark')).toBeLessThan(again.indexOf('The beta benchmark'));
    expect(again.endsWith(`${KEPT_NOTES_MARKER}\n\n## Analysis across runs\n`)).toBe(true);
  });
});
