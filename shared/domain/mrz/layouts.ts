import type { MrzCorrectionField, MrzFormat } from './types';

/** Characters `start` (inclusive) to `end` (exclusive) of line `line`, all 0-based. */
export interface Span {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** One character position, 0-based. */
export interface Pos {
  readonly line: number;
  readonly index: number;
}

export interface Layout {
  readonly format: MrzFormat;
  readonly lineCount: number;
  readonly lineLength: number;
  readonly documentCode: Span;
  readonly issuingState: Span;
  /** Name field with primary and secondary identifiers separated by `<<` (ICAO 9303 Part 3 §4.6). */
  readonly names: Span | null;
  /** French ID only: separate surname and given-name fields. */
  readonly surname: Span | null;
  readonly givenNames: Span | null;
  readonly documentNumber: Span;
  readonly documentNumberCheck: Pos;
  /** Leading characters of the document number that are digits by definition (French ID: issue year and month). */
  readonly documentNumberDigits: number;
  readonly nationality: Span | null;
  readonly birthDate: Span;
  readonly birthDateCheck: Pos;
  readonly sex: Pos;
  readonly expiryDate: Span | null;
  readonly expiryDateCheck: Pos | null;
  readonly optionalData: Span;
  /** TD3 only: the personal number has its own check digit. */
  readonly optionalDataCheck: Pos | null;
  readonly optionalData2: Span | null;
  readonly composite: { readonly data: readonly Span[]; readonly digit: Pos } | null;
  /** TD1/TD2: optional-data area receiving the overflow of a document number longer than 9 characters. */
  readonly longNumberArea: Span | null;
}

const span = (line: number, start: number, end: number): Span => ({ line, start, end });
const pos = (line: number, index: number): Pos => ({ line, index });

// Line 2 of TD3, TD2 and both visas shares positions 1–28 (ICAO 9303 Parts 4, 6 and 7, §4.2.2):
// document number 1–9, check 10, nationality 11–13, birth 14–19, check 20, sex 21, expiry 22–27, check 28.
const LINE2_COMMON = {
  documentCode: span(0, 0, 2),
  issuingState: span(0, 2, 5),
  surname: null,
  givenNames: null,
  documentNumber: span(1, 0, 9),
  documentNumberCheck: pos(1, 9),
  documentNumberDigits: 0,
  nationality: span(1, 10, 13),
  birthDate: span(1, 13, 19),
  birthDateCheck: pos(1, 19),
  sex: pos(1, 20),
  expiryDate: span(1, 21, 27),
  expiryDateCheck: pos(1, 27),
  optionalData2: null,
} as const;

export const LAYOUTS: Readonly<Record<MrzFormat, Layout>> = {
  // ICAO 9303 Part 4 §4.2.2: personal number 29–42, its check digit 43, composite 44 over 1–10, 14–20, 22–43.
  TD3: {
    ...LINE2_COMMON,
    format: 'TD3',
    lineCount: 2,
    lineLength: 44,
    names: span(0, 5, 44),
    optionalData: span(1, 28, 42),
    optionalDataCheck: pos(1, 42),
    composite: { data: [span(1, 0, 10), span(1, 13, 20), span(1, 21, 43)], digit: pos(1, 43) },
    longNumberArea: null,
  },
  // ICAO 9303 Part 6 §4.2.2: optional data 29–35, composite 36 over 1–10, 14–20, 22–35.
  TD2: {
    ...LINE2_COMMON,
    format: 'TD2',
    lineCount: 2,
    lineLength: 36,
    names: span(0, 5, 36),
    optionalData: span(1, 28, 35),
    optionalDataCheck: null,
    composite: { data: [span(1, 0, 10), span(1, 13, 20), span(1, 21, 35)], digit: pos(1, 35) },
    longNumberArea: span(1, 28, 35),
  },
  // ICAO 9303 Part 7 §4.2.2 (MRV-A): optional data 29–44, no composite check digit.
  MRVA: {
    ...LINE2_COMMON,
    format: 'MRVA',
    lineCount: 2,
    lineLength: 44,
    names: span(0, 5, 44),
    optionalData: span(1, 28, 44),
    optionalDataCheck: null,
    composite: null,
    longNumberArea: null,
  },
  // ICAO 9303 Part 7 §5.2.2 (MRV-B): optional data 29–36, no composite check digit.
  MRVB: {
    ...LINE2_COMMON,
    format: 'MRVB',
    lineCount: 2,
    lineLength: 36,
    names: span(0, 5, 36),
    optionalData: span(1, 28, 36),
    optionalDataCheck: null,
    composite: null,
    longNumberArea: null,
  },
  // ICAO 9303 Part 5 §4.2.2: line 1 code 1–2, state 3–5, document number 6–14, check 15, optional 16–30;
  // line 2 birth 1–6, check 7, sex 8, expiry 9–14, check 15, nationality 16–18, optional 19–29,
  // composite 30 over line 1 6–30 and line 2 1–7, 9–15, 19–29; line 3 name.
  TD1: {
    format: 'TD1',
    lineCount: 3,
    lineLength: 30,
    documentCode: span(0, 0, 2),
    issuingState: span(0, 2, 5),
    names: span(2, 0, 30),
    surname: null,
    givenNames: null,
    documentNumber: span(0, 5, 14),
    documentNumberCheck: pos(0, 14),
    documentNumberDigits: 0,
    nationality: span(1, 15, 18),
    birthDate: span(1, 0, 6),
    birthDateCheck: pos(1, 6),
    sex: pos(1, 7),
    expiryDate: span(1, 8, 14),
    expiryDateCheck: pos(1, 14),
    optionalData: span(0, 15, 30),
    optionalDataCheck: null,
    optionalData2: span(1, 18, 29),
    composite: { data: [span(0, 5, 30), span(1, 0, 7), span(1, 8, 15), span(1, 18, 29)], digit: pos(1, 29) },
    longNumberArea: span(0, 15, 30),
  },
  // Pre-2021 French identity card (not an ICAO layout): line 1 `IDFRA`, surname 6–30, administrative code 31–36;
  // line 2 card number 1–12 (issue YYMM, office, serial), check 13, given names 14–27, birth 28–33, check 34,
  // sex 35, composite 36 over line 1 and line 2 positions 1–35.
  FRENCH_ID: {
    format: 'FRENCH_ID',
    lineCount: 2,
    lineLength: 36,
    documentCode: span(0, 0, 2),
    issuingState: span(0, 2, 5),
    names: null,
    surname: span(0, 5, 30),
    givenNames: span(1, 13, 27),
    documentNumber: span(1, 0, 12),
    documentNumberCheck: pos(1, 12),
    documentNumberDigits: 4,
    nationality: null,
    birthDate: span(1, 27, 33),
    birthDateCheck: pos(1, 33),
    sex: pos(1, 34),
    expiryDate: null,
    expiryDateCheck: null,
    optionalData: span(0, 30, 36),
    optionalDataCheck: null,
    optionalData2: null,
    composite: { data: [span(0, 0, 36), span(1, 0, 35)], digit: pos(1, 35) },
    longNumberArea: null,
  },
};

const countDigits = (s: string): number => {
  let n = 0;
  for (const c of s) if (c >= '0' && c <= '9') n++;
  return n;
};

/**
 * The layout for lines of the right count and length, or `null`. Visas start with `V` (ICAO 9303 Part 7);
 * the French ID is told from TD2 by `IDFRA` and the digits where TD2 has the nationality.
 */
export function detectFormat(lines: readonly string[]): MrzFormat | null {
  const [l1, l2] = lines;
  if (l1 === undefined || l2 === undefined) return null;
  if (lines.length === 3) return lines.every((l) => l.length === 30) ? 'TD1' : null;
  if (lines.length !== 2 || l1.length !== l2.length) return null;
  if (l1.length === 44) return l1.startsWith('V') ? 'MRVA' : 'TD3';
  if (l1.length !== 36) return null;
  if (l1.startsWith('V')) return 'MRVB';
  if (/^[I1]DFRA/.test(l1) && countDigits(l2.slice(10, 13)) >= 2) return 'FRENCH_ID';
  return 'TD2';
}

export const spanText = (lines: readonly string[], s: Span): string => lines[s.line]!.slice(s.start, s.end);
export const charAt = (lines: readonly string[], p: Pos): string => lines[p.line]![p.index] ?? '';

export interface LongNumber {
  /** Characters of the document number beyond the first nine. */
  readonly overflow: string;
  readonly overflowSpan: Span;
  readonly checkDigit: Pos;
  /** What is left of the optional-data area after the overflow and its check digit. */
  readonly optionalSpan: Span;
}

/**
 * TD1/TD2 document numbers longer than 9 characters (ICAO 9303 Part 5 §4.2.2 and Part 6 §4.2.2, notes on the
 * document number): the check-digit position holds `<`, and the optional data starts with the remaining
 * characters followed by the check digit.
 */
export function readLongNumber(layout: Layout, lines: readonly string[]): LongNumber | null {
  const area = layout.longNumberArea;
  if (!area || charAt(lines, layout.documentNumberCheck) !== '<') return null;
  const text = spanText(lines, area);
  let run = 0;
  while (run < text.length && /[A-Z0-9]/.test(text[run]!)) run++;
  if (run === 0) return null;
  return {
    overflow: text.slice(0, run - 1),
    overflowSpan: span(area.line, area.start, area.start + run - 1),
    checkDigit: pos(area.line, area.start + run - 1),
    optionalSpan: span(area.line, area.start + run, area.end),
  };
}

/** Character class of an MRZ position, for validation and OCR correction. */
export type CharClass = 'alpha' | 'name' | 'numeric' | 'alnum' | 'check' | 'sex';

export interface Segment {
  readonly field: MrzCorrectionField;
  readonly span: Span;
  readonly cls: CharClass;
}

const one = (p: Pos): Span => span(p.line, p.index, p.index + 1);

/**
 * Every field of the layout with what its characters may be: letters only (codes, states, names), digits only
 * (dates, check digits, the French issue date), or both (document and personal numbers, optional data).
 */
export function segments(layout: Layout, long: LongNumber | null): readonly Segment[] {
  if (long) return buildSegments(layout, long);
  let cached = plainSegments.get(layout);
  if (!cached) plainSegments.set(layout, (cached = buildSegments(layout, null)));
  return cached;
}

const plainSegments = new WeakMap<Layout, readonly Segment[]>();

function buildSegments(layout: Layout, long: LongNumber | null): Segment[] {
  const out: Segment[] = [
    { field: 'documentCode', span: layout.documentCode, cls: 'alpha' },
    { field: 'issuingState', span: layout.issuingState, cls: 'alpha' },
  ];
  if (layout.names) out.push({ field: 'surname', span: layout.names, cls: 'name' });
  if (layout.surname) out.push({ field: 'surname', span: layout.surname, cls: 'name' });
  if (layout.givenNames) out.push({ field: 'givenNames', span: layout.givenNames, cls: 'name' });
  const doc = layout.documentNumber;
  if (layout.documentNumberDigits > 0) {
    const cut = doc.start + layout.documentNumberDigits;
    out.push({ field: 'documentNumber', span: span(doc.line, doc.start, cut), cls: 'numeric' });
    out.push({ field: 'documentNumber', span: span(doc.line, cut, doc.end), cls: 'alnum' });
  } else {
    out.push({ field: 'documentNumber', span: doc, cls: 'alnum' });
  }
  if (long) {
    out.push({ field: 'documentNumber', span: long.overflowSpan, cls: 'alnum' });
    out.push({ field: 'documentNumberCheckDigit', span: one(long.checkDigit), cls: 'check' });
    out.push({ field: 'optionalData', span: long.optionalSpan, cls: 'alnum' });
  } else {
    out.push({ field: 'documentNumberCheckDigit', span: one(layout.documentNumberCheck), cls: 'check' });
    out.push({ field: 'optionalData', span: layout.optionalData, cls: 'alnum' });
  }
  if (layout.nationality) out.push({ field: 'nationality', span: layout.nationality, cls: 'alpha' });
  out.push({ field: 'birthDate', span: layout.birthDate, cls: 'numeric' });
  out.push({ field: 'birthDateCheckDigit', span: one(layout.birthDateCheck), cls: 'check' });
  out.push({ field: 'sex', span: one(layout.sex), cls: 'sex' });
  if (layout.expiryDate) out.push({ field: 'expiryDate', span: layout.expiryDate, cls: 'numeric' });
  if (layout.expiryDateCheck) out.push({ field: 'expiryDateCheckDigit', span: one(layout.expiryDateCheck), cls: 'check' });
  if (layout.optionalDataCheck) out.push({ field: 'optionalDataCheckDigit', span: one(layout.optionalDataCheck), cls: 'check' });
  if (layout.optionalData2) out.push({ field: 'optionalData2', span: layout.optionalData2, cls: 'alnum' });
  if (layout.composite) out.push({ field: 'compositeCheckDigit', span: one(layout.composite.digit), cls: 'check' });
  return out;
}
