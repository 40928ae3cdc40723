import { parse as peerParse } from 'mrz';
import { parseMrz } from '../shared/domain/mrz';
import { measure, ratio } from './harness/measure';
import type { Benchmark } from './harness/types';
import { mrzCorpus } from './mrz-corpus';

const REFERENCE_DATE = new Date('2026-01-01T00:00:00Z');

/** Parse 100k mixed MRZs, ours (with OCR correction and every check) vs the npm `mrz` package. */
export const mrzBenchmark: Benchmark = {
  name: 'mrz',
  title: 'MRZ parsing vs npm `mrz`',
  async run(scale) {
    const corpus = mrzCorpus(scale === 'smoke' ? 200 : 100_000);
    const texts = corpus.map((lines) => lines.join('\n'));
    let agree = 0;
    for (let i = 0; i < corpus.length; i += 1) {
      const ours = parseMrz(texts[i] as string, { referenceDate: REFERENCE_DATE, ocrCorrection: false });
      let peerValid: boolean;
      try {
        peerValid = peerParse(corpus[i] as string[]).valid;
      } catch {
        peerValid = false;
      }
      if ((ours.readable && ours.status === 'valid') === peerValid) agree += 1;
    }
    const figures = await measure(
      {
        ours: () => {
          for (const text of texts) parseMrz(text, { referenceDate: REFERENCE_DATE });
        },
        peer: () => {
          for (const lines of corpus) {
            try {
              peerParse(lines);
            } catch {
              // The peer throws on some malformed input; we count the time all the same.
            }
          }
        },
      },
      scale,
      { timeMs: 4000, warmupMs: 500, minIterations: 3, warmupIterations: 1 },
    );
    const ours = { ...figures.ours!, name: '@checkpoint mrz', perSecond: corpus.length / (figures.ours!.median / 1000) };
    const peer = { ...figures.peer!, name: 'npm mrz', perSecond: corpus.length / (figures.peer!.median / 1000) };
    const r = ratio(peer, ours);
    return [
      {
        metric: `parse ${corpus.length} mixed MRZs (ms per batch)`,
        ours,
        peer,
        ratio: r,
        goal: '≥ 3× faster than npm mrz',
        goalMet: r >= 3,
        note: `ours also corrects OCR look-alikes, validates calendar dates and country codes; validity verdicts agree with the peer on ${((100 * agree) / corpus.length).toFixed(1)} % of inputs when our correction is off.`,
      },
    ];
  },
};
