/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF, a field with a comma, quote, CR or LF in
 * double quotes with inner quotes doubled. Written with a UTF-8 byte order mark so Excel opens it as UTF-8.
 */

export const UTF8_BOM = '\uFEFF';
export const CSV_RECORD_END = '\r\n';

/**
 * Excel runs a cell that starts with = + - @ (or a tab / CR before one) as a formula (OWASP "CSV
 * injection"): such text is written with a leading apostrophe, which Excel shows as plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** True when csvCell leaves the value as it is (no formula start, nothing to quote): most cells, checked without a regex. */
function isPlainCell(value: string): boolean {
  const n = value.length;
  if (n === 0) return true;
  const first = value.charCodeAt(0);
  // = + - @ TAB CR
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) return false;
  for (let i = 0; i < n; i += 1) {
    const c = value.charCodeAt(i);
    // " , CR LF are all <= 44: one comparison for nearly every character.
    if (c <= 44 && (c === 34 || c === 44 || c === 13 || c === 10)) return false;
  }
  return true;
}

export function csvCell(value: string): string {
  // The verifier passes values read from a JSONL file, which need not be strings: those take the regex path.
  if (typeof value === 'string' && isPlainCell(value)) return value;
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvRecord = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}${CSV_RECORD_END}`;

/** What a cell reads as after csvCell wrote it and a parser read it back (the apostrophe stays). */
export const csvCellText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

export interface CsvParseError {
  readonly record: number;
  readonly message: string;
}

/**
 * Parses RFC 4180 text (without the BOM) into records. Lenient on a missing final CRLF and on bare LF
 * line ends, strict on quotes: a quote inside an unquoted field or text after a closing quote is an error,
 * so a hand-edited file shows up as exactly that.
 */
export function parseCsv(text: string): { records: string[][]; error: CsvParseError | null } {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return { records, error: null };
  for (;;) {
    let field: string;
    if (text.charCodeAt(i) === 34 /* " */) {
      let parts = '';
      let start = i + 1;
      for (;;) {
        const quote = text.indexOf('"', start);
        if (quote === -1) return { records, error: { record: records.length + 1, message: 'a quoted field is never closed' } };
        parts += text.slice(start, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          parts += '"';
          start = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      field = parts;
      const next = text.charCodeAt(i);
      if (i < n && next !== 44 && next !== 13 && next !== 10) {
        return { records, error: { record: records.length + 1, message: 'text follows a closing quote' } };
      }
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 13 || c === 10) break;
        if (c === 34) return { records, error: { record: records.length + 1, message: 'a quote inside an unquoted field' } };
        end += 1;
      }
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return { records, error: null };
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      i += 1;
      continue;
    }
    // End of record: CRLF (or a bare LF / CR).
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    records.push(record);
    record = [];
    if (i >= n) return { records, error: null };
  }
}
