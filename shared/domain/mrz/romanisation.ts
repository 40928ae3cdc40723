import { transliterate } from './transliteration';

// Cyrillic names reach a passport's Latin line through different tables depending on the holder's language and the
// passport's age: the same Ўктам is O'KTAM in an Uzbek passport (O'KTAM → OKTAM in the MRZ) and UKTAM through the
// Russian letter У; Юлия is IULIIA (Russian passports since 2013, ICAO), YULIYA (1997–2010), JULIJA (Baltic and
// Slavic Latin alphabets), IOULIA (Soviet passports in French style) or JULIJA in a German one. Comparing a Cyrillic
// name with a Latin one therefore tries each table that the name's letters allow, and keeps the best.

/** A Latin spelling system: letter values that differ from the ICAO table (transliteration.ts), by upper-case letter. */
interface Romanisation {
  readonly letters: Readonly<Record<string, string>>;
  /** Value of Е at the start of a word or after a vowel, Ъ or Ь (Russian-language national systems write YE there). */
  readonly iotatedE?: string;
  /** Value of С between two vowels (French and German spellings double it to keep it voiceless: ROUSSLAN, JUSSUPOW). */
  readonly intervocalicS?: string;
  /** Value of Ь before a vowel (Ильин ILYIN, ILJIN; Наталья NATALYA, NATALJA); omitted when not set. */
  readonly softSignBeforeVowel?: string;
  /** Word endings spelled as a whole (German Юрий JURI, Юлия JULIA), applied before the letters. */
  readonly endings?: Readonly<Record<string, string>>;
}

/** Russian passports 1997–2010 (MVD order No. 310, close to BGN/PCGN): Й Y, Ю YU, Я YA, Ё YO, Ъ and Ь omitted. */
const RU_1997: Romanisation = {
  letters: { Й: 'Y', Ю: 'YU', Я: 'YA', Ё: 'YO', Ъ: '', Ь: '', Ы: 'Y', Э: 'E', Х: 'KH', Ц: 'TS' },
  iotatedE: 'YE',
  softSignBeforeVowel: 'Y',
};

/** GOST R 52535.1-2006 (Russian passports 2006–2010): as ICAO but Ц TC. */
const RU_GOST_2006: Romanisation = { letters: { Ц: 'TC', Ъ: '' } };

/** GOST 7.79-2000 system B (and the older ISO/R 9 practice): Й J, Х X, Ц CZ, Щ SHH, Ю YU, Я YA. */
const RU_GOST_2000: Romanisation = { letters: { Й: 'J', Х: 'X', Ц: 'CZ', Щ: 'SHH', Ю: 'YU', Я: 'YA', Ё: 'YO', Ъ: '', Ь: '', Ы: 'Y', Э: 'E' } };

/**
 * Scholarly / ISO 9 spelling as Baltic, Czech, Slovak, Slovene, Croatian and Polish passports print it, with the
 * háček dropped in the MRZ (Š → S, Ž → Z, Č → C): Юлия JULIJA, Сергей SERGEJ, Шевченко SEVCENKO.
 */
const SCHOLARLY: Romanisation = {
  letters: { Й: 'J', Ю: 'JU', Я: 'JA', Ё: 'JO', Ж: 'Z', Ш: 'S', Ч: 'C', Щ: 'SC', Ц: 'C', Х: 'CH', Ъ: '', Ь: '', Ы: 'Y', Э: 'E' },
  iotatedE: 'JE',
  softSignBeforeVowel: 'J',
};

/** German (Duden) spelling, found in German passports of people born in the USSR: Жуков SCHUKOW, Юрий JURIJ. */
const GERMAN: Romanisation = {
  letters: {
    В: 'W', Ж: 'SCH', З: 'S', Й: 'J', Ю: 'JU', Я: 'JA', Ё: 'JO', Х: 'CH', Ц: 'Z', Ч: 'TSCH', Ш: 'SCH', Щ: 'SCHTSCH',
    Ъ: '', Ь: '', Ы: 'Y', Э: 'E',
  },
  iotatedE: 'JE',
  intervocalicS: 'SS',
  softSignBeforeVowel: 'J',
  endings: { ИЙ: 'I', ЫЙ: 'Y', ИЯ: 'IA' },
};

/** French spelling of Soviet passports and older travel documents: Чайковский TCHAIKOVSKI, Юрий IOURI. */
const FRENCH: Romanisation = {
  letters: { У: 'OU', Ж: 'J', Х: 'KH', Ц: 'TS', Ч: 'TCH', Ш: 'CH', Щ: 'CHTCH', Й: 'I', Ю: 'IOU', Я: 'IA', Ё: 'IO', Ъ: '', Ь: '', Ы: 'Y', Э: 'E' },
  intervocalicS: 'SS',
};

/**
 * Uzbek Latin alphabet (law of 1995, as amended): Ў Oʻ, Ғ Gʻ, Қ Q, Ҳ H, Х X, Ж J, Ч CH, Ш SH, Й Y, Ё YO, Ю YU, Я YA,
 * Ц TS; the apostrophes of Oʻ and Gʻ are omitted in the MRZ.
 */
const UZBEK: Romanisation = {
  letters: { Ў: 'O', Ғ: 'G', Қ: 'Q', Ҳ: 'H', Х: 'X', Ж: 'J', Й: 'Y', Ё: 'YO', Ю: 'YU', Я: 'YA', Ц: 'TS', Ъ: '', Ь: '', Ы: 'I', Э: 'E' },
  iotatedE: 'YE',
};

/**
 * Uzbek passports in Russian-based Latin (older and many current ones): Х KH, Ж J for the Uzbek sound, Ў U, Ҳ H.
 */
const UZBEK_RU: Romanisation = {
  letters: { Ў: 'U', Ғ: 'G', Қ: 'K', Ҳ: 'H', Х: 'KH', Ж: 'J', Й: 'Y', Ё: 'YO', Ю: 'YU', Я: 'YA', Ъ: '', Ь: '' },
  iotatedE: 'YE',
};

/** Tajik passports: Ҷ J, Ҳ H, Қ Q, Ғ GH, Ӯ U, Ӣ I, Х KH, Ж ZH, Й Y, Ё YO, Ю YU, Я YA, Ъ omitted. */
const TAJIK: Romanisation = {
  letters: { Ҷ: 'J', Ҳ: 'H', Қ: 'Q', Ғ: 'GH', Ӯ: 'U', Ӣ: 'I', Х: 'KH', Ж: 'ZH', Й: 'Y', Ё: 'YO', Ю: 'YU', Я: 'YA', Ъ: '', Ь: '', Э: 'E' },
  iotatedE: 'YE',
};

/**
 * Kazakh passports (transliteration rules of the Ministry of Justice, 2000s–2010s): Ә A, Ғ G, Қ K, Ң N, Ө O, Ұ U,
 * Ү U, Һ H, І I, Х KH, Ж ZH, Й Y, Ы Y, Ю YU, Я YA; Е YE at the start of a word.
 */
const KAZAKH: Romanisation = {
  letters: { Ә: 'A', Ғ: 'G', Қ: 'K', Ң: 'N', Ө: 'O', Ұ: 'U', Ү: 'U', Һ: 'H', І: 'I', Х: 'KH', Ж: 'ZH', Й: 'Y', Ы: 'Y', Ю: 'YU', Я: 'YA', Ъ: '', Ь: '' },
  iotatedE: 'YE',
};

/** Kazakh Latin alphabet of 2021 as printed in the MRZ (Ä AE, Ö OE, Ü UE, Ñ N, Ğ G, Ş SH, Ç CH, Ū U): Ж J, Қ Q, Ң NG. */
const KAZAKH_LATIN: Romanisation = {
  letters: { Ә: 'AE', Ғ: 'G', Қ: 'Q', Ң: 'NG', Ө: 'OE', Ұ: 'U', Ү: 'UE', Һ: 'H', І: 'I', Х: 'H', Ж: 'J', Й: 'I', Ы: 'Y', Ю: 'IU', Я: 'IA', Ц: 'TS', Ъ: '', Ь: '' },
};

const RUSSIAN_SYSTEMS = [RU_1997, RU_GOST_2006, RU_GOST_2000, SCHOLARLY, GERMAN, FRENCH] as const;

// Letters that only some languages have: their presence says which national tables apply.
const TAJIK_ONLY = /[ҶӮӢҷӯӣ]/u;
const KAZAKH_ONLY = /[ӘҢӨҰҮҺІәңөұүһі]/u;
const UZBEK_ONLY = /[Ўў]/u;
const UZBEK_OR_TAJIK = /[Ҳҳ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** The national tables a Cyrillic name's letters allow (Қ and Ғ are in all three); a name in the Russian alphabet alone could be any. */
function nationalSystems(text: string): readonly Romanisation[] {
  const tajik = TAJIK_ONLY.test(text);
  const kazakh = KAZAKH_ONLY.test(text);
  const uzbek = UZBEK_ONLY.test(text);
  const languages = new Set<string>();
  if (tajik) languages.add('tg');
  if (kazakh) languages.add('kk');
  if (uzbek) languages.add('uz');
  if (languages.size === 0) for (const l of UZBEK_OR_TAJIK.test(text) ? ['uz', 'tg'] : ['uz', 'tg', 'kk']) languages.add(l);
  const systems: Romanisation[] = [];
  if (languages.has('uz')) systems.push(UZBEK, UZBEK_RU);
  if (languages.has('tg')) systems.push(TAJIK);
  if (languages.has('kk')) systems.push(KAZAKH, KAZAKH_LATIN);
  return systems;
}

const VOWELS = new Set(['А', 'Е', 'Ё', 'И', 'О', 'У', 'Ы', 'Э', 'Ю', 'Я', 'Ә', 'Ө', 'Ұ', 'Ү', 'І', 'Ӯ', 'Ӣ', 'Ў']);

function romanise(text: string, system: Romanisation): string {
  let upper = text.normalize('NFC').toUpperCase();
  for (const [ending, value] of Object.entries(system.endings ?? {})) upper = upper.replace(new RegExp(`${ending}(?=$|\\P{L})`, 'gu'), value);
  const chars = [...upper];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (ch === 'Е' && system.iotatedE !== undefined && (prev === undefined || !CYRILLIC.test(prev) || VOWELS.has(prev) || prev === 'Ъ' || prev === 'Ь')) {
      out += system.iotatedE;
    } else if (ch === 'Ь' && system.softSignBeforeVowel !== undefined && next !== undefined && VOWELS.has(next)) {
      out += system.softSignBeforeVowel;
    } else if (ch === 'С' && system.intervocalicS !== undefined && prev !== undefined && next !== undefined && VOWELS.has(prev) && VOWELS.has(next)) {
      out += system.intervocalicS;
    } else {
      out += system.letters[ch] ?? ch;
    }
  }
  // The ICAO table and the separator rules finish the job (letters no system overrides, apostrophes, fillers).
  return transliterate(out);
}

/**
 * Every Latin key a name may have in a passport: the ICAO key first, then, for a Cyrillic name, its spelling in each
 * Russian-language system and in the national systems its letters allow (Ҷ Ӯ Ӣ Tajik, Ә Ң Ө Ұ Ү Һ І Kazakh,
 * Ў Uzbek; Қ Ғ Ҳ any of them), without repeats. A Latin name has its ICAO key alone.
 */
export function nameKeys(text: string): readonly string[] {
  const icao = transliterate(text);
  if (!CYRILLIC.test(text)) return [icao];
  const keys = new Set<string>([icao]);
  for (const system of [...RUSSIAN_SYSTEMS, ...nationalSystems(text)]) keys.add(romanise(text, system));
  keys.delete('');
  return [...keys];
}
