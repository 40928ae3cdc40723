import { stationDirection, type CorridorChain, type JourneyCrossing } from '../shared/domain/corridor/journey';
import { seededRandom } from './harness/prng';

/**
 * A synthetic region for the corridor benchmark, the same for every run (fixed seed): 20 checkpoints in 5
 * corridors of 4 steps (exit country A, entry B, exit B, entry C), buses of 68–600 people, 0.5 % of people
 * never arriving at the last checkpoint, 2 % entering the last country on a new passport. Departures are spread
 * so the region records ~400,000 crossings a day.
 */
export const REGION_CORRIDORS: readonly CorridorChain[] = Array.from({ length: 5 }, (_, k) => ({
  id: `BENCH-C${k + 1}`,
  steps: [
    { checkpointId: `C${k + 1}-A-OUT`, country: 'KAZ', direction: 'exit' as const },
    { checkpointId: `C${k + 1}-B-IN`, country: 'UZB', direction: 'entry' as const },
    { checkpointId: `C${k + 1}-B-OUT`, country: 'UZB', direction: 'exit' as const },
    { checkpointId: `C${k + 1}-C-IN`, country: 'TJK', direction: 'entry' as const },
  ],
  legs: [
    { expectedMinutes: 60, maxMinutes: 180 },
    { expectedMinutes: 600, maxMinutes: 900 },
    { expectedMinutes: 45, maxMinutes: 180 },
  ],
}));

const CROSSINGS_PER_DAY = 400_000;
const DAY = 86_400_000;
export const REGION_START = Date.parse('2026-01-01T00:00:00Z');
const NATIONALITIES = ['TJK', 'UZB', 'KAZ', 'KGZ', 'RUS'] as const;
const SYLLABLES = ['KA', 'RI', 'MO', 'NA', 'ZA', 'RO', 'SA', 'DI', 'JU', 'RA', 'SHA', 'BO', 'BE', 'AS', 'HU', 'MI', 'RZ', 'OL', 'FA', 'TU'];

export interface RegionGroup {
  readonly corridor: CorridorChain;
  readonly groupId: string;
  readonly crossings: readonly JourneyCrossing[];
  readonly people: number;
}

/** Groups in departure order, each with every crossing of its people, without end (the caller stops). */
export function* regionGroups(seed = 19): Generator<RegionGroup> {
  const random = seededRandom(seed);
  let made = 0;
  let person = 0;
  let g = 0;
  const word = (n: number): string => Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  for (;;) {
    const corridor = REGION_CORRIDORS[g % REGION_CORRIDORS.length]!;
    const size = 68 + Math.floor(random() * 533);
    const departAt = REGION_START + (made / CROSSINGS_PER_DAY) * DAY;
    const groupId = `BUS-${String(g).padStart(6, '0')}`;
    const crossings: JourneyCrossing[] = [];
    for (let i = 0; i < size; i += 1, person += 1) {
      const nationality = NATIONALITIES[person % NATIONALITIES.length]!;
      const birthDate = new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 18_250) * DAY).toISOString().slice(0, 10);
      const name = `${word(3)}OV ${word(2)}`;
      const documentNumber = `${nationality.slice(0, 2)}${String(person).padStart(8, '0')}`;
      const missing = random() < 0.005;
      const replaced = random() < 0.02;
      const legOffsets = [0, 50 + random() * 60, 600 + random() * 200, 640 + random() * 220];
      for (let step = 0; step < (missing ? 3 : 4); step += 1) {
        const s = corridor.steps[step]!;
        crossings.push({
          id: `${g}-${i}-${step}`,
          revision: 0,
          stationId: `ST-${s.checkpointId}`,
          checkpointId: s.checkpointId,
          corridorId: corridor.id,
          groupId,
          direction: stationDirection(corridor, step),
          disposition: 'crossed',
          recordedAtMs: Math.round(departAt + (i * 15_000) + legOffsets[step]! * 60_000),
          documentNumber: replaced && step === 3 ? `N${documentNumber}` : documentNumber,
          nationality,
          birthDate,
          nameKey: name,
        });
      }
    }
    made += crossings.length;
    g += 1;
    yield { corridor, groupId, crossings, people: size };
  }
}
