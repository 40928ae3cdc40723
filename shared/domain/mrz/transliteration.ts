// Transliteration of names into the MRZ alphabet A–Z (ICAO 9303 Part 3 §6, "Transliteration recommendations").
// Each table below says where its values come from.

/**
 * Latin letters whose ICAO value is not just the base letter (ICAO 9303 Part 3 §6, table of multinational
 * Latin characters: the first recommended value). Every other accented Latin letter loses its diacritic
 * (same table: À→A, Ç→C, Ñ→N, Š→S, Ž→Z, Ő→O …), which `transliterate` does by Unicode decomposition.
 */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  Ä: 'AE', Å: 'AA', Æ: 'AE', Ö: 'OE', Ø: 'OE', Ü: 'UE', Œ: 'OE', ẞ: 'SS', ß: 'SS',
  Þ: 'TH', Ð: 'D', Đ: 'D', Ħ: 'H', Ĳ: 'IJ', Ł: 'L', Ŀ: 'L', Ŋ: 'N', Ŧ: 'T', ı: 'I',
};

/**
 * Cyrillic letters of ICAO 9303 Part 3 §6, Cyrillic table, with the general (Russian) value where the table gives
 * language-specific exceptions (e.g. Ukrainian and Belarusian Г→H, Serbian Х→H): the language of a name is not known
 * here, and nameSimilarity absorbs these differences.
 */
const CYRILLIC_ICAO: Readonly<Record<string, string>> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ґ: 'G', Д: 'D', Ђ: 'D', Ѓ: 'G', Е: 'E', Ё: 'E', Є: 'IE', Ж: 'ZH',
  З: 'Z', Ѕ: 'DZ', И: 'I', І: 'I', Ї: 'I', Й: 'I', Ј: 'J', К: 'K', Л: 'L', Љ: 'LJ', М: 'M', Н: 'N',
  Њ: 'NJ', О: 'O', П: 'P', Р: 'R', С: 'S', Т: 'T', Ћ: 'C', Ќ: 'K', У: 'U', Ў: 'U', Ф: 'F', Х: 'KH',
  Ц: 'TS', Ч: 'CH', Џ: 'DZ', Ш: 'SH', Щ: 'SHCH', Ъ: 'IE', Ы: 'Y', Ь: '', Э: 'E', Ю: 'IU', Я: 'IA', Ѫ: 'U',
};

/**
 * Kazakh, Uzbek, Tajik and Kyrgyz letters that the ICAO Cyrillic table does not list. Value: the ICAO value of the
 * Russian letter(s) used for the same sound when the name is spelled in Russian, which is how Russian-language
 * documents of these states write it (Ҷ as ДЖ → DZH, Ҳ as Х → KH, Қ as К → K, Ғ as Г → G, Ә as А → A …).
 * National Latin spellings (Tajik J, Uzbek Q and G', Kazakh Ä, Ö, Ü, Ñ) are reconciled by nameSimilarity's folding.
 */
const CYRILLIC_CENTRAL_ASIAN: Readonly<Record<string, string>> = {
  Ғ: 'G', // Kazakh, Uzbek, Tajik ghayn (Russian Г)
  Қ: 'K', // Kazakh, Uzbek, Tajik qaf (Russian К)
  Ң: 'N', // Kazakh, Kyrgyz eng (Russian Н)
  Ӯ: 'U', // Tajik (Russian У)
  Ҳ: 'KH', // Tajik, Uzbek (Russian Х)
  Ҷ: 'DZH', // Tajik (Russian ДЖ)
  Ӣ: 'I', // Tajik (Russian И)
  Ә: 'A', // Kazakh schwa (Russian А)
  Ө: 'O', // Kazakh, Kyrgyz (Russian О)
  Ү: 'U', // Kazakh, Kyrgyz (Russian У)
  Ұ: 'U', // Kazakh (Russian У)
  Һ: 'H', // Kazakh, Bashkir h (Russian Х, but national spelling H)
};

const TABLE = new Map<string, string>([
  ...Object.entries(LATIN_SPECIAL),
  ...Object.entries(CYRILLIC_ICAO),
  ...Object.entries(CYRILLIC_CENTRAL_ASIAN),
]);

// ICAO 9303 Part 3 §4.6: apostrophes are omitted; hyphens, spaces and other separators become a filler (here a space).
const OMITTED = new Set(["'", '’', 'ʼ', '‘', '`', '´', 'ʻ']);
const SEPARATORS = /[\s<\-‐‑‒–—,./_]/;

/** Upper-case A–Z transliteration of `text`; separators become single spaces, anything untransliterable is dropped. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').toUpperCase()) {
    if (ch >= 'A' && ch <= 'Z') {
      out += ch;
      continue;
    }
    const mapped = TABLE.get(ch);
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    if (OMITTED.has(ch)) continue;
    if (SEPARATORS.test(ch)) {
      out += ' ';
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '');
    if (/^[A-Z]+$/.test(base)) out += base;
    else if (base.length === 1 && TABLE.has(base)) out += TABLE.get(base)!;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
