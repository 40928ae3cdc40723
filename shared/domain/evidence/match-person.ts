import { nameKey, nameSimilarity, personNameKey } from '../mrz';
import type { CertificateHolder } from './evidence';

/**
 * Compares the holder of a certificate with the passport scanned in the same transaction. Names go
 * through the MRZ engine's `nameKey` / `nameSimilarity` (ICAO transliteration of Cyrillic, spelling
 * variants across transliteration systems, word order); the date of birth may be partial on the
 * certificate (`1979-04`, `1979`, or empty, DCC schema 1.3 `dob`) and partly unknown in the MRZ (`<<`).
 */

/** Names at or above this similarity are the same person's name (ҶУРАЕВ / DZHURAEV / JURAEV score above 0.9). */
export const NAME_MATCH_THRESHOLD = 0.85;

export interface PassportPerson {
  readonly surname: string;
  readonly givenNames: string;
  /** ISO `YYYY-MM-DD`, or null when the MRZ date is not a real date. */
  readonly birthDate: string | null;
  /** `YYMMDD` as printed, `<` for unknown parts (ICAO 9303 Part 3 §4.4); used when `birthDate` is null. */
  readonly birthDateRaw?: string;
}

export type NameMatchStatus = 'same' | 'similar' | 'swapped' | 'different' | 'unknown';
export type BirthDateMatchStatus = 'same' | 'compatible' | 'different' | 'unknown';

export interface PersonMatch {
  readonly status: 'match' | 'mismatch';
  readonly name: {
    readonly status: NameMatchStatus;
    /** 0..1 */
    readonly score: number;
    /** "SURNAME, GIVEN NAMES" as the certificate gives them (standardised form, else original). */
    readonly certificate: string;
    /** The certificate's names in their original script (`fn`, `gn`), when present. */
    readonly certificateOriginal?: string;
    readonly passport: string;
    /** The passport has a second given name the certificate leaves out, or the other way round. */
    readonly givenNamesPartial: boolean;
  };
  readonly birthDate: {
    readonly status: BirthDateMatchStatus;
    readonly certificate: string;
    readonly passport: string | null;
  };
}

const display = (surname: string | undefined, given: string | undefined): string =>
  [surname, given].filter((part) => part !== undefined && part.trim() !== '').join(', ');

export function matchPerson(holder: CertificateHolder, passport: PassportPerson): PersonMatch {
  const name = matchNames(holder, passport);
  const birthDate = matchBirthDates(holder.birthDate, passport);
  const nameOk = name.status === 'same' || name.status === 'similar' || name.status === 'swapped';
  return {
    status: nameOk && birthDate.status !== 'different' ? 'match' : 'mismatch',
    name,
    birthDate,
  };
}

function matchNames(holder: CertificateHolder, passport: PassportPerson): PersonMatch['name'] {
  const certSurnames = [holder.surnameStandardised, holder.surname].filter(nonEmpty);
  const certGivens = [holder.givenNamesStandardised, holder.givenNames].filter(nonEmpty);
  const original = display(holder.surname, holder.givenNames);
  const base = {
    certificate: display(holder.surnameStandardised ?? holder.surname, holder.givenNamesStandardised ?? holder.givenNames),
    ...(original !== '' && (holder.surname !== undefined || holder.givenNames !== undefined) && isNotLatin(original) ? { certificateOriginal: original } : {}),
    passport: display(passport.surname, passport.givenNames),
  };
  if (certSurnames.length + certGivens.length === 0 || personNameKey(passport) === '') {
    return { ...base, status: 'unknown', score: 0, givenNamesPartial: false };
  }

  // Straight comparison: surname against surname, given names against given names.
  const surnameScore = certSurnames.length === 0 ? 0 : Math.max(...certSurnames.map((s) => nameSimilarity(s, passport.surname)));
  const given = certGivens.length === 0 ? givenCompare('', passport.givenNames) : best(certGivens.map((g) => givenCompare(g, passport.givenNames)));
  if (surnameScore >= NAME_MATCH_THRESHOLD && given.score >= NAME_MATCH_THRESHOLD) {
    const score = Math.min(surnameScore, given.score);
    const exact = score === 1 && !given.partial;
    return { ...base, status: exact ? 'same' : 'similar', score: round(score), givenNamesPartial: given.partial };
  }

  // Surname and given names swapped (a common data-entry error at test centres): the whole names agree
  // (nameSimilarity ignores word order) although the surnames do not.
  let whole = 0;
  for (const s of certSurnames.length ? certSurnames : ['']) {
    for (const g of certGivens.length ? certGivens : ['']) whole = Math.max(whole, nameSimilarity(`${s} ${g}`, `${passport.surname} ${passport.givenNames}`));
  }
  if (whole >= NAME_MATCH_THRESHOLD) return { ...base, status: 'swapped', score: round(whole), givenNamesPartial: false };
  return { ...base, status: 'different', score: round(Math.min(surnameScore, given.score)), givenNamesPartial: given.partial };
}

interface GivenComparison {
  readonly score: number;
  readonly partial: boolean;
}

/**
 * Given names match when every name of the shorter list is found in the longer one: a certificate
 * that leaves out the second given name (`ANNA` for `ANNA MARIA`) is the same person. A side without
 * given names at all (some people have none; DCC 1.3.2 allows a surname alone) does not contradict.
 */
function givenCompare(certificate: string, passport: string): GivenComparison {
  const a = nameWords(certificate);
  const b = nameWords(passport);
  if (a.length === 0 && b.length === 0) return { score: 1, partial: false };
  if (a.length === 0 || b.length === 0) return { score: 1, partial: true };
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const perWord = Math.min(...shorter.map((w) => Math.max(...longer.map((v) => nameSimilarity(w, v)))));
  // `whole` also covers names written together on one side (`ANNAMARIA` / `ANNA MARIA`).
  const whole = nameSimilarity(a.join(' '), b.join(' '));
  if (a.length === b.length || whole >= NAME_MATCH_THRESHOLD) return { score: Math.max(whole, a.length === b.length ? perWord : 0), partial: false };
  return { score: perWord, partial: true };
}

/** The words of a name in their own script (nameSimilarity picks the transliteration per word; nameKey would fix ICAO's). */
const nameWords = (name: string): string[] => name.split(/[\s<\-‐‑‒–—,./_]+/).filter((word) => nameKey(word) !== '');

const best = (comparisons: readonly GivenComparison[]): GivenComparison =>
  comparisons.reduce((a, b) => (b.score > a.score ? b : a));

const nonEmpty = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
const round = (score: number): number => Math.round(score * 1000) / 1000;
const isNotLatin = (text: string): boolean => /[^\p{Script=Latin}\p{P}\p{Zs}\d]/u.test(text);

/** Date parts as numbers; `undefined` for parts the source leaves out or does not know. */
interface DateParts {
  readonly year?: number;
  /** Two-digit year only (MRZ without a resolved century). */
  readonly yy?: number;
  readonly month?: number;
  readonly day?: number;
}

function certificateDate(dob: string): DateParts | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(dob.trim());
  if (!m) return undefined;
  const part = (text: string | undefined) => (text === undefined || text === '00' ? undefined : Number(text));
  return { year: Number(m[1]), month: part(m[2]), day: part(m[3]) };
}

function passportDate(passport: PassportPerson): DateParts | undefined {
  if (passport.birthDate) return certificateDate(passport.birthDate);
  const raw = passport.birthDateRaw;
  if (!raw || raw.length !== 6) return undefined;
  const part = (text: string) => (/^\d\d$/.test(text) ? Number(text) : undefined);
  const parts = { yy: part(raw.slice(0, 2)), month: part(raw.slice(2, 4)), day: part(raw.slice(4, 6)) };
  return parts.yy === undefined && parts.month === undefined && parts.day === undefined ? undefined : parts;
}

function matchBirthDates(certificateDob: string, passport: PassportPerson): PersonMatch['birthDate'] {
  const shown = passport.birthDate ?? passport.birthDateRaw ?? null;
  const cert = certificateDate(certificateDob);
  const pass = passportDate(passport);
  if (!cert || !pass) return { status: 'unknown', certificate: certificateDob, passport: shown };
  let compared = 0;
  let complete = true;
  const same = (a: number | undefined, b: number | undefined): boolean => {
    if (a === undefined || b === undefined) {
      complete = false;
      return true;
    }
    compared += 1;
    return a === b;
  };
  const yearSame = pass.year !== undefined ? same(cert.year, pass.year) : same(cert.year === undefined ? undefined : cert.year % 100, pass.yy);
  if (pass.year === undefined) complete = false;
  const ok = yearSame && same(cert.month, pass.month) && same(cert.day, pass.day);
  if (!ok) return { status: 'different', certificate: certificateDob, passport: shown };
  if (compared === 0) return { status: 'unknown', certificate: certificateDob, passport: shown };
  return { status: complete ? 'same' : 'compatible', certificate: certificateDob, passport: shown };
}
