import { normaliseDocumentNumber } from './match-identity';
import { isoDateOf, readTypedDate } from '../typed-date';

/** One traveller on a bus manifest, as read from a CSV or XLSX sheet. */
export interface ManifestRow {
  /** 1-based line in the file (the header is line 1). */
  readonly line: number;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly birthDate: string | null;
  readonly sex: 'M' | 'F' | 'X' | null;
  readonly minor: boolean;
  /** Document number of the accompanying adult, for a minor. */
  readonly companionDocumentNumber: string | null;
}

export interface ManifestProblem {
  readonly line: number;
  readonly message: string;
}

type Column = 'documentNumber' | 'nationality' | 'surname' | 'givenNames' | 'birthDate' | 'sex' | 'minor' | 'companion';

// Header spellings seen on consulate and carrier lists (English and Russian), compared without case,
// spaces, dots, underscores or dashes.
const HEADERS: Record<Column, readonly string[]> = {
  documentNumber: ['document', 'documentnumber', 'documentno', 'passport', 'passportnumber', 'passportno', 'номерпаспорта', 'паспорт', 'документ'],
  nationality: ['nationality', 'citizenship', 'country', 'гражданство'],
  surname: ['surname', 'lastname', 'familyname', 'фамилия'],
  givenNames: ['givennames', 'givenname', 'firstname', 'firstnames', 'name', 'имя'],
  birthDate: ['dateofbirth', 'birthdate', 'dob', 'born', 'датарождения'],
  sex: ['sex', 'gender', 'пол'],
  minor: ['minor', 'child', 'несовершеннолетний'],
  companion: ['companion', 'companiondocument', 'accompaniedby', 'accompanyingadult', 'сопровождающий'],
};

/** A header cell as the column names are written: lower case, without spaces and punctuation. */
export const headerKey = (text: string): string => text.toLowerCase().replace(/[\s._\-/()]/g, '');

/** Where each column sits in a list's header row: the first cell whose key is one of the column's names. */
export function headerColumns<C extends string>(header: readonly string[], names: Readonly<Record<C, readonly string[]>>): Partial<Record<C, number>> {
  const found: Partial<Record<C, number>> = {};
  header.forEach((cell, index) => {
    const key = headerKey(cell);
    for (const [column, keys] of Object.entries(names) as [C, readonly string[]][]) {
      if (found[column] === undefined && keys.includes(key)) found[column] = index;
    }
  });
  return found;
}

/** YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY (the forms on post-Soviet paper lists); null when not a real date. */
export function parseManifestDate(text: string): string | null {
  // Spreadsheets write a date cell as an ISO timestamp: the day is what counts. A list has no "today" to
  // choose a century by, so a two-digit year is not a date here.
  const date = readTypedDate(text.trim().replace(/^(\d{4}-\d{1,2}-\d{1,2})[T ].*$/, '$1'));
  return date?.centuryTyped ? isoDateOf(date) : null;
}

const YES = new Set(['1', 'y', 'yes', 'true', 'x', 'да', 'д']);

/**
 * Turns a sheet (first row = header) into manifest rows. Every unreadable line is reported with its line
 * number and skipped; the rest import. Required: document number, nationality, surname.
 */
export function manifestRowsFromTable(table: readonly (readonly string[])[]): { rows: ManifestRow[]; problems: ManifestProblem[] } {
  const problems: ManifestProblem[] = [];
  const rows: ManifestRow[] = [];
  const [header, ...body] = table;
  if (!header) return { rows, problems: [{ line: 1, message: 'The file is empty.' }] };
  const columns = headerColumns(header, HEADERS);
  const missing = (['documentNumber', 'nationality', 'surname'] as const).filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    const names = { documentNumber: 'document number', nationality: 'nationality', surname: 'surname' };
    return { rows, problems: [{ line: 1, message: `The header has no column for ${missing.map((c) => names[c]).join(', ')}.` }] };
  }
  const seen = new Set<string>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: Column): string => {
      const at = columns[column];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    if (cells.every((c) => c.trim() === '')) return;
    const documentNumber = normaliseDocumentNumber(cell('documentNumber'));
    const nationality = cell('nationality').toUpperCase();
    const surname = cell('surname');
    if (!/^[A-Z0-9]{1,24}$/.test(documentNumber)) return problems.push({ line, message: `The document number "${cell('documentNumber')}" is not readable.` });
    if (!/^[A-Z]{3}$/.test(nationality)) return problems.push({ line, message: `The nationality "${cell('nationality')}" is not a three-letter code.` });
    if (surname === '') return problems.push({ line, message: 'The surname is empty.' });
    const key = `${documentNumber}/${nationality}`;
    if (seen.has(key)) return problems.push({ line, message: `Document ${documentNumber} (${nationality}) is listed twice; the first line counts.` });
    seen.add(key);
    const birthText = cell('birthDate');
    const birthDate = birthText === '' ? null : parseManifestDate(birthText);
    if (birthText !== '' && birthDate === null) problems.push({ line, message: `The birth date "${birthText}" is not a date; the line is imported without it.` });
    const sexText = cell('sex').toUpperCase();
    const sex = sexText === 'M' || sexText === 'F' || sexText === 'X' ? sexText : sexText === 'М' ? 'M' : sexText === 'Ж' ? 'F' : null;
    const companion = normaliseDocumentNumber(cell('companion'));
    rows.push({
      line,
      documentNumber,
      nationality,
      surname: surname.slice(0, 64),
      givenNames: cell('givenNames').slice(0, 64),
      birthDate,
      sex,
      minor: YES.has(cell('minor').toLowerCase()),
      companionDocumentNumber: companion === '' ? null : companion,
    });
    return undefined;
  });
  return { rows, problems };
}
