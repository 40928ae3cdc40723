import type { MrzNormalisation } from './types';

/** Line shapes of ICAO 9303 MRZs: TD1 3×30, TD2/MRV-B/French ID 2×36, TD3/MRV-A 2×44. */
export const MRZ_SHAPES: readonly { readonly lines: number; readonly length: number }[] = [
  { lines: 2, length: 44 },
  { lines: 2, length: 36 },
  { lines: 3, length: 30 },
];

const LINE_LENGTHS = new Set(MRZ_SHAPES.map((s) => s.length));

export interface NormalisedInput {
  readonly lines: string[];
  readonly normalisations: MrzNormalisation[];
}

const isShape = (lengths: readonly number[]): boolean =>
  MRZ_SHAPES.some((s) => s.lines === lengths.length && lengths.every((l) => l === s.length));

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Turns scanner or keyboard text into MRZ lines and reports every change: CR/CRLF, lines joined with `^`
 * (some readers use it as line separator) or with spaces, surrounding whitespace, lower case, full-width
 * characters, and one unbroken line of 88/72/90 characters. Characters outside the MRZ alphabet are left
 * in place for the parser to report.
 */
export function normaliseMrzInput(input: string): NormalisedInput {
  const normalisations: MrzNormalisation[] = [];
  let text = input;

  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(text)) {
    const compat = text.normalize('NFKC');
    if (compat !== text) {
      normalisations.push({
        code: 'unicode-compatibility',
        message: 'converted full-width or compatibility characters to plain ASCII',
      });
      text = compat;
    }
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
    normalisations.push({ code: 'line-endings', message: 'converted CR/CRLF line breaks to LF' });
  }
  if (text.includes('^')) {
    text = text.replace(/\^/g, '\n');
    normalisations.push({ code: 'caret-separators', message: "lines were joined with '^'; split them there" });
  }

  const raw = text.split('\n');
  let first = 0;
  let last = raw.length - 1;
  while (first <= last && raw[first]!.trim() === '') first++;
  while (last >= first && raw[last]!.trim() === '') last--;
  let lines: string[] = [];
  let interiorEmpty = 0;
  const trimmed: number[] = [];
  for (let i = first; i <= last; i++) {
    const line = raw[i]!;
    const t = line.trim();
    if (t === '') {
      interiorEmpty++;
      continue;
    }
    if (t !== line) trimmed.push(lines.length + 1);
    lines.push(t);
  }
  if (trimmed.length > 0) {
    normalisations.push({
      code: 'trimmed-whitespace',
      message: `removed whitespace around ${trimmed.length === 1 ? `line ${trimmed[0]}` : `lines ${trimmed.join(', ')}`}`,
    });
  }
  if (interiorEmpty > 0) {
    normalisations.push({ code: 'removed-empty-lines', message: `removed ${plural(interiorEmpty, 'empty line')} between the MRZ lines` });
  }

  const lowered = lines.map((l, i) => (/[a-z]/.test(l) ? i + 1 : 0)).filter((n) => n > 0);
  if (lowered.length > 0) {
    lines = lines.map((l) => l.toUpperCase());
    normalisations.push({
      code: 'upper-cased',
      message: `converted lower-case letters to upper case in ${lowered.length === 1 ? `line ${lowered[0]}` : `lines ${lowered.join(', ')}`}`,
    });
  }

  // One line holding several MRZ lines separated by spaces or tabs.
  if (lines.length === 1 && /\s/.test(lines[0]!)) {
    const tokens = lines[0]!.split(/\s+/);
    if (isShape(tokens.map((t) => t.length))) {
      lines = tokens;
      normalisations.push({ code: 'whitespace-separators', message: 'lines were separated by spaces; split them there' });
    }
  }

  // Spaces inside a line (OCR gaps): drop them when that gives an MRZ line length.
  const spaced: number[] = [];
  lines = lines.map((l, i) => {
    if (!/\s/.test(l) || LINE_LENGTHS.has(l.length)) return l;
    const joined = l.replace(/\s+/g, '');
    if (!LINE_LENGTHS.has(joined.length)) return l;
    spaced.push(i + 1);
    return joined;
  });
  if (spaced.length > 0) {
    normalisations.push({
      code: 'removed-inner-spaces',
      message: `removed spaces inside ${spaced.length === 1 ? `line ${spaced[0]}` : `lines ${spaced.join(', ')}`}`,
    });
  }

  // A reader that drops the line break: one line of 2×44, 2×36 or 3×30 characters.
  if (lines.length === 1) {
    const only = lines[0]!;
    const shape = MRZ_SHAPES.find((s) => s.lines * s.length === only.length);
    if (shape && /^[A-Z0-9<]+$/.test(only)) {
      lines = Array.from({ length: shape.lines }, (_, i) => only.slice(i * shape.length, (i + 1) * shape.length));
      normalisations.push({
        code: 'split-single-line',
        message: `split one line of ${only.length} characters into ${shape.lines} lines of ${shape.length}`,
      });
    }
  }

  return { lines, normalisations };
}
