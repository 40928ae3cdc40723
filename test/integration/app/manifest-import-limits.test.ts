/**
 * The thread that reads a manifest has a time limit and a heap limit. A workbook that needs more is refused in words,
 * that thread ends, the core keeps answering and nothing of the file is saved. Real worker threads, with the limits
 * shrunk so the largest workbook the bounds let through exceeds them.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { MAX_MANIFEST_ROWS, ManifestReadError, readManifestRows, type ManifestReadLimits } from '../../../shared/node/manifest';
import { CORRIDOR, manifestCsv, stationAt, traveller } from '../../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

/** 5,000 readable rows of 24 columns: seconds of exceljs work and tens of megabytes of cell objects. */
async function heavyWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Manifest');
  const extra = Array.from({ length: 19 }, (_, i) => `Note ${i + 1}`);
  sheet.addRow(['Passport No.', 'Citizenship', 'Last name', 'First name', 'Date of birth', ...extra]);
  for (let i = 0; i < MAX_MANIFEST_ROWS; i += 1) sheet.addRow([`HV${String(i).padStart(7, '0')}`, 'TJK', 'KARIMOV', 'ALI', '1990-01-01', ...extra.map((_, c) => (i * 7 + c) % 97)]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const content = heavyWorkbook();

const CASES: { name: string; limits: ManifestReadLimits; sentence: RegExp }[] = [
  { name: 'time', limits: { timeoutMs: 50 }, sentence: /^Reading the file took longer than 1 seconds\. Nothing was imported\.$/ },
  // 24 MB reads a short list (below) but not 5,000 × 24 cells (measured: 64 MB does).
  { name: 'memory', limits: { heapMb: 24 }, sentence: /^The file needs more memory to read than a manifest can\. Nothing was imported\.$/ },
];

describe('manifest reader limits', () => {
  it('the heavy workbook is read whole under the default limits (the refusals below are the limits, not the file)', async () => {
    const read = await readManifestRows({ format: 'xlsx', content: await content });
    expect(read.rows).toHaveLength(MAX_MANIFEST_ROWS);
  }, 120_000);

  it('a short list reads within the memory limit the heavy workbook exceeds', async () => {
    const read = await readManifestRows({ format: 'csv', content: manifestCsv(Array.from({ length: 3 }, (_, i) => traveller(i))) }, { heapMb: 24 });
    expect(read.rows).toHaveLength(3);
  }, 120_000);

  it.each(CASES)('a reading thread out of $name is refused in words', async ({ limits, sentence }) => {
    const error = await readManifestRows({ format: 'xlsx', content: await content }, limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ManifestReadError);
    expect((error as Error).message).toMatch(sentence);
  }, 120_000);

  it.each(CASES)('an import whose thread runs out of $name saves nothing, and the core keeps answering', async ({ limits, sentence }) => {
    const dataDir = tempDir();
    const open = (manifestReadLimits?: ManifestReadLimits) =>
      createCore({
        pinHashCost: TEST_PIN_HASH_COST,
        dataDir,
        clock: new ManualClock(new Date('2021-03-01T06:00:00Z')),
        logger: silentLogger,
        bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('shift-lead')], signIn: TEST_USERNAME['shift-lead'] },
        ...(manifestReadLimits ? { manifestReadLimits } : {}),
      });
    // With the default limits, the group gets a list of three people.
    const first = await open();
    const group = unwrap(await first.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 01' }));
    const small = manifestCsv(Array.from({ length: 3 }, (_, i) => traveller(i)));
    expect(unwrap(await first.importManifest({ groupId: group.id, fileName: 'bus-01.csv', format: 'csv', content: small }))).toMatchObject({ rowsAdded: 3 });
    const before = unwrap(await first.getGroup({ groupId: group.id }));
    first.close();

    const core = await open(limits);
    try {
      unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
      const refused = await core.importManifest({ groupId: group.id, fileName: 'heavy.xlsx', format: 'xlsx', content: await content });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', key: 'group.manifestUnreadable' } });
      if (refused.ok) throw new Error('imported');
      expect(String(refused.error.params?.detail)).toMatch(sentence);
      // Nothing of the heavy file: the same people, the same imports; and the core answers at once.
      expect(unwrap(await core.getGroup({ groupId: group.id }))).toEqual(before);
      unwrap(await core.getStatus({}));
    } finally {
      core.close();
    }
  }, 120_000);
});
