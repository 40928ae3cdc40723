import { ManifestReadError, readCsvTable, readXlsxTable } from '../manifest';

// An XLSX workbook is a zip file: it starts with the local file header "PK\x03\x04".
const isZip = (bytes: Uint8Array): boolean => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A lab list file (CSV or XLSX, told apart by content) as rows of cell texts; a sentence when it cannot be read. */
export async function readLabListTable(bytes: Uint8Array): Promise<{ ok: true; table: string[][] } | { ok: false; message: string }> {
  try {
    if (isZip(bytes)) return { ok: true, table: await readXlsxTable(bytes) };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, table: readCsvTable(text) };
  } catch (error) {
    if (error instanceof ManifestReadError) return { ok: false, message: error.message.replace(/a manifest/g, 'a lab list') };
    if (error instanceof TypeError) return { ok: false, message: 'the file is neither an Excel workbook (.xlsx) nor UTF-8 CSV text' };
    throw error;
  }
}
