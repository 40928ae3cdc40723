/**
 * Manifest workbooks and CSV files built to stall or fool the import. Before the bounds, a 40 KB XLSX
 * with a cell in column XFD made the reader visit 16,384 cells per row on the core's thread (minutes),
 * and a 6,000-line CSV was cut to 5,000 lines with no problem reported.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_ROWS, readCsvTable, readXlsxTable } from '../../../shared/node/manifest';

async function book(rows: number, farCell?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Manifest');
  sheet.addRow(['Passport No.', 'Citizenship', 'Last name', 'First name', 'Date of birth']);
  for (let i = 0; i < rows; i += 1) sheet.addRow([`C${String(i).padStart(8, '0')}`, 'TJK', 'KARIMOV', 'ALI', '1990-01-01']);
  if (farCell) sheet.getCell(farCell).value = 'x';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rewrites one part of a workbook zip. */
function withPart(xlsx: Buffer, name: string, change: (text: string) => string, extra: Record<string, Uint8Array> = {}): Buffer {
  const parts = unzipSync(xlsx);
  const part = parts[name];
  if (!part) throw new Error(`no ${name}`);
  parts[name] = new TextEncoder().encode(change(new TextDecoder().decode(part)));
  return Buffer.from(zipSync({ ...parts, ...extra }));
}

describe('manifest bounds', () => {
  it('refuses a sheet reaching column XFD with a sentence, before walking its rows', async () => {
    const hostile = await book(600, 'XFD2');
    await expect(readXlsxTable(hostile)).rejects.toThrow(/declares 601 rows and 16384 columns/);
    // Without a declared dimension, the sheet's own column count is checked before its rows are walked.
    const undeclared = withPart(hostile, 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, ''));
    await expect(readXlsxTable(undeclared)).rejects.toThrow(/16384 columns; a manifest has at most 64/);
  });

  it('refuses a sheet whose declared dimension is far beyond a manifest', async () => {
    const declared = withPart(await book(3), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:E1048576"'));
    await expect(readXlsxTable(declared)).rejects.toThrow(/declares 1048576 rows/);
  });

  it('refuses a workbook that unpacks to more than a manifest can', async () => {
    const padded = withPart(await book(3), 'xl/worksheets/sheet1.xml', (xml) => xml, { 'xl/media/padding.bin': new Uint8Array(40 * 1024 * 1024) });
    await expect(readXlsxTable(padded)).rejects.toThrow(/unpacks to \d+ bytes/);
  });

  it('still reads a normal workbook', async () => {
    expect(await readXlsxTable(await book(20))).toHaveLength(21);
  });

  it('refuses a CSV over the line limit instead of cutting it, and reads one at the limit whole', () => {
    const csv = (lines: number) => ['Passport No.,Citizenship,Last name', ...Array.from({ length: lines }, (_, i) => `C${String(i).padStart(8, '0')},TJK,KARIMOV`)].join('\n');
    expect(() => readCsvTable(csv(6000))).toThrow(/more than 5000 lines.*Nothing was imported/);
    expect(readCsvTable(csv(MAX_MANIFEST_ROWS))).toHaveLength(MAX_MANIFEST_ROWS + 1);
  });
});
