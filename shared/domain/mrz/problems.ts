import { SPECIMEN_STATE_CODE } from './countries';
import { EXPIRY_YEARS_BEHIND_PLAUSIBLE, isoYearsBefore } from './dates';
import type { FieldsReading } from './fields';
import { charAt, spanText, type Layout } from './layouts';
import type { MrzCheck, MrzCheckName, MrzFormat, MrzProblem } from './types';

const SHAPE_TEXT = 'expected 2 lines of 44 or 36 characters or 3 lines of 30';

const FORMAT_LINES: Readonly<Record<number, string>> = {
  30: 'TD1 (ID card) lines have 30',
  36: 'TD2 and MRV-B lines have 36',
  44: 'TD3 (passport) and MRV-A lines have 44',
};

function listLengths(lengths: readonly number[]): string {
  if (lengths.length === 1) return `1 line of ${lengths[0]}`;
  if (lengths.every((l) => l === lengths[0])) return `${lengths.length} lines of ${lengths[0]}`;
  return `${lengths.length} lines of ${lengths.slice(0, -1).join(', ')} and ${lengths[lengths.length - 1]}`;
}

/** Why lines fit no MRZ layout, with a hint per line when most of the shape is right. */
export function layoutProblems(lines: readonly string[]): MrzProblem[] {
  const lengths = lines.map((l) => l.length);
  const out: MrzProblem[] = [
    { code: 'layout', severity: 'error', message: `${SHAPE_TEXT}, got ${listLengths(lengths)}`, params: { lines: lines.length, lengths: lengths.join(', ') } },
  ];
  let target: number | null = null;
  if (lines.length === 3) target = 30;
  else if (lines.length === 2) target = lengths.find((l) => l === 44 || l === 36) ?? null;
  if (target !== null) {
    lengths.forEach((l, i) => {
      if (l !== target) {
        out.push({
          code: 'layout',
          severity: 'error',
          message: `line ${i + 1} has ${l} characters; ${FORMAT_LINES[target!]}`,
          key: 'layout-line',
          params: { line: i + 1, length: l, expected: target! },
        });
      }
    });
  }
  return out;
}

/** Characters outside the MRZ alphabet (ICAO 9303 Part 3 §4.3: A–Z, 0–9 and the filler <). */
export function characterProblems(lines: readonly string[]): MrzProblem[] {
  const found: string[] = [];
  const characters = new Set<string>();
  lines.forEach((line, l) => {
    if (/^[A-Z0-9<]*$/.test(line)) return;
    for (let i = 0; i < line.length; i++) {
      if (/[A-Z0-9<]/.test(line[i]!)) continue;
      found.push(`line ${l + 1} position ${i + 1} '${line[i]}'`);
      characters.add(line[i]!);
    }
  });
  if (found.length === 0) return [];
  const shown = found.slice(0, 5).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');
  return [
    {
      code: 'invalid-character',
      severity: 'error',
      message: `characters outside the MRZ alphabet (A–Z, 0–9, <): ${shown}`,
      params: { characters: [...characters].map((c) => `'${c}'`).join(', ') },
    },
  ];
}

export function checkLabel(format: MrzFormat, field: MrzCheckName): string {
  switch (field) {
    case 'documentNumber':
      return 'document number';
    case 'birthDate':
      return 'birth date';
    case 'expiryDate':
      return 'expiry date';
    case 'optionalData':
      return format === 'TD3' ? 'personal number' : 'optional data';
    case 'composite':
      return 'composite';
  }
}

/** One problem per failing check digit, e.g. "birth date check digit is 4, expected 7". */
export function checkProblems(format: MrzFormat, checks: readonly MrzCheck[]): MrzProblem[] {
  const out: MrzProblem[] = [];
  for (const c of checks) {
    if (c.ok) continue;
    const label = `${checkLabel(format, c.field)} check digit`;
    // TD3's optional data is the personal number: the screens name it so too.
    const check = format === 'TD3' && c.field === 'optionalData' ? 'personalNumber' : c.field;
    if (c.expected === null) {
      out.push({
        code: 'check-digit-mismatch',
        severity: 'error',
        field: c.field,
        message: `${label} cannot be verified: the data it covers holds characters outside the MRZ alphabet`,
        key: 'check-digit-unverifiable',
        params: { check },
      });
    } else if (c.printed >= '0' && c.printed <= '9') {
      out.push({
        code: 'check-digit-mismatch',
        severity: 'error',
        field: c.field,
        message: `${label} is ${c.printed}, expected ${c.expected}`,
        params: { check, printed: c.printed, expected: c.expected },
      });
    } else if (c.printed === '<') {
      const hint =
        c.expected === '0' ? ": a '<' counts as 0 in check-digit arithmetic, so this may be a misread 0 — verify on the document" : '';
      out.push({
        code: 'check-digit-filler',
        severity: 'error',
        field: c.field,
        message: `${label} is a filler '<', expected ${c.expected}${hint}`,
        key: c.expected === '0' ? 'check-digit-filler-zero' : 'check-digit-filler',
        params: { check, expected: c.expected },
      });
    } else {
      out.push({
        code: 'check-digit-not-digit',
        severity: 'error',
        field: c.field,
        message: `${label} is '${c.printed}', which is not a digit (expected ${c.expected})`,
        params: { check, printed: c.printed, expected: c.expected },
      });
    }
  }
  return out;
}

function stateProblems(label: string, field: 'issuingState' | 'nationality', raw: string, code: string, name: string | null): MrzProblem[] {
  // ICAO 9303 Part 3 §5: one to three letters, padded with fillers (Germany: D<<).
  if (!/^[A-Z]{1,3}<*$/.test(raw)) {
    return [{ code: 'invalid-state-code', severity: 'error', field, message: `${label} ${raw} is not a state code: it must be letters padded with '<'`, params: { value: raw } }];
  }
  if (code === SPECIMEN_STATE_CODE) {
    return [{ code: 'specimen-state-code', severity: 'warning', field, message: `${label} ${code} is "Utopia", the fictitious state of ICAO specimen documents`, params: { value: code } }];
  }
  if (name === null) {
    return [{ code: 'unknown-state-code', severity: 'warning', field, message: `${label} ${code} is not in the ICAO / ISO 3166 code list`, params: { value: code } }];
  }
  return [];
}

function nameProblems(field: 'surname' | 'givenNames', text: string, value: string): MrzProblem[] {
  const label = field === 'surname' ? 'surname' : 'given names';
  const out: MrzProblem[] = [];
  const bad = /[^A-Z<]/.test(text) ? [...new Set(text.replace(/[A-Z<]/g, ''))] : [];
  if (bad.length > 0) {
    out.push({
      code: 'name-invalid-characters',
      severity: 'error',
      field,
      message: `${label} contains ${bad.map((c) => `'${c}'`).join(', ')}; names in the MRZ hold only letters and '<'`,
      params: { characters: bad.map((c) => `'${c}'`).join(', ') },
    });
  }
  const ks = value.includes('K') ? value.split(' ').filter((w) => /^K+$/.test(w)) : [];
  if (ks.length > 0) {
    out.push({
      code: 'name-filler-read-as-k',
      severity: 'warning',
      field,
      message: `${label} contain${field === 'surname' ? 's' : ''} '${ks.join(' ')}', possibly fillers '<' read as K: compare with the printed name`,
      params: { text: ks.join(' ') },
    });
  }
  return out;
}

/** Problems of the field values: codes, names, document number, dates, sex. */
export function fieldProblems(
  layout: Layout,
  lines: readonly string[],
  reading: FieldsReading,
  reference: Date,
): MrzProblem[] {
  const { fields } = reading;
  const out: MrzProblem[] = [];
  const code = spanText(lines, layout.documentCode);
  // ICAO 9303 Part 3 §4.2.2 / Part 4 §4.2.2: a letter, then a letter or filler.
  if (!/^[A-Z][A-Z<]$/.test(code)) {
    out.push({ code: 'invalid-document-code', severity: 'error', field: 'documentCode', message: `document code ${code} is not valid: it must be a letter followed by a letter or '<'`, params: { value: code } });
  }
  out.push(...stateProblems('issuing state', 'issuingState', spanText(lines, layout.issuingState), fields.issuingState, fields.issuingStateName));
  if (layout.nationality) {
    out.push(...stateProblems('nationality', 'nationality', spanText(lines, layout.nationality), fields.nationality, fields.nationalityName));
  }

  if (layout.names) {
    const text = spanText(lines, layout.names);
    const cut = text.indexOf('<<');
    out.push(...nameProblems('surname', cut < 0 ? text : text.slice(0, cut), fields.surname));
    if (cut >= 0) out.push(...nameProblems('givenNames', text.slice(cut + 2), fields.givenNames));
  } else {
    out.push(...nameProblems('surname', spanText(lines, layout.surname!), fields.surname));
    out.push(...nameProblems('givenNames', spanText(lines, layout.givenNames!), fields.givenNames));
  }
  if (fields.nameTruncated) {
    out.push({ code: 'name-truncated', severity: 'warning', field: 'surname', message: 'the name fills the whole MRZ name field and may be truncated: compare with the printed name' });
  }

  if (fields.documentNumber === '') {
    out.push({ code: 'document-number-empty', severity: 'error', field: 'documentNumber', message: 'document number is empty' });
  }

  if (reading.birthDateProblem) out.push({ ...reading.birthDateProblem, severity: 'error', field: 'birthDate' });
  if (reading.expiryDateProblem) out.push({ ...reading.expiryDateProblem, severity: 'error', field: 'expiryDate' });
  if (fields.expiryDate) {
    if (fields.expiryDate < isoYearsBefore(reference, EXPIRY_YEARS_BEHIND_PLAUSIBLE)) {
      out.push({
        code: 'expiry-out-of-range',
        severity: 'warning',
        field: 'expiryDate',
        message: `expiry date ${fields.expiryDate} is more than ${EXPIRY_YEARS_BEHIND_PLAUSIBLE} years before the reference date: long expired, or the year was misread`,
        params: { expiry: fields.expiryDate, years: EXPIRY_YEARS_BEHIND_PLAUSIBLE },
      });
    }
  }
  if (fields.birthDate && fields.expiryDate && fields.birthDate > fields.expiryDate) {
    out.push({ code: 'birth-after-expiry', severity: 'warning', field: 'birthDate', message: `birth date ${fields.birthDate} is after the expiry date ${fields.expiryDate}`, params: { birth: fields.birthDate, expiry: fields.expiryDate } });
  }

  if (fields.sex === null) {
    out.push({ code: 'invalid-sex', severity: 'error', field: 'sex', message: `sex '${charAt(lines, layout.sex)}' is not M, F, X or '<'`, params: { value: charAt(lines, layout.sex) } });
  }
  return out;
}
