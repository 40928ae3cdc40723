import { nameSimilarity } from '../mrz';
import type { Identity, PairMethod } from './types';

/** Names at least this similar (0..1, nameSimilarity) count as the same person when the document differs. */
export const SAME_NAME_THRESHOLD = 0.9;

/** Document numbers as printed or scanned: upper case, no spaces, dashes or MRZ fillers. */
export const normaliseDocumentNumber = (value: string): string => value.toUpperCase().replace(/[\s<\-./]/g, '');

export const sameDocument = (a: Identity, b: Identity): boolean =>
  a.nationality === b.nationality && normaliseDocumentNumber(a.documentNumber) === normaliseDocumentNumber(b.documentNumber);

/**
 * Birth dates a hand-typed or misread record of the same person may show: the date itself, day and month
 * swapped (DD/MM vs MM/DD on paper manifests), and every date one digit away (a single OCR or typing slip).
 * Pairing looks these up through the (nationality, birth_date) index, so the list stays short.
 */
export function birthDateVariants(birthDate: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return [birthDate];
  const variants = new Set<string>([birthDate]);
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (Number(d) <= 12) variants.add(`${y}-${d}-${mo}`);
  const digits = `${y}${mo}${d}`;
  for (let i = 0; i < digits.length; i += 1) {
    for (let digit = 0; digit <= 9; digit += 1) {
      const changed = digits.slice(0, i) + String(digit) + digits.slice(i + 1);
      const iso = `${changed.slice(0, 4)}-${changed.slice(4, 6)}-${changed.slice(6, 8)}`;
      if (isRealDate(iso)) variants.add(iso);
    }
  }
  return [...variants];
}

function isRealDate(iso: string): boolean {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === iso;
}

/**
 * The same person with a different document (a passport replaced between the two ends, a typo on the
 * manifest): same nationality, a birth date that is one of the variants, and names that match closely.
 */
export function sameIdentity(a: Identity, b: Identity): boolean {
  if (a.nationality !== b.nationality || a.birthDate === null || b.birthDate === null) return false;
  if (!birthDatesClose(a.birthDate, b.birthDate)) return false;
  return nameSimilarity(writtenName(a), writtenName(b)) >= SAME_NAME_THRESHOLD;
}

/** The name as written when the record keeps it (any script), else its ICAO key. */
const writtenName = (who: Identity): string => (who.surname !== undefined ? `${who.surname} ${who.givenNames ?? ''}` : who.nameKey);

/** Whether `b` is one of `birthDateVariants(a)`, without building the list (rosters compare many pairs). */
export function birthDatesClose(a: string, b: string): boolean {
  if (a === b) return true;
  const ma = /^(\d{4})-(\d{2})-(\d{2})$/.exec(a);
  const mb = /^(\d{4})-(\d{2})-(\d{2})$/.exec(b);
  if (!ma || !mb || !isRealDate(b)) return false;
  if (ma[1] === mb[1] && ma[2] === mb[3] && ma[3] === mb[2]) return true;
  let differing = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) differing += 1;
  return differing === 1;
}

/** How two records refer to one person: by document first, by identity (birth date + name) second. */
export function matchMethod(a: Identity, b: Identity): PairMethod | null {
  if (sameDocument(a, b)) return 'document';
  if (sameIdentity(a, b)) return 'identity';
  return null;
}
