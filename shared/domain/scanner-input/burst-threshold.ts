import { err, ok, type Problem, type Result } from '../result';
import type { BurstDetectorOptions } from './burst-detector';
import { isCharacterKey, type Keystroke } from './keystroke';

/**
 * "Learnable per device": from a few recorded scans of one scanner, propose the
 * burst threshold for that scanner. p99 of the inter-character gaps × 1.5 leaves headroom for
 * event-loop jitter; the clamp keeps it above what the renderer's event loop can resolve
 * (a few ms of batching) and below fast human typing (~60 ms per key).
 */
export interface ThresholdLearningOptions {
  readonly percentile: number;
  readonly factor: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** Gaps longer than this are pauses between scans in the recording, not part of a burst. */
  readonly ignoreGapsAboveMs: number;
  readonly minSamples: number;
  readonly terminators: readonly string[];
}

export interface ThresholdProposal extends Pick<BurstDetectorOptions, 'maxGapMs' | 'endIdleMs'> {
  readonly percentileGapMs: number;
  readonly lineGapMs: number | undefined;
  readonly samples: number;
  readonly clamped: 'low' | 'high' | undefined;
}

export type ThresholdProblem = Problem<'too-few-samples' | 'invalid-learning-options'>;

const DEFAULTS: ThresholdLearningOptions = {
  percentile: 99,
  factor: 1.5,
  minMs: 10,
  maxMs: 50,
  ignoreGapsAboveMs: 500,
  minSamples: 20,
  terminators: ['Enter', 'Tab'],
};

/** Nearest-rank percentile of a non-empty list. */
function percentileOf(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export function proposeBurstThreshold(
  traces: readonly (readonly Keystroke[])[],
  options: Partial<ThresholdLearningOptions> = {},
): Result<ThresholdProposal, ThresholdProblem> {
  const o = { ...DEFAULTS, ...options };
  if (!(o.percentile > 0 && o.percentile <= 100 && o.factor > 0 && o.minMs > 0 && o.maxMs >= o.minMs)) {
    return err({ code: 'invalid-learning-options', message: 'Percentile must be in (0, 100], factor and bounds positive, minMs ≤ maxMs.' });
  }
  const terminators = new Set(o.terminators);
  const charGaps: number[] = [];
  const lineGaps: number[] = [];
  for (const trace of traces) {
    let previous: Keystroke | undefined;
    for (const stroke of trace) {
      const significant = terminators.has(stroke.key) || isCharacterKey(stroke.key);
      if (!significant || !Number.isFinite(stroke.timeMs)) continue;
      if (previous !== undefined) {
        const gap = stroke.timeMs - previous.timeMs;
        if (gap >= 0 && gap <= o.ignoreGapsAboveMs) (terminators.has(previous.key) ? lineGaps : charGaps).push(gap);
      }
      previous = stroke;
    }
  }
  if (charGaps.length < o.minSamples) {
    return err({
      code: 'too-few-samples',
      message: `Need at least ${o.minSamples} inter-key gaps to learn a threshold, got ${charGaps.length}. Scan a few more codes.`,
    });
  }
  const percentileGapMs = percentileOf(charGaps, o.percentile);
  const raw = Math.ceil(percentileGapMs * o.factor);
  const maxGapMs = Math.min(o.maxMs, Math.max(o.minMs, raw));
  const clamped = raw < o.minMs ? 'low' : raw > o.maxMs ? 'high' : undefined;
  const lineGapMs = lineGaps.length > 0 ? percentileOf(lineGaps, o.percentile) : undefined;
  // Readers that pause between MRZ lines need a longer end-of-scan window than 3× the
  // character gap; never shorter than that default.
  const endIdleMs = Math.max(maxGapMs * 3, lineGapMs === undefined ? 0 : Math.ceil(lineGapMs * o.factor));
  return ok({ maxGapMs, endIdleMs, percentileGapMs, lineGapMs, samples: charGaps.length, clamped });
}

/** Faster than anyone types (fast human typing is ~60 ms a key and never this even). */
const SLOW_SCAN_MAX_MEDIAN_GAP_MS = 60;
const SLOW_SCAN_MIN_KEYS = 20;

/**
 * Keys taken as typing that a scanner sent: twenty or more characters at a steady pace under 60 ms a key.
 * A scanner slower than the lane's threshold (40 ms a key against 30) fails every scan as "typing"; its
 * test scans are what "Learn" needs to propose a threshold that takes it.
 */
export function looksLikeSlowScan(keys: readonly Keystroke[]): boolean {
  const characters = keys.filter((stroke) => isCharacterKey(stroke.key) && Number.isFinite(stroke.timeMs));
  if (characters.length < SLOW_SCAN_MIN_KEYS) return false;
  const gaps = characters.slice(1).map((stroke, i) => stroke.timeMs - characters[i]!.timeMs);
  const median = percentileOf(gaps, 50);
  return median > 0 && median <= SLOW_SCAN_MAX_MEDIAN_GAP_MS;
}
