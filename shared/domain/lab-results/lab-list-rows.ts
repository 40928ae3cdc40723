import { headerColumns, headerKey, normaliseDocumentNumber, parseManifestDate } from '../corridor';
import type { CertificateHolder } from '../evidence';
import type { Lab, LabListProblem, LabResultRow, LabTestKind, LabTestResult } from './lab-result';
import { defaultLabZone, readSampleTime } from './sample-time';

type Column =
  | 'documentNumber'
  | 'nationality'
  | 'surname'
  | 'givenNames'
  | 'surnameCyrillic'
  | 'givenNamesCyrillic'
  | 'birthDate'
  | 'sampleTime'
  | 'sampleZone'
  | 'testType'
  | 'result'
  | 'reference';

// Header spellings on lab and IOM lists (English and Russian), compared without case, spaces, dots,
// underscores, dashes or brackets.
const HEADERS: Record<Column, readonly string[]> = {
  documentNumber: ['passport', 'passportnumber', 'passportno', 'document', 'documentnumber', 'documentno', 'номерпаспорта', 'паспорт', 'документ'],
  nationality: ['nationality', 'citizenship', 'гражданство'],
  surname: ['surname', 'lastname', 'familyname', 'surnamelatin', 'фамилиялат'],
  givenNames: ['givennames', 'givenname', 'firstname', 'givennameslatin', 'имялат'],
  surnameCyrillic: ['surnamecyrillic', 'фамилия'],
  givenNamesCyrillic: ['givennamescyrillic', 'имя', 'имяотчество'],
  birthDate: ['birthdate', 'dateofbirth', 'dob', 'датарождения'],
  sampleTime: ['sampletime', 'sampled', 'samplecollected', 'sampledat', 'датаивремязабора', 'времязабора', 'датазабора'],
  sampleZone: ['samplezone', 'timezone', 'zone', 'часовойпояс'],
  testType: ['testtype', 'test', 'method', 'типтеста', 'метод'],
  result: ['result', 'результат'],
  reference: ['labreference', 'reference', 'resultid', 'certificatenumber', 'номеранализа', 'номер'],
};

const REQUIRED: readonly Column[] = ['documentNumber', 'birthDate', 'sampleTime', 'testType', 'result', 'reference'];
const COLUMN_WORDS: Record<Column, string> = {
  documentNumber: 'passport number',
  nationality: 'nationality',
  surname: 'surname',
  givenNames: 'given names',
  surnameCyrillic: 'surname (Cyrillic)',
  givenNamesCyrillic: 'given names (Cyrillic)',
  birthDate: 'birth date',
  sampleTime: 'sample time',
  sampleZone: 'sample zone',
  testType: 'test type',
  result: 'result',
  reference: 'lab reference',
};

const PCR = new Set(['pcr', 'rtpcr', 'naat', 'пцр', 'nucleicacid', 'molecular']);
const RAT = new Set(['rat', 'antigen', 'rapidantigen', 'ag', 'антиген', 'иха', 'экспресстест']);
const NEGATIVE = new Set(['negative', 'neg', 'notdetected', 'отрицательный', 'отр', 'необнаружено', 'manfiy', 'теріс']);
const POSITIVE = new Set(['positive', 'pos', 'detected', 'положительный', 'пол', 'обнаружено', 'musbat', 'оң']);

function testKindOf(text: string): LabTestKind | undefined {
  const key = headerKey(text);
  if (PCR.has(key)) return 'pcr';
  if (RAT.has(key)) return 'rat';
  return undefined;
}

function resultOf(text: string): LabTestResult | undefined {
  const key = headerKey(text);
  if (NEGATIVE.has(key)) return 'negative';
  if (POSITIVE.has(key)) return 'positive';
  return undefined;
}

const LATIN = /^[\sA-Za-z'ʻʼ`’-]*$/;

/** The holder as the list names them: a Latin column is the standardised form, a Cyrillic one the original. */
function holderOf(cell: (c: Column) => string, birthDate: string): CertificateHolder {
  const latinSurname = cell('surname');
  const latinGiven = cell('givenNames');
  const cyrSurname = cell('surnameCyrillic');
  const cyrGiven = cell('givenNamesCyrillic');
  // A "surname" column in Cyrillic (a Russian-only header row) is the original script.
  const surnameOriginal = cyrSurname || (LATIN.test(latinSurname) ? '' : latinSurname);
  const givenOriginal = cyrGiven || (LATIN.test(latinGiven) ? '' : latinGiven);
  const surnameStd = LATIN.test(latinSurname) ? latinSurname.toUpperCase() : '';
  const givenStd = LATIN.test(latinGiven) ? latinGiven.toUpperCase() : '';
  return {
    ...(surnameOriginal ? { surname: surnameOriginal } : {}),
    ...(givenOriginal ? { givenNames: givenOriginal } : {}),
    ...(surnameStd ? { surnameStandardised: surnameStd.trim().split(/\s+/).join('<') } : {}),
    ...(givenStd ? { givenNamesStandardised: givenStd.trim().split(/\s+/).join('<') } : {}),
    birthDate,
  };
}

/**
 * Turns a lab's result sheet (first row = header) into rows. A line that cannot be read is reported with its
 * number and left out (that person goes to a cross-check at the lane); the rest import. A sample time is read
 * in the line's zone, else the lab country's.
 */
export function labResultsFromTable(table: readonly (readonly string[])[], lab: Pick<Lab, 'country'>): { rows: LabResultRow[]; problems: LabListProblem[] } {
  const rows: LabResultRow[] = [];
  const problems: LabListProblem[] = [];
  const [header, ...body] = table;
  if (!header) return { rows, problems: [{ line: 1, message: 'The file is empty.' }] };
  const columns = headerColumns(header, HEADERS);
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (columns.surname === undefined && columns.surnameCyrillic === undefined) missing.push('surname');
  if (missing.length > 0) return { rows, problems: [{ line: 1, message: `The header has no column for ${missing.map((c) => COLUMN_WORDS[c]).join(', ')}.` }] };
  const fallbackZone = defaultLabZone(lab.country);
  const seen = new Set<string>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (column: Column): string => {
      const at = columns[column];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    if (cells.every((c) => c.trim() === '')) return;
    const documentNumber = normaliseDocumentNumber(cell('documentNumber'));
    const birthDate = parseManifestDate(cell('birthDate'));
    const zone = cell('sampleZone') || fallbackZone;
    const sampleTime = readSampleTime(cell('sampleTime'), zone);
    const testKind = testKindOf(cell('testType'));
    const result = resultOf(cell('result'));
    const reference = cell('reference');
    const complaint =
      documentNumber === ''
        ? 'no passport number'
        : birthDate === null
          ? `the birth date "${cell('birthDate')}" is not a date`
          : sampleTime === undefined
            ? `the sample time "${cell('sampleTime')}" in zone "${zone ?? ''}" is not a date and time in a known zone`
            : testKind === undefined
              ? `the test type "${cell('testType')}" is neither PCR nor a rapid antigen test`
              : result === undefined
                ? `the result "${cell('result')}" is neither negative nor positive`
                : reference === ''
                  ? 'no lab reference'
                  : undefined;
    if (complaint || birthDate === null || sampleTime === undefined || testKind === undefined || result === undefined) {
      problems.push({ line, message: `Line ${line}: ${complaint ?? 'unreadable'}; it was left out.` });
      return;
    }
    if (seen.has(reference)) {
      problems.push({ line, message: `Line ${line}: the lab reference ${reference} appears twice; the second was left out.` });
      return;
    }
    seen.add(reference);
    rows.push({ line, documentNumber, nationality: cell('nationality').toUpperCase(), holder: holderOf(cell, birthDate), sampleTime, testKind, result, reference });
  });
  return { rows, problems };
}
