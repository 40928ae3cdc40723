import { describe, expect, it } from 'vitest';
import { detectBursts, looksLikeSlowScan, proposeBurstThreshold, type Keystroke } from '../../../../shared/domain/scanner-input';
import { loadFixture } from './fixtures';

interface WedgeFixture {
  expected: { kind: 'scan' | 'typing'; text: string }[];
  keys: Keystroke[];
}

/** The keys of the scan bursts in a fixture (what a "learn this scanner" dialog records). */
function scanTraces(name: string): Keystroke[][] {
  const result = detectBursts(loadFixture<WedgeFixture>('wedge', name).keys);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.flatMap((o) => (o.kind === 'scan' ? [[...o.keys]] : []));
}

const evenTrace = (count: number, gap: number, start = 0): Keystroke[] =>
  Array.from({ length: count }, (_, i) => ({ key: String.fromCharCode(65 + (i % 26)), timeMs: start + i * gap }));

describe('proposeBurstThreshold', () => {
  it('learns p99 × 1.5 from a 19 ms scanner', () => {
    const proposal = proposeBurstThreshold(scanTraces('scanner-19ms'));
    expect(proposal.ok).toBe(true);
    if (!proposal.ok) return;
    // Gaps are 19 ms ± 15 % plus up to 0.6 ms for a Shift press: p99 ≤ 22.45 ms.
    expect(proposal.value.percentileGapMs).toBeGreaterThan(19);
    expect(proposal.value.percentileGapMs).toBeLessThanOrEqual(22.45);
    expect(proposal.value.maxGapMs).toBe(Math.ceil(proposal.value.percentileGapMs * 1.5));
    expect(proposal.value.clamped).toBeUndefined();
    expect(proposal.value.endIdleMs).toBe(proposal.value.maxGapMs * 3);
  });

  it('clamps a very fast scanner to the event-loop floor', () => {
    const proposal = proposeBurstThreshold(scanTraces('scanner-1ms'));
    expect(proposal.ok && proposal.value).toMatchObject({ maxGapMs: 10, clamped: 'low' });
  });

  it('clamps a slow device below human typing speed', () => {
    const proposal = proposeBurstThreshold([evenTrace(40, 45)]);
    expect(proposal.ok && proposal.value).toMatchObject({ maxGapMs: 50, clamped: 'high' });
  });

  it('widens the end-of-scan window for readers that pause between MRZ lines', () => {
    const proposal = proposeBurstThreshold(scanTraces('mrz-td1-3line'));
    expect(proposal.ok).toBe(true);
    if (!proposal.ok) return;
    expect(proposal.value.lineGapMs).toBeGreaterThan(35);
    expect(proposal.value.endIdleMs).toBeGreaterThanOrEqual(Math.ceil((proposal.value.lineGapMs ?? 0) * 1.5));
    // The learned settings still read the recording as one 3-line scan.
    const again = detectBursts(loadFixture<WedgeFixture>('wedge', 'mrz-td1-3line').keys, proposal.value);
    expect(again.ok && again.value.map((o) => o.kind)).toEqual(['scan']);
  });

  it('ignores pauses between scans in one recording and modifier keys', () => {
    const first = evenTrace(30, 8);
    const second = evenTrace(30, 8, 5000).flatMap((k) => [{ key: 'Shift', timeMs: k.timeMs - 0.3 }, k]);
    const proposal = proposeBurstThreshold([[...first, ...second]]);
    expect(proposal.ok && proposal.value).toMatchObject({ percentileGapMs: 8, maxGapMs: 12, samples: 58 });
  });

  it('asks for more scans when there are too few samples', () => {
    const proposal = proposeBurstThreshold([evenTrace(10, 5)]);
    expect(!proposal.ok && proposal.error.code).toBe('too-few-samples');
    expect(proposeBurstThreshold([]).ok).toBe(false);
  });

  it('rejects unusable learning options', () => {
    const proposal = proposeBurstThreshold([evenTrace(40, 5)], { minMs: 60, maxMs: 50 });
    expect(!proposal.ok && proposal.error.code).toBe('invalid-learning-options');
  });
});

describe('looksLikeSlowScan', () => {
  // A scanner sending a passport MRZ line at 40 ms a key, then Enter.
  const slowScanner = [...evenTrace(44, 40), { key: 'Enter', timeMs: 44 * 40 }];

  it('takes a 40 ms scanner that the default threshold reads as typing, and learning then makes it a scan', () => {
    const before = detectBursts(slowScanner);
    expect(before.ok && before.value.map((o) => o.kind)).not.toContain('scan');
    expect(looksLikeSlowScan(slowScanner)).toBe(true);
    const proposal = proposeBurstThreshold([slowScanner]);
    if (!proposal.ok) throw new Error(proposal.error.message);
    const after = detectBursts(slowScanner, { maxGapMs: proposal.value.maxGapMs, endIdleMs: proposal.value.endIdleMs });
    expect(after.ok && after.value.map((o) => o.kind)).toEqual(['scan']);
  });

  it('leaves a person typing, and short bursts, alone', () => {
    expect(looksLikeSlowScan(evenTrace(30, 140))).toBe(false);
    expect(looksLikeSlowScan(evenTrace(12, 20))).toBe(false);
    expect(looksLikeSlowScan([])).toBe(false);
  });
});
