import { err, ok, type Result } from '../result';
import { computeCheckDigit } from './check-digit';
import { formatNameField, mrzNamePart } from './name-field';
import type { MrzFormat, MrzProblem, MrzSex } from './types';
import { mrzDateOf, readTypedDate } from '../typed-date';

/** What an officer types into the manual-entry form; the MRZ lines are built from it. */
export interface MrzDocumentInput {
  readonly format: MrzFormat;
  /** `P`, `PT`, `I`, `ID`, `V`, `VB` … (one or two letters). */
  readonly documentCode: string;
  /** One to three letters; Germany is `D`. */
  readonly issuingState: string;
  /** Any script: transliterated by ICAO 9303 Part 3 §6. */
  readonly surname: string;
  readonly givenNames: string;
  /** Letters and digits; TD1 and TD2 take more than 9 (overflow into the optional data), the French ID exactly 12. */
  readonly documentNumber: string;
  /** Not used by the French ID. */
  readonly nationality?: string;
  /** `DD.MM.YYYY`, `DD.MM.YY`, `YYYY-MM-DD`, or `YYMMDD` as printed (fillers allowed for unknown parts). */
  readonly birthDate: string;
  readonly sex: MrzSex;
  /** Not used by the French ID. */
  readonly expiryDate?: string;
  /** TD3 personal number, TD1 line 1 / TD2 / visa optional data, French administrative code. */
  readonly optionalData?: string;
  /** TD1 line 2 optional data. */
  readonly optionalData2?: string;
}

export interface BuiltMrz {
  readonly lines: string[];
  /** The name did not fit the name field and was cut. */
  readonly nameTruncated: boolean;
}

const FILLER = '<';

const problem = (field: MrzProblem['field'], message: string, key: string, params: Readonly<Record<string, string | number>> = {}): MrzProblem => ({
  code: 'invalid-input',
  severity: 'error',
  field,
  message,
  key,
  params,
});

/** Upper case; spaces become fillers; `null` when something other than A–Z, 0–9 and `<` remains. */
const mrzText = (s: string): string | null => {
  const t = s.trim().toUpperCase().replace(/\s+/g, FILLER);
  return /^[A-Z0-9<]*$/.test(t) ? t : null;
};

function mrzDate(value: string, field: 'birthDate' | 'expiryDate', problems: MrzProblem[]): string {
  if (/^[0-9<]{6}$/.test(value.trim())) return value.trim();
  const typed = readTypedDate(value);
  if (typed) return mrzDateOf(typed);
  problems.push(problem(field, `${field === 'birthDate' ? 'birth' : 'expiry'} date ${value} must be DD.MM.YYYY, YYYY-MM-DD or YYMMDD`, 'input-date', { value }));
  return '<<<<<<';
}

function fixed(value: string | undefined, length: number, field: MrzProblem['field'], label: string, problems: MrzProblem[]): string {
  const t = mrzText(value ?? '');
  if (t === null) {
    problems.push(problem(field, `${label} may only hold letters, digits and spaces`, 'input-characters'));
    return FILLER.repeat(length);
  }
  if (t.length > length) {
    problems.push(problem(field, `${label} has ${t.length} characters; at most ${length} fit`, 'input-too-long', { length: t.length, max: length }));
    return t.slice(0, length);
  }
  return t.padEnd(length, FILLER);
}

/** Optional data in MRZ form; a problem when it holds characters the MRZ cannot. */
function optionalText(value: string | undefined, label: string, problems: MrzProblem[]): string {
  const t = mrzText(value ?? '');
  if (t === null) problems.push(problem('optionalData', `${label} may only hold letters, digits and spaces`, 'input-characters'));
  return t ?? '';
}

const cd = (data: string): string => computeCheckDigit(data) ?? '0';

/**
 * Builds the MRZ lines for a document, computing every check digit (ICAO 9303 Part 3 §4.9) at the positions of
 * Parts 4–7. Used by the manual-entry form and by the tests to render documents.
 */
export function buildMrz(input: MrzDocumentInput): Result<BuiltMrz, MrzProblem[]> {
  const problems: MrzProblem[] = [];
  const f = input.format;
  const code = fixed(input.documentCode, 2, 'documentCode', 'document code', problems);
  const state = fixed(input.issuingState, 3, 'issuingState', 'issuing state', problems);
  const nationality = fixed(input.nationality, 3, 'nationality', 'nationality', problems);
  const birth = mrzDate(input.birthDate, 'birthDate', problems);
  const expiry = f === 'FRENCH_ID' ? '' : mrzDate(input.expiryDate ?? '', 'expiryDate', problems);
  const sex = input.sex;
  const doc = mrzText(input.documentNumber) ?? '';
  if (doc === '' || /</.test(doc)) problems.push(problem('documentNumber', 'document number must be letters and digits', 'input-document-number'));

  let lines: string[];
  let nameTruncated: boolean;
  if (f === 'FRENCH_ID') {
    if (doc.length !== 12) problems.push(problem('documentNumber', 'a French identity card number has 12 characters', 'input-french-number'));
    const surname = mrzNamePart(input.surname);
    const given = input.givenNames.split(/[\s,]+/).map(mrzNamePart).filter(Boolean).join('<<');
    nameTruncated = surname.length > 25 || given.length > 14;
    const admin = fixed(input.optionalData, 6, 'optionalData', 'administrative code', problems);
    const l1 = `IDFRA${surname.slice(0, 25).padEnd(25, FILLER)}${admin}`;
    const card = doc.slice(0, 12).padEnd(12, FILLER);
    const body = `${card}${cd(card)}${given.slice(0, 14).padEnd(14, FILLER)}${birth}${cd(birth)}${sex}`;
    lines = [l1, body + cd(l1 + body)];
  } else if (f === 'TD1') {
    const name = formatNameField(input.surname, input.givenNames, 30);
    nameTruncated = name.truncated;
    let docPart: string;
    let opt1: string;
    const optional = optionalText(input.optionalData, 'optional data', problems);
    if (doc.length > 9) {
      // ICAO 9303 Part 5 §4.2.2: `<` in position 15, then the rest of the number and its check digit in the optional data.
      docPart = `${doc.slice(0, 9)}<`;
      opt1 = fixed(`${doc.slice(9)}${cd(doc)}${optional ? `<${optional}` : ''}`, 15, 'optionalData', 'document number overflow and optional data', problems);
    } else {
      const d = doc.padEnd(9, FILLER);
      docPart = d + cd(d);
      opt1 = fixed(optional, 15, 'optionalData', 'optional data', problems);
    }
    const l1 = `${code}${state}${docPart}${opt1}`;
    const opt2 = fixed(input.optionalData2, 11, 'optionalData2', 'optional data (line 2)', problems);
    const l2 = `${birth}${cd(birth)}${sex}${expiry}${cd(expiry)}${nationality}${opt2}`;
    const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
    lines = [l1, l2 + cd(composite), name.text];
  } else {
    const long = f === 'TD3' || f === 'MRVA' ? 44 : 36;
    const name = formatNameField(input.surname, input.givenNames, long - 5);
    nameTruncated = name.truncated;
    const l1 = `${code}${state}${name.text}`;
    const optLength = f === 'TD3' ? 14 : f === 'TD2' ? 7 : f === 'MRVA' ? 16 : 8;
    let docPart: string;
    let opt: string;
    const optional = optionalText(input.optionalData, f === 'TD3' ? 'personal number' : 'optional data', problems);
    if (doc.length > 9 && f === 'TD2') {
      // ICAO 9303 Part 6 §4.2.2: as for TD1, the overflow and its check digit open the optional data.
      docPart = `${doc.slice(0, 9)}<`;
      opt = fixed(`${doc.slice(9)}${cd(doc)}${optional ? `<${optional}` : ''}`, optLength, 'optionalData', 'document number overflow and optional data', problems);
    } else {
      if (doc.length > 9) problems.push(problem('documentNumber', `document number has ${doc.length} characters; at most 9 fit in ${f}`, 'input-too-long', { length: doc.length, max: 9 }));
      const d = doc.slice(0, 9).padEnd(9, FILLER);
      docPart = d + cd(d);
      opt = fixed(optional, optLength, 'optionalData', f === 'TD3' ? 'personal number' : 'optional data', problems);
    }
    let l2 = `${docPart}${nationality}${birth}${cd(birth)}${sex}${expiry}${cd(expiry)}${opt}`;
    if (f === 'TD3') {
      // ICAO 9303 Part 4 §4.2.2: an all-filler personal number takes `<` as its check digit.
      l2 += /^<*$/.test(opt) ? FILLER : cd(opt);
      l2 += cd(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43));
    } else if (f === 'TD2') {
      l2 += cd(l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35));
    }
    lines = [l1, l2];
  }
  return problems.length > 0 ? err(problems) : ok({ lines, nameTruncated });
}
