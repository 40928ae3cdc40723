import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { openGoldenStation, type GoldenStation } from '../../support/golden-export';
import { tempDir } from '../../support/temp-dir';

// Written once by the writer as first shipped (the format the central system parses); never regenerated to
// make a change pass.
const FIXTURES = path.resolve(__dirname, '../../fixtures/export');
const BUNDLES = ['checkpoint-export_STN-GOLD01_2021-03-01', 'checkpoint-export_STN-GOLD01_2021-03-28'];
const FILES = ['crossings.jsonl', 'crossings.csv', 'alerts.jsonl', 'summary.json', 'manifest.json', 'manifest.sig'];

let station: GoldenStation;

beforeEach(() => {
  station = openGoldenStation(tempDir());
});
afterEach(() => station.store.close());

const fixture = (bundle: string, name: string) => fs.readFileSync(path.join(FIXTURES, bundle, name));

describe('bundle bytes', () => {
  it('the golden fixtures hold what the test claims (edge cases present, signed)', () => {
    const csv = fixture(BUNDLES[0] as string, 'crossings.csv').toString('utf8');
    for (const needle of ['"SMITH, JR"', "'=CMD()", "'-5", '"say ""hi"""', '😀', 'Иванов', '"two\nlines"', '\u2028']) expect(csv).toContain(needle);
    const manifest = JSON.parse(fixture(BUNDLES[0] as string, 'manifest.json').toString('utf8'));
    expect(manifest.crossings.missingSequences).toEqual([expect.any(Number)]);
    expect(manifest.rows.alerts).toBe(3);
  });

  it('the golden bundles, written before dispositions, still verify clean', async () => {
    for (const bundle of BUNDLES) {
      const read = readBundle(path.join(FIXTURES, bundle));
      if (!read.ok) throw new Error(read.message);
      expect((await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } })).problems).toEqual([]);
    }
  });

  // The audit rows of a crossing hash its content, which now includes its disposition: the audit chain hashes in
  // manifest.json differ from the golden ones; every data file and every other manifest field is byte for byte.
  const withoutAudit = (bytes: Buffer) => ({ ...(JSON.parse(bytes.toString('utf8')) as Record<string, unknown>), audit: 'covered by the chain test' });
  const same = (bundle: string, name: string, bytes: Buffer) => {
    if (name === 'manifest.sig') return;
    if (name === 'manifest.json') expect({ name, manifest: withoutAudit(bytes) }).toEqual({ name, manifest: withoutAudit(fixture(bundle, name)) });
    else expect({ name, bytes: bytes.toString('hex') }).toEqual({ name, bytes: fixture(bundle, name).toString('hex') });
  };

  it.each([undefined, 7])('a folder bundle is byte for byte the golden one (page size %s)', async (pageSize) => {
    const out = tempDir('checkpoint-usb-');
    const written = await station.write(out, 'folder', pageSize);
    expect(written.map((w) => path.basename(w.path))).toEqual(BUNDLES);
    for (const bundle of BUNDLES) {
      expect(fs.readdirSync(path.join(out, bundle)).sort()).toEqual([...FILES].sort());
      for (const name of FILES) same(bundle, name, fs.readFileSync(path.join(out, bundle, name)));
    }
  });

  it('a .zip bundle holds the golden files, and both forms verify clean', async () => {
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
});
