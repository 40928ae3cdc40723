// ICAO 9303 Part 3 §4.9: check digits. Each character has a value (`<` = 0, `0`–`9` = 0–9, `A`–`Z` = 10–35),
// values are multiplied by the repeating weights 7, 3, 1, and the check digit is the sum modulo 10.

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 65;
const CODE_Z = 90;
const CODE_FILLER = 60; // '<'
const WEIGHTS = [7, 3, 1] as const;

/** Value of one MRZ character, or -1 for a character outside the MRZ alphabet. */
export function mrzCharValue(code: number): number {
  if (code >= CODE_0 && code <= CODE_9) return code - CODE_0;
  if (code >= CODE_A && code <= CODE_Z) return code - CODE_A + 10;
  if (code === CODE_FILLER) return 0;
  return -1;
}

/** Weighted sum (not yet reduced) of `text` starting with weight index `offset`; -1 when a character is outside the alphabet. */
export function weightedSum(text: string, offset = 0): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const v = mrzCharValue(text.charCodeAt(i));
    if (v < 0) return -1;
    sum += v * WEIGHTS[(i + offset) % 3]!;
  }
  return sum;
}

/** The check digit of `data` as a one-character string, or `null` when `data` holds a character outside the MRZ alphabet. */
export function computeCheckDigit(data: string): string | null {
  const sum = weightedSum(data);
  return sum < 0 ? null : String(sum % 10);
}

/** True when `digit` is a decimal digit equal to the check digit of `data`. */
export function isCheckDigitValid(data: string, digit: string): boolean {
  return digit.length === 1 && digit >= '0' && digit <= '9' && computeCheckDigit(data) === digit;
}
