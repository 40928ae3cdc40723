import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBundle, type CrossingExportRow } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { openGoldenStation, type GoldenStation } from '../../support/golden-export';
import { tempDir } from '../../support/temp-dir';

// Written once by the writer as first shipped (the format the central system parses); never regenerated to
// make a change pass.
const FIXTURES = path.resolve(__dirname, '../../fixtures/export');
const FIXTURES_V2 = path.resolve(__dirname, '../../fixtures/export-v2');
const BUNDLES = ['checkpoint-export_STN-GOLD01_2021-03-01', 'checkpoint-export_STN-GOLD01_2021-03-28'];
const FILES = ['crossings.jsonl', 'crossings.csv', 'alerts.jsonl', 'summary.json', 'manifest.json', 'manifest.sig'];

let station: GoldenStation;

beforeEach(() => {
  station = openGoldenStation(tempDir());
});
afterEach(() => station.store.close());

const fixture = (bundle: string, name: string) => fs.readFileSync(path.join(FIXTURES, bundle, name));
const fixtureV2 = (bundle: string, name: string) => fs.readFileSync(path.join(FIXTURES_V2, bundle, name));

describe('bundle bytes', () => {
  it('the golden fixtures hold what the test claims (edge cases present, signed)', () => {
    const csv = fixture(BUNDLES[0] as string, 'crossings.csv').toString('utf8');
    for (const needle of ['"SMITH, JR"', "'=CMD()", "'-5", '"say ""hi"""', '😀', 'Иванов', '"two\nlines"', '\u2028']) expect(csv).toContain(needle);
    const manifest = JSON.parse(fixture(BUNDLES[0] as string, 'manifest.json').toString('utf8'));
    expect(manifest.crossings.missingSequences).toEqual([expect.any(Number)]);
    expect(manifest.rows.alerts).toBe(3);
  });

  it('the golden v1 bundles, written before dispositions, still verify clean', async () => {
    for (const bundle of BUNDLES) {
      const read = readBundle(path.join(FIXTURES, bundle));
      if (!read.ok) throw new Error(read.message);
      expect((await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } })).problems).toEqual([]);
    }
  });

  // Version 2 bundles of the same station, written once by the v2 writer (test/fixtures/export-v2). The audit
  // chain hashes in manifest.json follow what the audit rows hash (covered by the chain and audit tests); every
  // data file and every other manifest field is byte for byte.
  const withoutAudit = (bytes: Buffer) => ({ ...(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>), audit: 'covered by the chain test' });
  const same = (bundle: string, name: string, bytes: Buffer) => {
    if (name === 'manifest.sig') return;
    if (name === 'manifest.json') expect({ name, manifest: withoutAudit(bytes) }).toEqual({ name, manifest: withoutAudit(fixtureV2(bundle, name)) });
    else expect({ name, bytes: bytes.toString('utf8') }).toEqual({ name, bytes: fixtureV2(bundle, name).toString('utf8') });
  };

  it.each([undefined, 7])('a folder bundle is byte for byte the golden v2 one (page size %s)', async (pageSize) => {
    const out = tempDir('checkpoint-usb-');
    const written = await station.write(out, 'folder', pageSize);
    expect(written.map((w) => path.basename(w.path))).toEqual(BUNDLES);
    for (const bundle of BUNDLES) {
      expect(fs.readdirSync(path.join(out, bundle)).sort()).toEqual([...FILES].sort());
      for (const name of FILES) same(bundle, name, fs.readFileSync(path.join(out, bundle, name)));
    }
  });

  it('a .zip bundle holds the golden v2 files, and both forms verify clean', async () => {
    const out = tempDir('checkpoint-usb-');
    const zips = await station.write(out, 'zip');
    const folders = await station.write(out, 'folder');
    for (const [index, bundle] of BUNDLES.entries()) {
      const zip = readBundle(zips[index]!.path);
      if (!zip.ok) throw new Error(zip.message);
      expect([...zip.files.keys()]).toEqual(FILES);
      for (const name of FILES) same(bundle, name, Buffer.from(zip.files.get(name)!));
      for (const target of [zips[index]!.path, folders[index]!.path]) {
        const read = readBundle(target);
        if (!read.ok) throw new Error(read.message);
        const result = await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } });
        expect(result.problems).toEqual([]);
      }
    }
  });

  // A reader of version 1 keeps working on version 2: each line starts with the version 1 fields, value for value
  // and in the same order, and the CSV's first 26 columns are version 1's.
  it('every v2 line holds its v1 golden line, and the v2 CSV starts with the v1 columns', () => {
    for (const bundle of BUNDLES) {
      const v1 = fixture(bundle, 'crossings.jsonl').toString('utf8').trimEnd().split('\n');
      const v2 = fixtureV2(bundle, 'crossings.jsonl').toString('utf8').trimEnd().split('\n');
      expect(v2).toHaveLength(v1.length);
      v2.forEach((line, index) => {
        const row = JSON.parse(line) as Record<string, unknown>;
        const keys = Object.keys(JSON.parse(v1[index] as string) as Record<string, unknown>);
        expect(JSON.stringify(Object.fromEntries(keys.map((key) => [key, row[key]])))).toBe(v1[index]);
      });
      const header = (name: string, at: (b: string, n: string) => Buffer) => at(bundle, name).toString('utf8').split('\r\n')[0] as string;
      expect(header('crossings.csv', fixtureV2).startsWith(header('crossings.csv', fixture))).toBe(true);
    }
  });

  it('the v2 golden bundle carries the history: dispositions, overrides with names, corrections, evidence without payload, pairings', () => {
    const rows = fixtureV2(BUNDLES[0] as string, 'crossings.jsonl')
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const row = (n: number) => rows.find((r) => r.sequence === n) as unknown as CrossingExportRow;
    expect(row(7)).toMatchObject({ disposition: 'held', current: { disposition: 'crossed' } });
    expect(row(7).overrides[0]).toMatchObject({ by: { userId: 'op-consul', name: 'Зарина Юсупова', role: 'consular' }, enteredBy: { userId: 'op-1' }, from: { disposition: 'held' }, to: { disposition: 'crossed' } });
    expect(row(10).corrections.map((c) => c.kind)).toEqual(['rejudge', 'admit']);
    expect(row(10).current).toMatchObject({ outcome: 'OK', disposition: 'crossed' });
    expect(row(20).current.disposition).toBe('cancelled');
    expect(row(20).corrections[0]?.by).toEqual({ userId: 'op-gone', name: null, role: null });
    expect(row(3).current.groupId).toBe('grp-bus-03');
    expect(row(4).pairing).toEqual({ crossingId: '00000000-0000-4000-8000-000000000006', method: 'document', transitMinutes: 95 });
    expect(row(2).evidence[0]).toMatchObject({ kind: 'dcc', certificateType: 'test', issuer: 'Ministry of Health, "UZ"', test: { type: 'pcr', result: 'negative' }, verdict: 'OK' });
    const text = fixtureV2(BUNDLES[0] as string, 'crossings.jsonl').toString('utf8');
    for (const secret of ['URN:UVCI', 'T-0042', 'must never leave', 'ab'.repeat(32)]) expect(text).not.toContain(secret);
  });
});
