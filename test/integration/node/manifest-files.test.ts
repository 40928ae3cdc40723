import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { manifestRowsFromTable } from '../../../shared/domain/corridor';
import { readCsvTable, readXlsxTable } from '../../../shared/node/manifest';
import { CORRIDOR, stationAt, traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

/** A manifest workbook as a carrier's office makes it: a title row is not there, dates are real Excel dates. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Manifest');
  sheet.addRow(['Passport No.', 'Citizenship', 'Last name', 'First name', 'Date of birth', 'Minor', 'Accompanied by']);
  for (const i of [0, 1, 2, 4, 5]) {
    const t = traveller(i);
    sheet.addRow([t.documentNumber, 'TJK', t.surname, t.givenNames, new Date(`${t.birthDate}T00:00:00Z`), t.minor ? 'yes' : '', t.companion === null ? '' : traveller(t.companion).documentNumber]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('manifest files', () => {
  it('reads an XLSX sheet with real date cells (exceljs)', async () => {
    const { rows, problems } = manifestRowsFromTable(await readXlsxTable(await workbook()));
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ documentNumber: traveller(0).documentNumber, birthDate: traveller(0).birthDate, surname: 'KARIMOV' });
    expect(rows[4]).toMatchObject({ minor: true, companionDocumentNumber: traveller(4).documentNumber });
  });

  it('reads CSV with commas or semicolons, quotes and a BOM (csv-parse)', () => {
    expect(readCsvTable('\uFEFFPassport,Nationality,Surname\r\n"A 1",TJK,"O\'BRIEN, JR"\r\n')).toEqual([
      ['Passport', 'Nationality', 'Surname'],
      ['A 1', 'TJK', "O'BRIEN, JR"],
    ]);
    expect(readCsvTable('Passport;Nationality;Surname\nA1;TJK;X\n')[1]).toEqual(['A1', 'TJK', 'X']);
  });

  it('imports an XLSX manifest through the core once, however often it is imported', async () => {
    const core = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
      dataDir: tempDir(),
      logger: silentLogger,
      bootstrap: { station: stationAt('entry', 'STN-X'), users: [testUser('operator')], signIn: TEST_USERNAME.operator },
    });
    const group = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 12' }));
    const content = (await workbook()).toString('base64');
    const first = unwrap(await core.importManifest({ groupId: group.id, fileName: 'bus12.xlsx', format: 'xlsx', content }));
    expect(first).toEqual({ rowsTotal: 5, rowsAdded: 5, alreadyImported: false, problems: [], linked: 0 });
    expect(unwrap(await core.importManifest({ groupId: group.id, fileName: 'bus12.xlsx', format: 'xlsx', content }))).toMatchObject({ alreadyImported: true, rowsAdded: 0 });
    expect(await core.importManifest({ groupId: group.id, fileName: 'x.xlsx', format: 'xlsx', content: Buffer.from('not a zip').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/Excel file could not be read/) },
    });
    expect(unwrap(await core.getGroup({ groupId: group.id })).counts).toMatchObject({ expected: 5, total: 5 });
    core.close();
  }, 60_000);
});
