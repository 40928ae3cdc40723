import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchPerson } from '../../../../shared/domain/evidence';
import { SAME_NAME_THRESHOLD } from '../../../../shared/domain/corridor';
import { nameKey, nameSimilarity } from '../../../../shared/domain/mrz';

/** One person's name in Cyrillic and in a passport's Latin letters (test/fixtures/names/name-pairs.tsv says where from). */
interface NamePair {
  readonly lang: string;
  readonly surname: string;
  readonly given: string;
  readonly latinSurname: string;
  readonly latinGiven: string;
  readonly source: string;
}

const pairs: NamePair[] = readFileSync(new URL('../../../fixtures/names/name-pairs.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [lang, surname, given, latinSurname, latinGiven, source] = line.split('\t') as [string, string, string, string, string, string];
    return { lang, surname, given, latinSurname, latinGiven, source };
  });

const birthDate = '1990-05-17';
/** The lane's comparison: certificate (Cyrillic) holder against the scanned passport, birth dates equal. */
const laneMatches = (cyrillic: NamePair, latin: NamePair): boolean => {
  const m = matchPerson({ surname: cyrillic.surname, givenNames: cyrillic.given, birthDate }, { surname: latin.latinSurname, givenNames: latin.latinGiven, birthDate });
  // Surname against surname: a match only through the swapped-names fallback does not count.
  return m.status === 'match' && m.name.status !== 'swapped';
};
/** The corridor's comparison of two records of one nationality and birth date (pairing by identity). */
const corridorMatches = (cyrillic: NamePair, latin: NamePair): boolean =>
  nameSimilarity(`${cyrillic.surname} ${cyrillic.given}`, `${latin.latinSurname} ${latin.latinGiven}`) >= SAME_NAME_THRESHOLD;
const person = (p: NamePair): string => `${p.surname} ${p.given}`;
/** Rows are the same name when their Cyrillic differs only by a national letter for its Russian one (Ҳайдаров, Хайдаров). */
const RUSSIAN_LETTER: Readonly<Record<string, string>> = { Ҳ: 'Х', Һ: 'Х', Қ: 'К', Ғ: 'Г', Ў: 'У', Ӯ: 'У', Ұ: 'У', Ү: 'У', Ҷ: 'ДЖ', Ӣ: 'И', І: 'И', Ә: 'А', Ө: 'О', Ң: 'Н', Ё: 'Е' };
const sameName = (a: NamePair, b: NamePair): boolean => {
  const plain = (p: NamePair) => [...person(p).toUpperCase()].map((c) => RUSSIAN_LETTER[c] ?? c).join('');
  return plain(a) === plain(b);
};

function rates(matches: (a: NamePair, b: NamePair) => boolean) {
  const missed = pairs.filter((p) => !matches(p, p));
  let unrelated = 0;
  const falseMatches: string[] = [];
  // Each Cyrillic name against 50 other rows spread over the corpus (every language, deterministic): enough pairs to
  // resolve 0.01 % and quick enough for the unit suite.
  const stride = Math.max(1, Math.floor(pairs.length / 50));
  for (const [i, a] of pairs.entries()) {
    for (let k = 1; k <= 50; k += 1) {
      const b = pairs[(i + k * stride + k) % pairs.length]!;
      if (sameName(a, b)) continue;
      unrelated += 1;
      if (matches(a, b)) falseMatches.push(`${person(a)} ~ ${b.latinSurname} ${b.latinGiven}`);
    }
  }
  return { matchRate: 1 - missed.length / pairs.length, missed, falseRate: falseMatches.length / unrelated, falseMatches: [...new Set(falseMatches)], unrelated };
}

describe('name corpus: Cyrillic names against passport Latin spellings', () => {
  it('holds at least 300 pairs from every language the corridors carry', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    for (const lang of ['uz', 'tg', 'kz', 'ru']) expect(pairs.filter((p) => p.lang === lang).length, lang).toBeGreaterThanOrEqual(40);
    expect(pairs.filter((p) => p.source === 'public').length).toBeGreaterThanOrEqual(100);
  });

  it('matches ≥ 97 % of pairs at the lane and falsely matches ≤ 0.1 % of unrelated names', () => {
    const lane = rates(laneMatches);
    console.log(
      `lane: ${pairs.length} pairs, matched ${(lane.matchRate * 100).toFixed(1)} %; ${lane.unrelated} unrelated, false ${(lane.falseRate * 100).toFixed(3)} %` +
        (lane.missed.length ? `\n  missed: ${lane.missed.map((p) => `${person(p)} / ${p.latinSurname} ${p.latinGiven}`).join('; ')}` : '') +
        (lane.falseMatches.length ? `\n  false: ${lane.falseMatches.join('; ')}` : ''),
    );
    expect(lane.matchRate).toBeGreaterThanOrEqual(0.97);
    expect(lane.falseRate).toBeLessThanOrEqual(0.001);
  }, 180_000);

  it('pairs by identity across scripts in the corridor with the same rates', () => {
    const corridor = rates(corridorMatches);
    console.log(`corridor: matched ${(corridor.matchRate * 100).toFixed(1)} %, false ${(corridor.falseRate * 100).toFixed(3)} %` + (corridor.missed.length ? `\n  missed: ${corridor.missed.map((p) => `${person(p)} / ${p.latinSurname} ${p.latinGiven}`).join('; ')}` : ''));
    expect(corridor.matchRate).toBeGreaterThanOrEqual(0.97);
    expect(corridor.falseRate).toBeLessThanOrEqual(0.001);
  }, 180_000);

  it('scores the names measured below the threshold before (Ўктам, Ҳусейн, Юлия) at or above 0.85', () => {
    expect(nameSimilarity('Ўктам', "O'KTAM")).toBeGreaterThanOrEqual(0.85);
    expect(nameSimilarity('Ҳусейн', 'HUSAYN')).toBeGreaterThanOrEqual(0.85);
    expect(nameSimilarity('Юлия', 'JULIJA')).toBeGreaterThanOrEqual(0.85);
    // the stored key stays the ICAO one
    expect(nameKey('Юлия')).toBe('IULIIA');
  });
});
