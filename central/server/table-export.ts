import ExcelJS from 'exceljs';
import { csvRecord, UTF8_BOM } from '../../shared/domain/export';
import type { TableRows } from './hub-tables';

/** RFC 4180 with a BOM, formula-looking cells neutralised (shared/domain/export csvCell). */
export const tableCsv = (table: TableRows): string => UTF8_BOM + csvRecord(table.columns) + table.rows.map((r) => csvRecord(r.map((c) => (c === null ? '' : String(c))))).join('');

/** One worksheet, a bold header row; numbers stay numbers, text stays text (ExcelJS writes no formulas from strings). */
export async function tableXlsx(name: string, table: TableRows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'checkpoint-central';
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...table.columns]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => c ?? ''));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
