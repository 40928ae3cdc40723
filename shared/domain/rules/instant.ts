/**
 * Instants written on certificates. DCC `sc` is an ISO 8601 date-time, normally with an offset;
 * issuers also wrote it without one (read as UTC) or as a bare date (read as the start of that UTC day, so a
 * test is never judged younger than it can be).
 */
export function parseInstant(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return finite(Date.parse(`${trimmed}T00:00:00Z`));
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  return finite(Date.parse(hasZone ? trimmed : `${trimmed}Z`));
}

const finite = (ms: number): number | undefined => (Number.isFinite(ms) ? ms : undefined);

/** `2021-06-01 06:30 UTC`: unambiguous for operators across time zones. */
export function formatInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Whole hours, rounded down, with one decimal below 10 hours so "9.5 hours" is not "9 hours". */
export function formatHours(hours: number): string {
  if (hours < 10) return `${Math.floor(hours * 10) / 10} hours`;
  return `${Math.floor(hours)} hours`;
}

/** Full years of age on `at` (UTC calendar), from an ISO birth date. */
export function ageInYears(birthDate: string, at: Date): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = at.getUTCFullYear() - year;
  const beforeBirthday = at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}
