// MRZ dates are YYMMDD (ICAO 9303 Part 3 §4.4 / Part 4 §4.2.2). The century is not printed, so it is
// chosen by this policy, always against an injected reference date ("today"); the engine never reads the clock.
// Calendar fields of the reference date are taken in UTC.
//
// Century policy:
// - Birth date: the latest year ending in YY that puts the date on or before the reference date. A birth
//   date can never lie in the future: with reference 2025-06-01, 250531 is 2025-05-31 but 250602 is 1925-06-02.
// - Expiry date: the year ending in YY inside [reference − 79, reference + 20]. No document is valid for more
//   than 20 years, so with reference 2025, 00–45 read as 2000–2045 and 46–99 as 1946–1999. An expiry more than
//   10 years before the reference date gets a warning (`expiry-out-of-range`): that document is long expired or
//   its year was misread.
// Calendar validation uses the resolved year, so 29 February exists in 2000 and 2024 but not in 1900 or 2023.

export type DateRole = 'birth' | 'expiry';

export const EXPIRY_YEARS_AHEAD = 20;
export const EXPIRY_YEARS_BEHIND_PLAUSIBLE = 10;

export interface DateProblem {
  readonly code: 'date-not-numeric' | 'date-filler-ambiguous' | 'date-not-calendar';
  readonly message: string;
  readonly params: { readonly value: string };
}

export interface DateReading {
  /** ISO `YYYY-MM-DD`, or `null` when the text is not a real date. */
  readonly iso: string | null;
  readonly problem: DateProblem | null;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const roleLabel = (role: DateRole): string => (role === 'birth' ? 'birth date' : 'expiry date');

/** The four-digit year for a two-digit MRZ year under the century policy above. */
export function resolveYear(yy: number, mm: number, dd: number, role: DateRole, reference: Date): number {
  const refYear = reference.getUTCFullYear();
  if (role === 'expiry') {
    const top = refYear + EXPIRY_YEARS_AHEAD;
    return top - ((((top - yy) % 100) + 100) % 100);
  }
  let year = refYear - ((((refYear - yy) % 100) + 100) % 100);
  const refMonth = reference.getUTCMonth() + 1;
  const refDay = reference.getUTCDate();
  if (year === refYear && (mm > refMonth || (mm === refMonth && dd > refDay))) year -= 100;
  return year;
}

/** Reads a printed YYMMDD date; the problem message names the date and says what is wrong with it. */
export function readMrzDate(raw: string, role: DateRole, reference: Date): DateReading {
  const label = roleLabel(role);
  if (!/^[0-9]{6}$/.test(raw)) {
    if (/^[0-9<]{6}$/.test(raw)) {
      // ICAO 9303 Part 3 §4.4: unknown parts of a date of birth are printed as fillers. A `<` and a `0` both
      // count 0 in the check digit, so a misread 0 cannot be told from an unknown part.
      return {
        iso: null,
        problem: {
          code: 'date-filler-ambiguous',
          message: `${label} ${raw} has fillers '<' where digits belong: either part of the date is unknown or a 0 was misread; the check digit cannot tell them apart`,
          params: { value: raw },
        },
      };
    }
    return {
      iso: null,
      problem: { code: 'date-not-numeric', message: `${label} ${raw} contains characters other than digits`, params: { value: raw } },
    };
  }
  if (Number.isNaN(reference.getTime())) return { iso: null, problem: null };
  const yy = Number(raw.slice(0, 2));
  const mm = Number(raw.slice(2, 4));
  const dd = Number(raw.slice(4, 6));
  const year = resolveYear(yy, mm, dd, role, reference);
  let reason: string | null = null;
  if (mm < 1 || mm > 12) reason = `month ${raw.slice(2, 4)} does not exist`;
  else if (dd < 1) reason = 'day 00 does not exist';
  else if (dd > daysInMonth(year, mm)) {
    const month = MONTHS[mm - 1]!;
    reason =
      mm === 2
        ? `February ${year} has ${daysInMonth(year, 2)} days`
        : `${month} has ${daysInMonth(year, mm)} days`;
  }
  if (reason !== null) {
    return { iso: null, problem: { code: 'date-not-calendar', message: `${label} ${raw} is not a real date: ${reason}`, params: { value: raw } } };
  }
  return { iso: `${pad(year, 4)}-${pad(mm, 2)}-${pad(dd, 2)}`, problem: null };
}

/** ISO date `years` calendar years before the reference day (UTC); ISO strings compare in date order. */
export function isoYearsBefore(reference: Date, years: number): string {
  return `${pad(reference.getUTCFullYear() - years, 4)}-${pad(reference.getUTCMonth() + 1, 2)}-${pad(reference.getUTCDate(), 2)}`;
}

const isoToUtc = (iso: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
};

const utcDay = (d: Date): number => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/** Whole days from the calendar day of `from` (UTC) to the ISO date; negative when the date is past. */
export function daysUntil(iso: string, from: Date): number | null {
  const t = isoToUtc(iso);
  if (t === null || Number.isNaN(from.getTime())) return null;
  return Math.round((t - utcDay(from)) / 86_400_000);
}

/** Age in completed years on the calendar day of `on` (UTC); someone born on 29 February turns a year older on 1 March. */
export function ageOn(birthIso: string, on: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthIso);
  if (!m || Number.isNaN(on.getTime())) return null;
  const y = on.getUTCFullYear();
  const md = (on.getUTCMonth() + 1) * 100 + on.getUTCDate();
  const birthMd = Number(m[2]) * 100 + Number(m[3]);
  return y - Number(m[1]) - (md < birthMd ? 1 : 0);
}
