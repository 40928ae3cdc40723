import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** Largest manifest sheet we read: a bus of 600 with room for notes; larger is not a manifest. */
export const MAX_MANIFEST_ROWS = 5000;

export class ManifestReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ManifestReadError';
  }
}

/**
 * CSV as Excel and LibreOffice write it (comma or semicolon, quoted fields, BOM, CRLF), parsed by
 * csv-parse. The delimiter is the one the header line uses most.
 */
export function readCsvTable(text: string): string[][] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  try {
    const records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, to: MAX_MANIFEST_ROWS + 1 }) as string[][];
    return records;
  } catch (error) {
    throw new ManifestReadError(`The CSV file could not be read: ${(error as Error).message}`);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel keeps dates as serial numbers; exceljs gives them as UTC Date objects.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** The first worksheet of an XLSX workbook (exceljs), as rows of cell texts. */
export async function readXlsxTable(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ManifestReadError(`The Excel file could not be read (is it .xlsx?): ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ManifestReadError('The Excel file has no worksheet.');
  if (sheet.rowCount > MAX_MANIFEST_ROWS + 1) throw new ManifestReadError(`The sheet has ${sheet.rowCount} rows; a manifest has at most ${MAX_MANIFEST_ROWS}.`);
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) cells.push(cellText(row.getCell(column).value).trim());
    table.push(cells);
  });
  return table;
}
