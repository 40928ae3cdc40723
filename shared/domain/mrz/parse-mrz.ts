import { computeChecks } from './checks';
import { readFields } from './fields';
import { detectFormat, LAYOUTS, readLongNumber } from './layouts';
import { normaliseMrzInput } from './normalise';
import { correctByCheckDigits, correctCharacterClasses } from './ocr-correction';
import { characterProblems, checkProblems, fieldProblems, layoutProblems } from './problems';
import type { MrzCorrection, MrzNormalisation, MrzProblem, MrzResult, MrzUnreadable, ParseMrzOptions } from './types';

const unreadable = (problems: MrzProblem[], normalisations: readonly MrzNormalisation[], lines: readonly string[]): MrzUnreadable => ({
  readable: false,
  problems,
  normalisations,
  lines,
});

/**
 * Reads an ICAO 9303 machine-readable zone (TD1, TD2, TD3, MRV-A, MRV-B) or a pre-2021 French identity card from
 * scanner or keyboard text. Never throws: text that fits no layout gives `{ readable: false, problems }`.
 *
 * Steps: normalise the text (line breaks, `^`, whitespace, case) → pick the layout by line count and length →
 * undo OCR look-alikes that the character classes or the check digits prove (unless `ocrCorrection: false`) →
 * read the fields and verify every check digit, date, code and name.
 */
export function parseMrz(input: string, options: ParseMrzOptions): MrzResult {
  try {
    return parse(input, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return unreadable([{ code: 'internal-error', severity: 'error', message: `the MRZ could not be read: ${detail}` }], [], []);
  }
}

function parse(input: string, options: ParseMrzOptions): MrzResult {
  if (typeof input !== 'string') {
    return unreadable([{ code: 'empty-input', severity: 'error', message: 'no MRZ text: the input is not text' }], [], []);
  }
  const { lines: normalised, normalisations } = normaliseMrzInput(input);
  if (normalised.length === 0) {
    return unreadable([{ code: 'empty-input', severity: 'error', message: 'no MRZ text: the input is empty' }], normalisations, []);
  }
  const format = detectFormat(normalised);
  if (format === null) return unreadable(layoutProblems(normalised), normalisations, normalised);
  const layout = LAYOUTS[format];
  const reference = options.referenceDate;

  let lines = normalised;
  const corrections: MrzCorrection[] = [];
  const problems: MrzProblem[] = [];
  if (options.ocrCorrection !== false) {
    const byClass = correctCharacterClasses(layout, lines);
    const byCheck = correctByCheckDigits(layout, byClass.lines);
    lines = byCheck.lines;
    corrections.push(...byClass.corrections, ...byCheck.corrections);
    problems.push(...byClass.problems, ...byCheck.problems);
  }

  const long = readLongNumber(layout, lines);
  const checks = computeChecks(layout, lines, long);
  const reading = readFields(layout, lines, long, reference);
  if (!(reference instanceof Date) || Number.isNaN(reference.getTime())) {
    problems.push({ code: 'invalid-reference-date', severity: 'error', message: 'the reference date is not a valid date, so the dates cannot be resolved' });
  }
  problems.push(...characterProblems(lines), ...fieldProblems(layout, lines, reading, reference), ...checkProblems(format, checks));

  const status = problems.some((p) => p.severity === 'error')
    ? 'invalid'
    : corrections.length > 0
      ? 'valid-after-correction'
      : 'valid';
  return { readable: true, format, status, fields: reading.fields, checks, corrections, problems, normalisations, lines };
}
