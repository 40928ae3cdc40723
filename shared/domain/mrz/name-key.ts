import { transliterate } from './transliteration';

/**
 * Matching key for a name from any source (MRZ with `<` fillers, a certificate, typed text, Cyrillic): the ICAO 9303
 * transliteration in upper case A–Z, words separated by single spaces. `ҶУРАЕВ` → `DZHURAEV`, `Müller` → `MUELLER`,
 * `O'Brien-Smith` → `OBRIEN SMITH`, `ERIKSSON<<ANNA<MARIA` → `ERIKSSON ANNA MARIA`.
 */
export function nameKey(name: string): string {
  return transliterate(name);
}

// Spelling variants of the same sound across transliteration systems, folded to one form before comparing:
// ICAO (DZH, KH, TS, IU, IA), the national Latin alphabets of Central Asia (Tajik J for Ҷ, Uzbek X for Х and Q for Қ,
// Y for Й/Ю/Я), Ё as E, YO or IO, German umlauts (UE/U), X/KS in Latin names, doubled letters. Applied in order; the
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
];

const fold = (word: string): string => FOLDS.reduce((w, [re, to]) => w.replace(re, to), word);

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
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
 * score above 0.9 with each other; unrelated names score low. Compares the names as a whole (ignoring word breaks,
 * so `VAN DER VELDEN` = `VANDERVELDEN`) and word by word in any order (so `ANNA MARIA ERIKSSON` ~ `ERIKSSON ANNA MARIA`).
 */
export function nameSimilarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === '' || kb === '') return 0;
  if (ka === kb) return 1;
  const whole = wordSimilarity(ka.replace(/ /g, ''), kb.replace(/ /g, ''));
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  const words = (coverage(wa, wb) + coverage(wb, wa)) / 2;
  return Math.max(whole, words);
}
