import { transliterate } from './transliteration';

// ICAO 9303 Part 3 §4.6: the name field holds the primary identifier, `<<`, then the secondary identifier;
// spaces and hyphens inside either become one `<`, and the rest of the field is filled with `<`. A name too long
// for the field is truncated, so a field whose last position is a letter may hold a truncated name.

/** Every run of fillers becomes one space. */
export const fillerWords = (text: string): string => text.replace(/<+/g, ' ').trim();

export interface NameFieldReading {
  readonly surname: string;
  readonly givenNames: string;
  readonly truncated: boolean;
}

/** Splits a name field at the first `<<`. A field starting with `<<` has no primary identifier. */
export function readNameField(field: string): NameFieldReading {
  const text = field.replace(/<+$/, '');
  const cut = text.indexOf('<<');
  const truncated = field.length > 0 && !field.endsWith('<');
  if (cut < 0) return { surname: fillerWords(text), givenNames: '', truncated };
  return { surname: fillerWords(text.slice(0, cut)), givenNames: fillerWords(text.slice(cut + 2)), truncated };
}

/** One name part in MRZ form: transliterated (ICAO 9303 Part 3 §6), words joined by `<`. */
export const mrzNamePart = (name: string): string => transliterate(name).split(' ').filter(Boolean).join('<');

export interface NameFieldText {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Builds a name field of `length` characters. A name that does not fit is cut at the field length (a simplification of
 * the truncation procedure of ICAO 9303 Part 3 §4.6, which first shortens secondary identifiers) and reported as truncated.
 */
export function formatNameField(surname: string, givenNames: string, length: number): NameFieldText {
  const primary = mrzNamePart(surname);
  const secondary = mrzNamePart(givenNames);
  const full = secondary === '' ? primary : `${primary}<<${secondary}`;
  if (full.length > length) return { text: full.slice(0, length), truncated: true };
  return { text: full.padEnd(length, '<'), truncated: false };
}
