/**
 * Dates and times as people of the region type them. Officers in Kazakhstan, Uzbekistan and Tajikistan
 * write the day first with dots (01.06.2021, and 01.06.81 for a birth date); labs print the same;
 * ISO (2021-06-01) stays accepted because the forms used to ask for it and scanners of printed
 * documents produce it.
 */
export interface TypedDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** False when only two digits of the year were typed (`year` then holds 0–99). */
  readonly centuryTyped: boolean;
}

export interface TypedDateTime extends TypedDate {
  readonly hour: number;
  readonly minute: number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A two-digit year's leap-ness is unknown; 29 February is let through for years divisible by 4 (00 included, as 2000). */
const monthLength = (year: number, month: number, centuryTyped: boolean): number => {
  if (month !== 2) return [4, 6, 9, 11].includes(month) ? 30 : 31;
  return (centuryTyped ? isLeap(year) : year % 4 === 0) ? 29 : 28;
};

function checked(year: number, month: number, day: number, centuryTyped: boolean): TypedDate | null {
  if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month, centuryTyped)) return null;
  return { year, month, day, centuryTyped };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day first: `01.06.2021`, `1.6.2021`, `01/06/2021`, `01-06-2021`, `01.06.21`. */
const DAY_FIRST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/;

/** The date typed, or `null` when it is not one of the accepted shapes or not a real calendar day. */
export function readTypedDate(text: string): TypedDate | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), true);
  const dayFirst = DAY_FIRST.exec(t);
  if (dayFirst) return checked(Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1]), dayFirst[4]!.length === 4);
  return null;
}

/** A date with a four-digit year and a time (`01.06.2021 14:30`, `2021-06-01 14:30`, `2021-06-01T14:30`). */
export function readTypedDateTime(text: string): TypedDateTime | null {
  const m = /^(.+?)(?:\s+|T)(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = readTypedDate(m[1]!);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!date || !date.centuryTyped || hour > 23 || minute > 59) return null;
  return { ...date, hour, minute };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** `YYMMDD` as the MRZ prints it (the century is never printed there). */
export const mrzDateOf = (date: TypedDate): string => two(date.year % 100) + two(date.month) + two(date.day);

/** `YYYY-MM-DD` for a date typed with its century. */
export const isoDateOf = (date: TypedDate): string => `${String(date.year).padStart(4, '0')}-${two(date.month)}-${two(date.day)}`;
