/** The same MRZ conformance cases through the real `checkpoint mrz --batch` (the built CLI), as printed and tolerant. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MrzResult } from '../../shared/domain/mrz';
import { REFERENCE, casesPath, casesPresent, deviations, loadCases, verifyCase } from './mrz-case';

function runBatch(texts: string[], extra: string[]): MrzResult[] {
  const input = texts.map((text, id) => JSON.stringify({ id, text })).join('\n');
  const result = spawnSync(process.execPath, [path.resolve('bin/checkpoint.mjs'), 'mrz', '--batch', '--at', REFERENCE.toISOString(), ...extra], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`checkpoint mrz --batch exited ${result.status}: ${result.stderr}`);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line) as MrzResult);
}

if (!casesPresent) console.warn(`MRZ CLI conformance skipped: ${casesPath} not found`);

(casesPresent ? describe : describe.skip)('MRZ conformance through `checkpoint mrz`', () => {
  const cases = loadCases();
  const listed = deviations();
  const texts = cases.map((c) => c.lines.join('\n'));
  const printed = casesPresent ? runBatch(texts, ['--no-correction']) : [];
  const tolerant = casesPresent ? runBatch(texts, []) : [];

  it('answers every case', () => {
    expect(printed).toHaveLength(cases.length);
    expect(tolerant).toHaveLength(cases.length);
  });

  cases.forEach((c, index) => {
    it.skipIf(listed.has(c.id))(c.id, () => verifyCase(c, printed[index]!, tolerant[index]!));
  });
});
