import { countryName } from './countries';
import { readMrzDate, type DateProblem } from './dates';
import { charAt, spanText, type Layout, type LongNumber } from './layouts';
import { fillerWords, readNameField } from './name-field';
import type { MrzFields, MrzSex } from './types';

const trailing = (s: string): string => s.replace(/<+$/, '');
const bothEnds = (s: string): string => s.replace(/^<+|<+$/g, '');
const SEXES = new Set<string>(['M', 'F', 'X', '<']);

export interface FieldsReading {
  readonly fields: MrzFields;
  readonly birthDateProblem: DateProblem | null;
  readonly expiryDateProblem: DateProblem | null;
}

/**
 * Field values of `lines` under `layout`: fillers removed as ICAO 9303 Part 3 §4.3 prescribes for display,
 * dates resolved to ISO under the century policy of dates.ts.
 */
export function readFields(layout: Layout, lines: readonly string[], long: LongNumber | null, reference: Date): FieldsReading {
  let surname: string;
  let givenNames: string;
  let nameTruncated: boolean;
  if (layout.names) {
    ({ surname, givenNames, truncated: nameTruncated } = readNameField(spanText(lines, layout.names)));
  } else {
    const s = spanText(lines, layout.surname!);
    const g = spanText(lines, layout.givenNames!);
    surname = fillerWords(s);
    givenNames = fillerWords(g);
    nameTruncated = !s.endsWith('<') || !g.endsWith('<');
  }
  const issuingState = trailing(spanText(lines, layout.issuingState));
  // The French identity card has no nationality field; it is only issued to French nationals.
  const nationality = layout.nationality ? trailing(spanText(lines, layout.nationality)) : 'FRA';
  const documentNumber = long
    ? trailing(spanText(lines, layout.documentNumber)) + long.overflow
    : trailing(spanText(lines, layout.documentNumber));
  const birthDateRaw = spanText(lines, layout.birthDate);
  const birth = readMrzDate(birthDateRaw, 'birth', reference);
  const expiryDateRaw = layout.expiryDate ? spanText(lines, layout.expiryDate) : '';
  const expiry = layout.expiryDate ? readMrzDate(expiryDateRaw, 'expiry', reference) : null;
  const sexChar = charAt(lines, layout.sex);
  return {
    fields: {
      documentCode: trailing(spanText(lines, layout.documentCode)),
      issuingState,
      issuingStateName: countryName(issuingState),
      surname,
      givenNames,
      nameTruncated,
      documentNumber,
      nationality,
      nationalityName: countryName(nationality),
      birthDate: birth.iso,
      birthDateRaw,
      sex: SEXES.has(sexChar) ? (sexChar as MrzSex) : null,
      expiryDate: expiry?.iso ?? null,
      expiryDateRaw,
      optionalData: bothEnds(spanText(lines, long ? long.optionalSpan : layout.optionalData)),
      optionalData2: layout.optionalData2 ? bothEnds(spanText(lines, layout.optionalData2)) : null,
    },
    birthDateProblem: birth.problem,
    expiryDateProblem: expiry?.problem ?? null,
  };
}
