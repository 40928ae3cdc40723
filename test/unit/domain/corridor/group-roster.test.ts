import { describe, expect, it } from 'vitest';
import { groupRoster, rosterCounts, type Passage, type RosterGroup, type RosterManifestLine } from '../../../../shared/domain/corridor';

const H = 3_600_000;
const NAMES = ['', 'KARIMOV ALISHER', 'NAZAROVA MADINA', 'SAIDOV BEHRUZ', 'ODINAEV FIRDAVS', '', '', '', '', 'MIRZOEV UMED'];
const line = (n: number): RosterManifestLine => ({ id: `m${n}`, documentNumber: `D${n}`, nationality: 'TJK', birthDate: `198${n}-0${n}-1${n}`, nameKey: NAMES[n] ?? '' });
const pass = (id: string, n: number, direction: Passage['direction'], atMs: number, over: Partial<Passage> = {}): Passage => ({
  id,
  direction,
  corridorId: 'C',
  groupId: 'G',
  stationId: 'S',
  recordedAtMs: atMs,
  documentNumber: `D${n}`,
  nationality: 'TJK',
  birthDate: `198${n}-0${n}-1${n}`,
  nameKey: NAMES[n] ?? '',
  ...over,
});
const group = (over: Partial<RosterGroup> = {}): RosterGroup => ({
  departedAtMs: null,
  arrivedAtMs: null,
  timing: { expectedTransitMinutes: 240, maxTransitMinutes: 360 },
  tracksExits: true,
  ...over,
});

describe('group roster: a state for everyone on the manifest and everyone who crossed with the group', () => {
  const manifest = [1, 2, 3, 4].map(line);
  const passages = [pass('e1', 1, 'entry', 0), pass('e2', 2, 'entry', 0), pass('x1', 1, 'exit', 4 * H), pass('x9', 9, 'exit', 4 * H)];
  const pairings = [{ entryId: 'e1', exitId: 'x1', method: 'document' as const }];

  it('is expected / entered / exited / unexpected while the bus is on the road', () => {
    const people = groupRoster(manifest, passages, pairings, group(), 5 * H);
    expect(people.map((p) => [p.manifestEntryId, p.state])).toEqual([
      ['m1', 'exited'],
      ['m2', 'entered'],
      ['m3', 'expected'],
      ['m4', 'expected'],
      [null, 'unexpected'],
    ]);
  });

  it('turns into overdue past the maximum time (exit end only), no-show after departure and missing after arrival', () => {
    expect(groupRoster(manifest, passages, pairings, group(), 7 * H)[1]?.state).toBe('overdue');
    expect(groupRoster(manifest, passages, pairings, group({ tracksExits: false }), 7 * H)[1]?.state).toBe('entered');
    const closed = groupRoster(manifest, passages, pairings, group({ departedAtMs: H, arrivedAtMs: 5 * H }), 5 * H);
    expect(rosterCounts(closed)).toMatchObject({ exited: 1, missing: 1, 'no-show': 2, unexpected: 1, total: 5, onManifest: 4 });
  });

  it('finds a traveller on a replaced passport by birth date and name', () => {
    const replaced = [pass('e3', 3, 'entry', 0, { documentNumber: 'NEW3' })];
    expect(groupRoster(manifest, replaced, [], group(), H)[2]).toMatchObject({ manifestEntryId: 'm3', state: 'entered' });
  });
});
