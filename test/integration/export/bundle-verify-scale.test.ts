import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { parseCsv, verifyBundle, type BundleProblem } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { DAY1_START, openTestStation, type TestStation } from '../../support/export-station';
import { tempDir } from '../../support/temp-dir';

// Thousands of rows, so the verifier's chunked fast paths run past their first chunk and the precise diff
// still names the one row that is wrong.
const ROWS = 2400;

let station: TestStation;
let clean: Map<string, Uint8Array>;

let first: { manifestSha256: string };

// The station lives for the whole file (tempDir's folders go after each test): its audit heads file is written at every export.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-test-scale-'));
beforeAll(async () => {
  station = openTestStation(dataDir);
  station.store.transaction(() => station.record(ROWS, DAY1_START + 3_600_000, 30_000));
  const row = await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + 86_400_000, folder: tempDir('checkpoint-usb-'), format: 'folder' });
  const read = readBundle(row.destination as string);
  if (!read.ok) throw new Error(read.message);
  clean = read.files;
  first = row;
});
afterAll(() => {
  station.store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const text = (name: string) => Buffer.from(clean.get(name) as Uint8Array).toString('utf8');
async function verifyEdited(name: string, change: (text: string) => string): Promise<BundleProblem[]> {
  const files = new Map(clean);
  files.set(name, Buffer.from(change(text(name)), 'utf8'));
  return [...(await verifyBundle({ files, signer: { publicKey: station.key.publicKey } })).problems];
}
const messages = (problems: readonly BundleProblem[]) => problems.map((p) => p.message);

describe(`verifying a ${ROWS}-crossing bundle`, () => {
  it('passes untouched, in both forms', async () => {
    expect((await verifyBundle({ files: clean, signer: { publicKey: station.key.publicKey } })).problems).toEqual([]);
    const zipDir = tempDir('checkpoint-usb-');
    const zip = await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + 86_400_000, folder: zipDir, format: 'zip' });
    const read = readBundle(zip.destination as string);
    if (!read.ok) throw new Error(read.message);
    // The same period again: the same data files, and a manifest that replaces the first bundle with nothing changed.
    for (const [name, bytes] of clean) {
      if (name === 'manifest.json' || name === 'manifest.sig') continue;
      expect(Buffer.from(read.files.get(name) as Uint8Array).equals(bytes)).toBe(true);
    }
    const manifest = (files: ReadonlyMap<string, Uint8Array>) => JSON.parse(Buffer.from(files.get('manifest.json') as Uint8Array).toString('utf8')) as Record<string, unknown>;
    // The audit heads grow: each export signs the chain head again (the first export's audit row moved it).
    const { supersedes, auditHeads, ...rest } = manifest(read.files);
    const { auditHeads: firstHeads, ...firstRest } = manifest(clean);
    expect(rest).toEqual(firstRest);
    expect((auditHeads as unknown[]).slice(0, (firstHeads as unknown[]).length)).toEqual(firstHeads);
    expect(supersedes).toEqual({ manifestSha256: first.manifestSha256, changedSequences: [] });
  });

  it('reports a .zip with one changed byte inside an entry as damaged (inflate or CRC-32 fails), not as readable', async () => {
    const zipDir = tempDir('checkpoint-usb-');
    const zip = (await exportBundle(station.deps, { fromMs: DAY1_START, toMs: DAY1_START + 86_400_000, folder: zipDir, format: 'zip' })).destination as string;
    const bytes = fs.readFileSync(zip);
    // The first entry is crossings.jsonl: a byte in the middle of its deflate data.
    const at = 30 + bytes.readUInt16LE(26) + bytes.readUInt16LE(28) + 2000;
    for (const flip of [0x01, 0x40]) {
      const damaged = Buffer.from(bytes);
      damaged[at] = (damaged[at] as number) ^ flip;
      fs.writeFileSync(zip, damaged);
      const read = readBundle(zip);
      expect(read).toMatchObject({ ok: false, reason: 'damaged' });
      expect(!read.ok && read.message).toMatch(/\.zip is truncated or damaged and cannot be unpacked \(.+\)$/);
    }
  });

  it('names row 812 when it is missing from the CSV only', async () => {
    const problems = await verifyEdited('crossings.csv', (csv) => {
      const { records } = parseCsv(csv.slice(1));
      return csv.slice(0, 1) + records.filter((r) => r[1] !== '812').map((r) => `${r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\r\n`).join('');
    });
    expect(messages(problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hash mismatch in crossings\.csv/),
        'crossings.csv has 2399 rows, the manifest says 2400',
        'row 812 (crossing #812) is missing from crossings.csv',
      ]),
    );
    expect(problems.filter((p) => p.code === 'csv-mismatch')).toHaveLength(1);
  });

  it('names the row and column of one CSV cell edited far into the file', async () => {
    const jsonl = text('crossings.jsonl').split('\n');
    const row = JSON.parse(jsonl[1998] as string) as { document: { documentNumber: string } };
    const problems = await verifyEdited('crossings.csv', (csv) => csv.replace(`,${row.document.documentNumber},`, ',B12345678,'));
    expect(messages(problems)).toEqual([
      expect.stringMatching(/^hash mismatch in crossings\.csv/),
      `crossings.csv row 1999 (crossing #1999), column documentNumber: "B12345678" differs from crossings.jsonl ("${row.document.documentNumber}")`,
    ]);
  });

  it('names a JSONL row that is no longer valid JSON, and the CSV row it leaves unmatched', async () => {
    const problems = await verifyEdited('crossings.jsonl', (jsonl) => {
      const lines = jsonl.split('\n');
      lines[1499] = (lines[1499] as string).slice(0, -1);
      return lines.join('\n');
    });
    expect(messages(problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hash mismatch in crossings\.jsonl/),
        'crossings.jsonl line 1500 is not valid JSON',
        expect.stringMatching(/^crossings\.csv row 1500 \(crossing #1500, id .*\) is not in crossings\.jsonl$/),
      ]),
    );
  });

  it('names the column when a JSONL value no longer matches its CSV row', async () => {
    const problems = await verifyEdited('crossings.jsonl', (jsonl) => {
      const lines = jsonl.split('\n');
      lines[2299] = (lines[2299] as string).replace('"givenNames":"RUSTAM \\"RUS\\""', '"givenNames":"RUSTAM"');
      return lines.join('\n');
    });
    expect(messages(problems)).toEqual([
      expect.stringMatching(/^hash mismatch in crossings\.jsonl/),
      expect.stringMatching(/^crossings\.jsonl has \d+ bytes, the manifest says \d+$/),
      'crossings.csv row 2300 (crossing #2300), column givenNames: "RUSTAM "RUS"" differs from crossings.jsonl ("RUSTAM")',
    ]);
  });

  it('names a JSONL value edited into a number or null (the CSV comparison takes any JSON value)', async () => {
    const problems = await verifyEdited('crossings.jsonl', (jsonl) => {
      const lines = jsonl.split('\n');
      lines[1199] = (lines[1199] as string).replace(/"surname":"[^"]*"/, '"surname":1200');
      lines[1299] = (lines[1299] as string).replace(/"surname":"[^"]*"/, '"surname":null');
      return lines.join('\n');
    });
    expect(messages(problems)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^crossings\.csv row 1200 \(crossing #1200\), column surname: ".*" differs from crossings\.jsonl \("1200"\)$/),
        expect.stringMatching(/^crossings\.csv row 1300 \(crossing #1300\), column surname: ".*" differs from crossings\.jsonl \("null"\)$/),
      ]),
    );
  });

  it('names a JSONL row that is valid JSON but no crossing', async () => {
    const problems = await verifyEdited('crossings.jsonl', (jsonl) => {
      const lines = jsonl.split('\n');
      lines[99] = '{"id":"x"}';
      return lines.join('\n');
    });
    expect(messages(problems)).toEqual(expect.arrayContaining(['crossings.jsonl line 100 is not a crossing']));
  });

  it('names a JSONL row whose reasons were edited into null or a number (no crash)', async () => {
    const problems = await verifyEdited('crossings.jsonl', (jsonl) => {
      const lines = jsonl.split('\n');
      lines[499] = (lines[499] as string).replace(/"reasons":\[[^\]]*\]/, '"reasons":[null]');
      lines[599] = (lines[599] as string).replace(/"reasons":\[[^\]]*\]/, '"reasons":[7]');
      return lines.join('\n');
    });
    expect(messages(problems)).toEqual(expect.arrayContaining(['crossings.jsonl line 500 is not a crossing', 'crossings.jsonl line 600 is not a crossing']));
  });

  it('names the summary when a count in it is changed', async () => {
    const problems = await verifyEdited('summary.json', (summary) => summary.replace(`"total": ${ROWS}`, `"total": ${ROWS - 1}`));
    expect(messages(problems)).toEqual([
      expect.stringMatching(/^hash mismatch in summary\.json/),
      'summary.json: the crossing counts do not match crossings.jsonl',
    ]);
  });
});
