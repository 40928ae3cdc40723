import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';

/** Largest manifest sheet we read: a bus of 600 with room for notes; larger is not a manifest. */
export const MAX_MANIFEST_ROWS = 5000;
/** A manifest has a dozen columns; a sheet reaching far to the right (column XFD is 16,384) is not one. */
export const MAX_MANIFEST_COLUMNS = 64;
/** A 5,000-line manifest unpacks to a few MB; the parts of a workbook together may not declare more. */
export const MAX_XLSX_UNPACKED_BYTES = 32 * 1024 * 1024;

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
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, to: MAX_MANIFEST_ROWS + 2 }) as string[][];
  } catch (error) {
    throw new ManifestReadError(`The CSV file could not be read: ${(error as Error).message}`);
  }
  // Refused whole rather than cut: a manifest missing its last lines would turn people into stowaways.
  if (records.length > MAX_MANIFEST_ROWS + 1) {
    throw new ManifestReadError(`The CSV file has more than ${MAX_MANIFEST_ROWS} lines; a manifest has at most ${MAX_MANIFEST_ROWS}. Nothing was imported.`);
  }
  const widest = records.reduce((most, record) => Math.max(most, record.length), 0);
  if (widest > MAX_MANIFEST_COLUMNS) throw new ManifestReadError(`The CSV file has a line of ${widest} fields; a manifest has at most ${MAX_MANIFEST_COLUMNS} columns. Nothing was imported.`);
  return records;
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
  checkXlsxParts(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ManifestReadError(`The Excel file could not be read (is it .xlsx?): ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ManifestReadError('The Excel file has no worksheet.');
  // Both bounds are checked before a single row is walked: a cell in column XFD made the loop below visit
  // 16,384 cells per row on the core's thread.
  if (sheet.rowCount > MAX_MANIFEST_ROWS + 1) throw new ManifestReadError(`The sheet has ${sheet.rowCount} rows; a manifest has at most ${MAX_MANIFEST_ROWS}. Nothing was imported.`);
  const columns = sheet.columnCount;
  if (columns > MAX_MANIFEST_COLUMNS) {
    throw new ManifestReadError(`The sheet uses ${columns} columns; a manifest has at most ${MAX_MANIFEST_COLUMNS}. Remove the cells far to the right, then import it again.`);
  }
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= columns; column += 1) cells.push(cellText(row.getCell(column).value).trim());
    table.push(cells);
  });
  return table;
}

/**
 * Looks at the workbook's zip directory before exceljs unpacks anything: the declared sizes of its parts
 * together, and the worksheet's declared dimension (`<dimension ref="A1:XFD9999"/>`), which a hostile
 * file sets far beyond what a manifest needs.
 */
function checkXlsxParts(bytes: Uint8Array): void {
  let unpacked = 0;
  let sheetPart: string | undefined;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (sheetPart === undefined && /^xl\/worksheets\/sheet\d+\.xml$/.test(file.name)) sheetPart = file.name;
        return false;
      },
    });
  } catch (error) {
    throw new ManifestReadError(`The Excel file could not be read (is it .xlsx?): ${(error as Error).message}`);
  }
  if (unpacked > MAX_XLSX_UNPACKED_BYTES) {
    throw new ManifestReadError(`The Excel file unpacks to ${unpacked} bytes; a manifest workbook unpacks to at most ${MAX_XLSX_UNPACKED_BYTES}. Nothing was imported.`);
  }
  if (!sheetPart) return;
  let part: Uint8Array | undefined;
  try {
    part = unzipSync(bytes, { filter: (file) => file.name === sheetPart })[sheetPart];
  } catch (error) {
    throw new ManifestReadError(`The Excel file could not be read (is it .xlsx?): ${(error as Error).message}`);
  }
  const head = part ? Buffer.from(part.subarray(0, 4096)).toString('utf8') : '';
  const ref = /<dimension\s+ref="[A-Z]+\d+:([A-Z]+)(\d+)"/.exec(head);
  if (!ref) return;
  const lastColumn = [...(ref[1] ?? '')].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  const lastRow = Number(ref[2]);
  if (lastColumn > MAX_MANIFEST_COLUMNS || lastRow > MAX_MANIFEST_ROWS + 1) {
    throw new ManifestReadError(
      `The sheet declares ${lastRow} rows and ${lastColumn} columns; a manifest has at most ${MAX_MANIFEST_ROWS} rows and ${MAX_MANIFEST_COLUMNS} columns. Nothing was imported.`,
    );
  }
}
