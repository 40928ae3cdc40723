import { describe, expect, it } from 'vitest';
import { stationDirection, stepOf } from '../../../../../shared/domain/corridor/journey';
import { KZ_UZ_TJ } from '../../../../fixtures/corridor/journey-bus';

describe('a station crossing on the hub chain', () => {
  it('reads the direction as the station there records it: into the corridor at its first checkpoint, out of it at its last', () => {
    // Zhibek Zholy is the station corridor's entry end: a traveller leaving Kazakhstan is recorded as `entry`.
    expect(stepOf(KZ_UZ_TJ, 'KZ-ZHIBEK-ZHOLY', 'entry')).toEqual({ step: 0, reverse: false });
    expect(stepOf(KZ_UZ_TJ, 'KZ-ZHIBEK-ZHOLY', 'exit')).toEqual({ step: 0, reverse: true });
    expect(stepOf(KZ_UZ_TJ, 'UZ-YALLAMA', 'entry')).toEqual({ step: 1, reverse: false });
    expect(stepOf(KZ_UZ_TJ, 'UZ-OYBEK', 'exit')).toEqual({ step: 2, reverse: false });
    expect(stepOf(KZ_UZ_TJ, 'UZ-OYBEK', 'entry')).toEqual({ step: 2, reverse: true });
    expect(stepOf(KZ_UZ_TJ, 'TJ-OYBEK', 'exit')).toEqual({ step: 3, reverse: false });
    expect(stepOf(KZ_UZ_TJ, 'TJ-OYBEK', 'entry')).toEqual({ step: 3, reverse: true });
    expect(stepOf(KZ_UZ_TJ, 'KZ-NUR-ZHOLY', 'entry')).toBeNull();
    expect(stepOf(KZ_UZ_TJ, null, 'entry')).toBeNull();
  });

  it('stationDirection is its inverse at every step, forward and back', () => {
    for (const [step, s] of KZ_UZ_TJ.steps.entries()) {
      for (const reverse of [false, true]) expect(stepOf(KZ_UZ_TJ, s.checkpointId, stationDirection(KZ_UZ_TJ, step, reverse))).toEqual({ step, reverse });
    }
  });

  it('takes the border’s direction where one checkpoint holds two steps of the chain, even at an end', () => {
    const shared = { ...KZ_UZ_TJ, steps: [KZ_UZ_TJ.steps[0]!, { checkpointId: 'KZ-ZHIBEK-ZHOLY', country: 'KAZ', direction: 'entry' as const }], legs: [KZ_UZ_TJ.legs[0]!] };
    expect(stepOf(shared, 'KZ-ZHIBEK-ZHOLY', 'exit')).toEqual({ step: 0, reverse: false });
    expect(stepOf(shared, 'KZ-ZHIBEK-ZHOLY', 'entry')).toEqual({ step: 1, reverse: false });
    for (const step of [0, 1]) expect(stepOf(shared, 'KZ-ZHIBEK-ZHOLY', stationDirection(shared, step))).toEqual({ step, reverse: false });
  });
});
