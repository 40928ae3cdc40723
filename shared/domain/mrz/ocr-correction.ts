import { computeChecks } from './checks';
import { readLongNumber, segments, spanText, type Layout, type LongNumber, type Pos, type Segment } from './layouts';
import type { MrzCheck, MrzCorrection, MrzCorrectionField, MrzProblem } from './types';

// OCR look-alikes of the MRZ font (OCR-B, ICAO 9303 Part 3 §4.2): letters a reader may return for a digit…
export const LETTER_TO_DIGIT: Readonly<Record<string, string>> = {
  O: '0', Q: '0', D: '0', I: '1', Z: '2', S: '5', G: '6', B: '8',
};
// …and digits it may return for a letter.
export const DIGIT_TO_LETTER: Readonly<Record<string, string>> = {
  '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B',
};

const setChar = (lines: readonly string[], line: number, index: number, ch: string): string[] =>
  lines.map((l, i) => (i === line ? l.slice(0, index) + ch + l.slice(index + 1) : l));

/** The name field holds two data fields: characters before the first `<<` belong to the surname. */
function nameFieldAt(seg: Segment, lines: readonly string[], index: number): MrzCorrectionField {
  const cut = spanText(lines, seg.span).indexOf('<<');
  return cut >= 0 && index - seg.span.start > cut ? 'givenNames' : 'surname';
}

export interface CorrectionOutcome {
  readonly lines: string[];
  readonly corrections: MrzCorrection[];
  readonly problems: MrzProblem[];
}

/**
 * Positions that can only hold digits (dates, check digits, the French issue date) or only letters (document code,
 * state codes, names) cannot hold a look-alike of the other kind: map it back. Each change is reported; names are
 * flagged for the officer to compare with the visual zone.
 */
export function correctCharacterClasses(layout: Layout, input: readonly string[]): CorrectionOutcome {
  let lines = [...input];
  const corrections: MrzCorrection[] = [];
  const long = readLongNumber(layout, lines);
  for (const seg of segments(layout, long)) {
    const { line, start, end } = seg.span;
    const digitsOnly = seg.cls === 'numeric' || seg.cls === 'check';
    if (!digitsOnly && seg.cls !== 'alpha' && seg.cls !== 'name') continue;
    if (!(digitsOnly ? /[A-Z]/ : /[0-9]/).test(spanText(lines, seg.span))) continue;
    for (let i = start; i < end; i++) {
      const ch = lines[line]![i]!;
      const to = digitsOnly ? LETTER_TO_DIGIT[ch] : DIGIT_TO_LETTER[ch];
      if (to === undefined) continue;
      const field = seg.cls === 'name' && layout.names ? nameFieldAt(seg, lines, i) : seg.field;
      corrections.push({ field, line: line + 1, position: i + 1, from: ch, to, basis: 'character-class' });
      lines = setChar(lines, line, i, to);
    }
  }
  const problems: MrzProblem[] = [];
  for (const field of ['surname', 'givenNames'] as const) {
    const changed = corrections.filter((c) => c.field === field);
    if (changed.length === 0) continue;
    const label = field === 'surname' ? 'surname' : 'given names';
    const list = changed.map((c) => `${c.from}→${c.to}`).join(', ');
    problems.push({
      code: 'name-corrected',
      severity: 'warning',
      field,
      message: `${label} contained digits, which names cannot hold; read them as letters (${list}): compare the name with the printed page`,
      params: { fixes: list },
    });
  }
  return { lines, corrections, problems };
}

/** Fields with letters and digits that a check digit of their own guards. */
type GuardedField = 'documentNumber' | 'optionalData';

interface Substitution {
  readonly pos: Pos;
  readonly field: GuardedField;
  readonly from: string;
  readonly to: string;
}

const allOk = (checks: readonly MrzCheck[]): boolean => checks.every((c) => c.ok);

const checksFor = (layout: Layout, lines: readonly string[]): MrzCheck[] =>
  computeChecks(layout, lines, readLongNumber(layout, lines));

const apply = (lines: readonly string[], subs: readonly Substitution[]): string[] =>
  subs.reduce<string[]>((acc, s) => setChar(acc, s.pos.line, s.pos.index, s.to), [...lines]);

function substitutions(guarded: readonly Segment[], lines: readonly string[], toDigit: boolean): Substitution[] {
  const out: Substitution[] = [];
  for (const seg of guarded) {
    const field: GuardedField = seg.field === 'documentNumber' ? 'documentNumber' : 'optionalData';
    for (let i = seg.span.start; i < seg.span.end; i++) {
      const from = lines[seg.span.line]![i]!;
      const to = toDigit ? LETTER_TO_DIGIT[from] : DIGIT_TO_LETTER[from];
      if (to !== undefined) out.push({ pos: { line: seg.span.line, index: i }, field, from, to });
    }
  }
  return out;
}

const describe = (s: Substitution): string => `position ${s.pos.index + 1} ${s.from}→${s.to}`;

/**
 * Document and personal numbers may hold letters and digits, so a look-alike there is only provable through the
 * check digits: try every single look-alike substitution (or one per field when two field checks fail) and keep it
 * if it is the only one after which every check digit agrees.
 *
 * - With a composite check digit (TD1, TD2, TD3, French ID) letter→digit substitutions are tried first, then
 *   digit→letter. The composite is a second, independent witness: when the failure comes from a misread check digit
 *   rather than the data, a look-alike substitution would have to satisfy both check digits at once, which for the
 *   fixed-position fields needs a value difference ≡ 5 (mod 10); look-alikes differ by 3, 10, 13, 17, 23, 24, 26, 33.
 *   A long TD1/TD2 document number breaks that arithmetic (its overflow sits at other weights in the composite, and
 *   two readings of its check digit are accepted), so a substitution is also refused whenever another digit in a
 *   field check-digit position would make every check agree: then nothing is proven.
 * - Visas have no composite, so the field's own check digit is the only witness and matches a wrong guess one time in
 *   ten: only O→0 is tried, the classic OCR-B confusion (many issuers, e.g. Germany, leave O out of document numbers
 *   for that reason), and the correction is flagged for the officer to verify.
 */
export function correctByCheckDigits(layout: Layout, input: readonly string[]): CorrectionOutcome {
  const lines = [...input];
  const checks = checksFor(layout, lines);
  if (allOk(checks)) return { lines, corrections: [], problems: [] };
  const guarded = segments(layout, readLongNumber(layout, lines)).filter(
    (s) => s.cls === 'alnum' && (s.field === 'documentNumber' || (s.field === 'optionalData' && layout.optionalDataCheck !== null)),
  );
  const hasComposite = layout.composite !== null;
  // Letter→digit first (an O read among digits is the usual OCR failure); digit→letter only when that finds nothing.
  // The two often tie: O→0 under weight 3 and 0→O under weight 7 change every check digit alike.
  const bothFail = ['documentNumber', 'optionalData'].every((f) => checks.some((c) => c.field === f && !c.ok));
  let found: Substitution[][] = [];
  for (const toDigit of hasComposite ? [true, false] : [true]) {
    const subs = substitutions(guarded, lines, toDigit).filter((s) => hasComposite || (s.from === 'O' && s.to === '0'));
    found = subs.filter((s) => allOk(checksFor(layout, apply(lines, [s])))).map((s) => [s]);
    if (found.length === 0 && bothFail) {
      for (const a of subs) {
        if (a.field !== 'documentNumber') continue;
        for (const b of subs) {
          if (b.field === 'optionalData' && allOk(checksFor(layout, apply(lines, [a, b])))) found.push([a, b]);
        }
      }
    }
    if (found.length > 0) break;
  }
  if (found.length === 0) return { lines, corrections: [], problems: [] };

  // Two readings the check digits cannot tell apart: nothing is corrected, the operator is told why.
  const ambiguous = (why: (list: string) => string) => {
    const list = found.map((f) => f.map(describe).join(' and ')).join('; ');
    const problem = { code: 'ambiguous-correction', severity: 'warning', field: found[0]![0]!.field, message: why(list), params: { fixes: list } } as const;
    return { lines, corrections: [], problems: [problem] };
  };
  if (hasComposite && misreadCheckDigitExplains(layout, lines, checks)) {
    return ambiguous((list) => `either a check digit or a look-alike character (${list}) was misread; the check digits cannot tell which`);
  }
  if (found.length > 1) {
    return ambiguous((list) => `several look-alike corrections satisfy the check digits (${list}); re-scan or read the printed number`);
  }
  const chosen = found[0]!;
  const corrected = apply(lines, chosen);
  const corrections: MrzCorrection[] = chosen.map((s) => ({
    field: s.field,
    line: s.pos.line + 1,
    position: s.pos.index + 1,
    from: s.from,
    to: s.to,
    basis: 'check-digit',
  }));
  const problems: MrzProblem[] = chosen.map((s) => {
    const label = s.field === 'documentNumber' ? 'document number' : 'personal number';
    const witness = hasComposite ? 'its check digit and the composite check digit' : 'its check digit (there is no composite check digit)';
    return {
      code: 'verify-correction',
      severity: 'warning',
      field: s.field,
      message: `${label} read with ${s.to} instead of ${s.from} at line ${s.pos.line + 1} position ${s.pos.index + 1}: the only look-alike that satisfies ${witness}; compare with the printed number`,
      params: { to: s.to, from: s.from, line: s.pos.line + 1, position: s.pos.index + 1, check: s.field === 'documentNumber' ? 'documentNumber' : 'personalNumber' },
    };
  });
  return { lines: corrected, corrections, problems };
}

/**
 * Would another digit in one field check-digit position make every check digit agree? (A long document number's
 * check digit may pass under one of its two readings and still be the misread character.)
 */
function misreadCheckDigitExplains(layout: Layout, lines: readonly string[], checks: readonly MrzCheck[]): boolean {
  const long = readLongNumber(layout, lines);
  return checks.some((c) => {
    if (c.field === 'composite') return false;
    const at = checkDigitPosition(layout, long, c.field);
    if (at === null) return false;
    return DIGITS.some((d) => d !== c.printed && allOk(checksFor(layout, setChar(lines, at.line, at.index, d))));
  });
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function checkDigitPosition(layout: Layout, long: LongNumber | null, field: Exclude<MrzCheck['field'], 'composite'>): Pos | null {
  switch (field) {
    case 'documentNumber':
      return long ? long.checkDigit : layout.documentNumberCheck;
    case 'birthDate':
      return layout.birthDateCheck;
    case 'expiryDate':
      return layout.expiryDateCheck;
    case 'optionalData':
      return layout.optionalDataCheck;
  }
}
