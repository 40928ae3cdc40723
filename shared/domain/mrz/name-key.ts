import { nameKeys } from './romanisation';
import { transliterate } from './transliteration';

/**
 * Matching key for a name from any source (MRZ with `<` fillers, a certificate, typed text, Cyrillic): the ICAO 9303
 * transliteration in upper case A–Z, words separated by single spaces. `ҶУРАЕВ` → `DZHURAEV`, `Müller` → `MUELLER`,
 * `O'Brien-Smith` → `OBRIEN SMITH`, `ERIKSSON<<ANNA<MARIA` → `ERIKSSON ANNA MARIA`.
 */
export function nameKey(name: string): string {
  return transliterate(name);
}

/** The key of a person's whole name, surname first: what pairing, manifests and searches compare. */
export const personNameKey = (person: { readonly surname: string; readonly givenNames: string }): string => nameKey(`${person.surname} ${person.givenNames}`);

// Spelling variants of the same sound across transliteration systems, folded to one form before comparing:
// ICAO (DZH, KH, TS, IU, IA), the national Latin alphabets of Central Asia (Tajik J for Ҷ, Uzbek X for Х and Q for Қ,
// Y for Й/Ю/Я), Ё as E, YO or IO, German umlauts (UE/U), X/KS in Latin names, doubled letters, ALEXANDER's -NDER. Applied in order; the
// result is only used for comparison, never shown.
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/SHCH|SCH/g, 'SH'],
  [/DZH|DJ|ZH/g, 'J'],
  [/KH|KS|X/g, 'H'],
  [/GH/g, 'G'],
  [/PH/g, 'F'],
  [/TH/g, 'T'],
  [/TS|TZ/g, 'C'],
  [/Q/g, 'K'],
  [/W/g, 'V'],
  [/Y/g, 'I'],
  [/IO/g, 'E'],
  [/AE/g, 'A'],
  [/OE/g, 'O'],
  [/UE/g, 'U'],
  [/IE/g, 'E'],
  [/(.)\1+/g, '$1'],
  // -андр names in western spelling (Александр ALEXANDER, as in many passports and certificates).
  [/NDER$/g, 'NDR'],
];

/**
 * A bounded cache for the per-name work (keys, folds): pairing and the corpus compare each name with many others, and
 * the same few thousand names come back. Cleared when full rather than evicting one by one (simple, and names recur).
 */
function cached<T>(compute: (text: string) => T, size = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined) {
      if (cache.size >= size) cache.clear();
      value = compute(text);
      cache.set(text, value);
    }
    return value;
  };
}

const fold = cached((word: string): string => FOLDS.reduce((w, [re, to]) => w.replace(re, to), word));
const keysOf = cached(nameKeys, 2048);

// A E I O U Y as char codes.
const isVowel = (c: number): boolean => c === 65 || c === 69 || c === 73 || c === 79 || c === 85 || c === 89;

// Two rows reused across calls (the comparison runs for every pair of names pairing looks at).
let rowA = new Float64Array(32);
let rowB = new Float64Array(32);

/**
 * Edit distance where one vowel for another costs half: names carried across scripts differ most in their vowels
 * (HUSEIN / HUSAYN, KOMILOV / KAMILOV, SULEIMENOV / SULEYMENOV), while a changed consonant usually means another name.
 */
function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (rowA.length <= b.length) {
    rowA = new Float64Array(b.length + 1);
    rowB = new Float64Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    const vowelA = isVowel(ca);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : vowelA && isVowel(cb) ? 0.5 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const ratio = (a: string, b: string): number => {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 1 : 1 - levenshtein(a, b) / max;
};

/** Exact spelling counts a little, folded spelling most. */
const wordSimilarity = (a: string, b: string): number => 0.2 * ratio(a, b) + 0.8 * ratio(fold(a), fold(b));

/** For each word of `from`, its best match among `to`, weighted by word length. */
function coverage(from: readonly string[], to: readonly string[]): number {
  let total = 0;
  let weight = 0;
  for (const w of from) {
    let best = 0;
    for (const v of to) best = Math.max(best, wordSimilarity(w, v));
    total += best * w.length;
    weight += w.length;
  }
  return weight === 0 ? 0 : total / weight;
}

/**
 * Similarity of two names in 0..1, across scripts and transliteration systems: `ҶУРАЕВ`, `DZHURAEV` and `JURAEV`
 * score above 0.9 with each other; unrelated names score low. A Cyrillic name is compared in each Latin spelling its
 * letters allow (romanisation.ts: Ўктам as OKTAM and UKTAM, Юлия as IULIIA, YULIYA and JULIJA), keeping the best.
 * Compares the names as a whole (ignoring word breaks, so `VAN DER VELDEN` = `VANDERVELDEN`) and word by word in any
 * order (so `ANNA MARIA ERIKSSON` ~ `ERIKSSON ANNA MARIA`).
 */
export function nameSimilarity(a: string, b: string): number {
  let best = 0;
  for (const ka of keysOf(a)) {
    for (const kb of keysOf(b)) {
      best = Math.max(best, keySimilarity(ka, kb));
      if (best === 1) return 1;
    }
  }
  return best;
}

function keySimilarity(ka: string, kb: string): number {
  if (ka === '' || kb === '') return 0;
  if (ka === kb) return 1;
  const whole = wordSimilarity(ka.replace(/ /g, ''), kb.replace(/ /g, ''));
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  const words = (coverage(wa, wb) + coverage(wb, wa)) / 2;
  return Math.max(whole, words);
}
