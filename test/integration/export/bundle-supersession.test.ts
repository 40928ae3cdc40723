import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { manifestText, verifyBundle, type BundleManifest } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { DAY1_START, DAY_MS, openTestStation, voidCrossing, type TestStation } from '../../support/export-station';
import { bundleSchemaProblemsAt } from '../../support/bundle-schema';
import { tempDir } from '../../support/temp-dir';
import { cli } from './cli-io';

let station: TestStation;
let usb: string;
let keyFile: string;
/** Day one (A), day two (B), and day one again after a crossing of it was voided (A2, replacing A). */
const paths = { a: '', b: '', a2: '' };
const hashes = { a: '', b: '' };

function filesAt(target: string): Map<string, Uint8Array> {
  const read = readBundle(target);
  if (!read.ok) throw new Error(read.message);
  return new Map(read.files);
}

/** The bundle with its manifest changed and signed again by the station's own key: only the content can be wrong. */
function resigned(files: ReadonlyMap<string, Uint8Array>, change: (manifest: BundleManifest) => BundleManifest): Map<string, Uint8Array> {
  const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as BundleManifest;
  const bytes = Buffer.from(manifestText(change(manifest)), 'utf8');
  return new Map([...files, ['manifest.json', bytes], ['manifest.sig', Buffer.from(`${station.key.sign(bytes)}\n`)]]);
}

beforeEach(async () => {
  station = openTestStation(tempDir());
  station.record(5, DAY1_START + 8 * 3_600_000, 600_000);
  station.record(3, DAY1_START + DAY_MS + 8 * 3_600_000, 600_000);
  usb = tempDir('usb-');
  const day = (n: number) => ({ fromMs: DAY1_START + n * DAY_MS, toMs: DAY1_START + (n + 1) * DAY_MS, folder: usb, format: 'folder' as const });
  const a = await exportBundle(station.deps, day(0));
  const b = await exportBundle(station.deps, day(1));
  const second = station.store.listCrossings({ limit: 10 }).items.find((c) => c.sequence === 2)!;
  voidCrossing(station, second, DAY1_START + 2 * DAY_MS);
  const a2 = await exportBundle(station.deps, day(0));
  Object.assign(paths, { a: a.destination, b: b.destination, a2: a2.destination });
  Object.assign(hashes, { a: a.manifestSha256, b: b.manifestSha256 });
  keyFile = path.join(tempDir(), 'station.pub');
  fs.writeFileSync(keyFile, `-----BEGIN PUBLIC KEY-----\n${station.key.publicKey}\n-----END PUBLIC KEY-----\n`);
  return () => station.store.close();
});

const messagesOf = async (files: ReadonlyMap<string, Uint8Array>, replaced: ReadonlyMap<string, Uint8Array>) =>
  (await verifyBundle({ files, signer: { publicKey: station.key.publicKey }, replaced })).problems.map((p) => p.message);

describe('a superseding bundle', () => {
  it('names the bundle it replaces and exactly the crossing that changed, and verifies as its replacement', async () => {
    const a2 = filesAt(paths.a2);
    const manifest = JSON.parse(Buffer.from(a2.get('manifest.json')!).toString('utf8')) as BundleManifest;
    expect(manifest.supersedes).toEqual({ manifestSha256: hashes.a, changedSequences: [2] });
    expect(await messagesOf(a2, filesAt(paths.a))).toEqual([]);
    for (const target of [paths.a, paths.b, paths.a2]) expect(bundleSchemaProblemsAt(target)).toEqual([]);
  });

  it('names a changed crossing left off the list, an unchanged one put on it, and a replacement of the wrong bundle', async () => {
    const a2 = filesAt(paths.a2);
    const a = filesAt(paths.a);
    expect(await messagesOf(resigned(a2, (m) => ({ ...m, supersedes: { manifestSha256: hashes.a, changedSequences: [] } })), a)).toEqual([
      'crossing #2 differs from the replaced bundle but is not listed as changed',
    ]);
    expect(await messagesOf(resigned(a2, (m) => ({ ...m, supersedes: { manifestSha256: hashes.a, changedSequences: [2, 3, 99] } })), a)).toEqual([
      'crossing #3 is listed as changed but is the same as in the replaced bundle',
      'crossing #99 is listed as changed but is not in this bundle',
    ]);
    expect(await messagesOf(a2, filesAt(paths.b))).toEqual([`the bundle replaces the bundle with manifest ${hashes.a.slice(0, 16)}…, not the one given (${hashes.b.slice(0, 16)}…)`]);
    // A bundle of another period cannot pose as a replacement, even when it names the right one.
    const b = resigned(filesAt(paths.b), (m) => ({ ...m, supersedes: { manifestSha256: hashes.a, changedSequences: [6, 7, 8] } }));
    expect((await messagesOf(b, a)).slice(0, 2)).toEqual([
      expect.stringMatching(/^the replaced bundle covers 2021-03-01T00:00:00\.000\+05:00 – 2021-03-02T00:00:00\.000\+05:00, this one 2021-03-02/),
      expect.stringMatching(/^the replaced bundle starts after audit hash/),
    ]);
  });

  it('checkpoint export verify checks it with --replaces, and a folder of bundles as a whole', async () => {
    const ok = await cli('export', 'verify', paths.a2, '--public-key', keyFile, '--replaces', paths.a);
    expect([ok.code, ok.json?.ok, (ok.json?.supersedes as { manifestSha256: string }).manifestSha256]).toEqual([0, true, hashes.a]);
    const wrong = await cli('export', 'verify', paths.a2, '--public-key', keyFile, '--replaces', paths.b);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('not the one given');

    const all = await cli('export', 'verify', usb, '--public-key', keyFile);
    expect(all.code).toBe(0);
    expect((all.json?.bundles as { bundle: string; ok: boolean }[]).map((b) => b.ok)).toEqual([true, true, true]);
    // Without the bundle it replaces, the replacement cannot be checked: said by name.
    const partial = tempDir('usb-');
    for (const target of [paths.a2, paths.b]) fs.cpSync(target, path.join(partial, path.basename(target)), { recursive: true });
    const missing = await cli('export', 'verify', partial, '--public-key', keyFile);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path.basename(paths.a2)} replaces the bundle with manifest ${hashes.a.slice(0, 16)}…, which is not in the folder`);
    // A day missing from the folder is a gap in the chain of the bundles in force.
    const gap = tempDir('usb-');
    fs.cpSync(paths.b, path.join(gap, path.basename(paths.b)), { recursive: true });
    station.record(2, DAY1_START + 2 * DAY_MS + 8 * 3_600_000, 600_000);
    const c = await exportBundle(station.deps, { fromMs: DAY1_START + 2 * DAY_MS, toMs: DAY1_START + 3 * DAY_MS, folder: gap, format: 'zip' });
    expect(c.destination).toMatch(/\.zip$/);
    expect((await cli('export', 'verify', gap, '--public-key', keyFile)).code).toBe(0);
    fs.rmSync(path.join(gap, path.basename(paths.b)), { recursive: true });
    fs.cpSync(paths.a2, path.join(gap, path.basename(paths.a2)), { recursive: true });
    const broken = await cli('export', 'verify', gap, '--public-key', keyFile);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/the periods do not meet/);
  });
});
