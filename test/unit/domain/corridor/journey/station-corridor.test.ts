import { describe, expect, it } from 'vitest';
import { corridorPackageContent, parseCorridorPackage, stationCorridorOf, stationDirection, stepOf } from '../../../../../shared/domain/corridor/journey';
import { KZ_UZ_TJ } from '../../../../fixtures/corridor/journey-bus';

const NAME = 'Zhibek Zholy → Oybek';

describe('the corridor a station keeps for a hub chain', () => {
  it('is the whole chain at either end and the country’s stretch between them', () => {
    const whole = { id: 'KZ-UZ-TJ', name: NAME, entryCheckpointId: 'KZ-ZHIBEK-ZHOLY', exitCheckpointId: 'TJ-OYBEK', expectedTransitMinutes: 705, maxTransitMinutes: 1260 };
    const uzbek = { id: 'KZ-UZ-TJ', name: NAME, entryCheckpointId: 'UZ-YALLAMA', exitCheckpointId: 'UZ-OYBEK', expectedTransitMinutes: 600, maxTransitMinutes: 900 };
    expect(stationCorridorOf(KZ_UZ_TJ, NAME, 'KZ-ZHIBEK-ZHOLY')).toEqual(whole);
    expect(stationCorridorOf(KZ_UZ_TJ, NAME, 'TJ-OYBEK')).toEqual(whole);
    expect(stationCorridorOf(KZ_UZ_TJ, NAME, 'UZ-YALLAMA')).toEqual(uzbek);
    expect(stationCorridorOf(KZ_UZ_TJ, NAME, 'UZ-OYBEK')).toEqual(uzbek);
    expect(stationCorridorOf(KZ_UZ_TJ, NAME, 'KZ-NUR-ZHOLY')).toBeNull();
  });

  it('makes each station record, at its end, the direction the hub reads back onto the chain as forward', () => {
    for (const [step, s] of KZ_UZ_TJ.steps.entries()) {
      const mine = stationCorridorOf(KZ_UZ_TJ, NAME, s.checkpointId)!;
      const role = mine.entryCheckpointId === s.checkpointId ? 'entry' : 'exit';
      expect(role).toBe(stationDirection(KZ_UZ_TJ, step));
      expect(stepOf(KZ_UZ_TJ, s.checkpointId, role)).toEqual({ step, reverse: false });
    }
  });

  it('reads back the package the hub writes, and names what is wrong with another file', () => {
    const content = corridorPackageContent({ name: NAME, version: 3, chain: KZ_UZ_TJ });
    expect(parseCorridorPackage(content)).toEqual({ ok: true, value: { format: 'checkpoint-central/corridor', version: 1, corridor: { name: NAME, version: 3, chain: KZ_UZ_TJ } } });
    expect(parseCorridorPackage('[1, 2')).toEqual({ ok: false, error: 'it is not JSON' });
    expect(parseCorridorPackage('{"format": "checkpoint-central/station-keys"}')).toMatchObject({ ok: false });
    const oneLeg = corridorPackageContent({ name: NAME, version: 1, chain: { ...KZ_UZ_TJ, legs: KZ_UZ_TJ.legs.slice(1) } });
    expect(parseCorridorPackage(oneLeg)).toEqual({ ok: false, error: 'A corridor of 4 checkpoints has 3 legs, not 2.' });
  });
});
