import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBundle } from '../../../shared/app/export/export-bundle';
import { CROSSING_CSV_COLUMNS, UTF8_BOM, parseCsv, verifyBundle } from '../../../shared/domain/export';
import { readBundle } from '../../../shared/node/export';
import { loadOrCreateStationKey } from '../../../shared/node/keys';
import { DAY1_START, DAY_MS, TEST_ZONE, openTestStation, type TestStation } from '../../support/export-station';
import { bundleSchemaProblemsAt } from '../../support/bundle-schema';
import { tempDir } from '../../support/temp-dir';
import { cli } from './cli-io';

let station: TestStation;
let dataDir: string;
let out: string;
let keyFile: string;

const dayOne = { fromMs: DAY1_START, toMs: DAY1_START + DAY_MS };
const problemsOf = (result: Awaited<ReturnType<typeof cli>>) => (result.json?.problems as { code: string; message: string }[]).map((p) => p.message);

async function bundle(format: 'folder' | 'zip' = 'folder', period = dayOne): Promise<string> {
  const row = await exportBundle(station.deps, { ...period, folder: out, format });
  return row.destination as string;
}

beforeEach(() => {
  dataDir = tempDir();
  out = tempDir('checkpoint-usb-');
  station = openTestStation(dataDir);
  // Day one: 30 crossings from 08:00 every 10 minutes; two alerts. Day two: 10 crossings.
  station.record(30, DAY1_START + 8 * 3_600_000, 600_000);
  station.raiseAlert(DAY1_START + 9 * 3_600_000, 1);
  station.raiseAlert(DAY1_START + 10 * 3_600_000, 2);
  station.record(10, DAY1_START + DAY_MS + 8 * 3_600_000, 600_000);
  keyFile = path.join(out, 'station.pub');
  fs.writeFileSync(keyFile, `-----BEGIN PUBLIC KEY-----\n${station.key.publicKey}\n-----END PUBLIC KEY-----\n`);
  return () => station.store.close();
});

describe('a written bundle', () => {
  it('holds the day in the station zone: JSONL, CSV with BOM and header, alerts, summary, signed manifest', async () => {
    const dir = await bundle();
    expect(path.basename(dir)).toBe('checkpoint-export_STN-TEST01_2021-03-01');
    expect(fs.readdirSync(dir).sort()).toEqual(['alerts.jsonl', 'crossings.csv', 'crossings.jsonl', 'manifest.json', 'manifest.sig', 'summary.json']);
    const lines = fs.readFileSync(path.join(dir, 'crossings.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(30);
    const first = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'id', 'sequence', 'recordedAt', 'stationId', 'checkpointId', 'corridorId', 'groupId', 'operatorId', 'direction', 'outcome',
      'reasons', 'document', 'scanSource', 'note', 'ruleProfileId', 'ruleProfileVersion',
      'disposition', 'current', 'overrides', 'corrections', 'evidence', 'pairing',
    ]);
    expect(first.recordedAt).toBe('2021-03-01T08:00:00.000+05:00');
    const csv = fs.readFileSync(path.join(dir, 'crossings.csv'), 'utf8');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const { records } = parseCsv(csv.slice(1));
    expect(records[0]).toEqual([...CROSSING_CSV_COLUMNS]);
    expect(records).toHaveLength(31);
    expect(csv).toContain('"SMITH, JR"');
    expect(csv).toContain("'=CMD()");
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      stationId: 'STN-TEST01',
      period: { from: '2021-03-01T00:00:00.000+05:00', to: '2021-03-02T00:00:00.000+05:00', timeZone: TEST_ZONE },
      schemaVersion: 2,
      rows: { crossings: 30, alerts: 2 },
      crossings: { firstSequence: 1, lastSequence: 30, missingSequences: [] },
      signer: { algorithm: 'Ed25519', publicKey: station.key.publicKey, fingerprint: station.key.fingerprint },
    });
    // One audit row per crossing (the alerts here were inserted without one).
    expect(manifest.audit.rows).toBe(30);
    expect(manifest.audit.first).not.toBeNull();
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    expect(summary.crossings.total).toBe(30);
    expect(summary.byHour[0]).toMatchObject({ hour: '2021-03-01T08:00+05:00', total: 6 });
    expect(summary.alerts).toEqual({ total: 2, byType: { 'duplicate-scan': 2 } });
    expect(bundleSchemaProblemsAt(dir)).toEqual([]);
  });

  it('verifies clean as a folder and as a zip, in process and through the CLI', async () => {
    const dir = await bundle();
    const zip = await bundle('zip');
    expect(zip.endsWith('.zip')).toBe(true);
    for (const target of [dir, zip]) {
      const read = readBundle(target);
      if (!read.ok) throw new Error(read.message);
      const result = await verifyBundle({ files: read.files, signer: { publicKey: station.key.publicKey } });
      expect(result.problems).toEqual([]);
      const run = await cli('export', 'verify', target, '--public-key', keyFile);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.json).toMatchObject({ ok: true, rows: { crossings: 30, alerts: 2 } });
    }
    // Only the fingerprint, as the central registry holds it (grouped in fours).
    const fingerprintFile = path.join(out, 'station.fingerprint');
    fs.writeFileSync(fingerprintFile, `${station.key.fingerprint.match(/.{4}/g)?.join(' ')}\n`);
    expect((await cli('export', 'verify', zip, '--public-key', fingerprintFile)).code).toBe(0);
  });

  it('is written by `checkpoint export` too, with an empty alerts.jsonl for a day without alerts', async () => {
    station.store.close();
    const run = await cli('export', '--data-dir', dataDir, '--date', '2021-03-02', '--out', out, '--zip');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ crossings: 10, alerts: 0, status: 'written' });
    const target = run.json?.path as string;
    expect(target).toMatch(/checkpoint-export_STN-TEST01_2021-03-02\.zip$/);
    const read = readBundle(target);
    expect(read.ok && read.files.get('alerts.jsonl')?.length).toBe(0);
    expect((await cli('export', 'verify', target, '--public-key', keyFile)).code).toBe(0);
    station = openTestStation(dataDir);
  });

  it('`checkpoint export` refuses in words when the desktop app keeps the key in its keychain', async () => {
    station.store.close();
    const pem = path.join(dataDir, 'station-key.pem');
    const sealed = path.join(dataDir, 'station-key.pem.enc');
    const key = fs.readFileSync(pem);
    fs.writeFileSync(sealed, Buffer.from('sealed by the OS keychain'));
    fs.rmSync(pem);
    const run = await cli('export', '--data-dir', dataDir, '--date', '2021-03-02', '--out', out);
    fs.rmSync(sealed);
    fs.writeFileSync(pem, key, { mode: 0o600 });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("checkpoint: This station's signing key is kept by the desktop app's system keychain (station-key.pem.enc): sign exports from the desktop app.");
    expect(fs.readdirSync(out)).toEqual(['station.pub']);
    station = openTestStation(dataDir);
  });
});

describe('tampering is caught and named', () => {
  const edit = (dir: string, name: string, change: (text: string) => string) =>
    fs.writeFileSync(path.join(dir, name), change(fs.readFileSync(path.join(dir, name), 'utf8')));

  it('an edited CSV cell', async () => {
    const dir = await bundle();
    const second = JSON.parse(fs.readFileSync(path.join(dir, 'crossings.jsonl'), 'utf8').split('\n')[1] as string);
    const number = second.document.documentNumber as string;
    edit(dir, 'crossings.csv', (text) => text.replace(number, 'A99999999'));
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hash mismatch in crossings\.csv/),
        `crossings.csv row 2 (crossing #2), column documentNumber: "A99999999" differs from crossings.jsonl ("${number}")`,
      ]),
    );
    expect(run.stderr).toMatch(/bundle verification FAILED/);
  });

  it('a deleted JSONL row', async () => {
    const dir = await bundle();
    edit(dir, 'crossings.jsonl', (text) => text.split('\n').filter((_, i) => i !== 11).join('\n'));
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hash mismatch in crossings\.jsonl/),
        'crossings.jsonl has 29 rows, the manifest says 30',
        'crossing #12 is missing from crossings.jsonl (between lines 11 and 12)',
        expect.stringMatching(/^crossings\.csv row 12 \(crossing #12, id .*\) is not in crossings\.jsonl$/),
      ]),
    );
  });

  it('a CSV re-quoted by a spreadsheet (same cells, other bytes): only the hash differs, no row is misreported', async () => {
    const dir = await bundle();
    // Quote every plain "entry" cell: RFC 4180 allows it, the content is the same.
    edit(dir, 'crossings.csv', (text) => text.replaceAll(',entry,', ',"entry",'));
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect((run.json?.problems as { code: string }[]).map((p) => p.code)).toEqual(['hash-mismatch', 'size-mismatch']);
  });

  it('a row deleted from the CSV only', async () => {
    const dir = await bundle();
    edit(dir, 'crossings.csv', (text) => {
      const { records } = parseCsv(text.slice(1));
      const keep = records.filter((r) => r[1] !== '7');
      return text.slice(0, 1) + keep.map((r) => `${r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')}\r\n`).join('');
    });
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(problemsOf(run)).toEqual(expect.arrayContaining(['row 7 (crossing #7) is missing from crossings.csv', 'crossings.csv has 29 rows, the manifest says 30']));
  });

  it('swapped files', async () => {
    const dir = await bundle();
    const jsonl = path.join(dir, 'crossings.jsonl');
    const alerts = path.join(dir, 'alerts.jsonl');
    fs.renameSync(jsonl, `${jsonl}.tmp`);
    fs.renameSync(alerts, jsonl);
    fs.renameSync(`${jsonl}.tmp`, alerts);
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^hash mismatch in crossings\.jsonl/), expect.stringMatching(/^hash mismatch in alerts\.jsonl/)]),
    );
  });

  it('a dropped file', async () => {
    const dir = await bundle();
    fs.rmSync(path.join(dir, 'alerts.jsonl'));
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toContain('missing file alerts.jsonl');
  });

  it('an added file', async () => {
    const dir = await bundle();
    fs.writeFileSync(path.join(dir, 'extra.csv'), 'x');
    expect(problemsOf(await cli('export', 'verify', dir, '--public-key', keyFile))).toEqual(['unexpected file extra.csv in the bundle']);
  });

  it('changed manifest counts', async () => {
    const dir = await bundle();
    edit(dir, 'manifest.json', (text) => text.replace('"crossings": 30', '"crossings": 31'));
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toEqual(
      expect.arrayContaining([
        'signature invalid: manifest.sig does not match manifest.json under the given key',
        'crossings.jsonl has 30 rows, the manifest says 31',
        'crossings.csv has 30 rows, the manifest says 31',
      ]),
    );
  });

  it.each(['crossings.jsonl', 'crossings.csv', 'alerts.jsonl', 'summary.json'])('one changed byte in %s: hash mismatch named for that file only', async (name) => {
    const dir = await bundle();
    const file = path.join(dir, name);
    const bytes = fs.readFileSync(file);
    // Flip a byte in the middle that stays printable ASCII; the row count is unchanged.
    const at = bytes.indexOf(0x30, Math.floor(bytes.length / 2));
    const index = at === -1 ? bytes.length - 2 : at;
    bytes[index] = (bytes[index] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    const hashProblems = (run.json?.problems as { code: string; file?: string; message: string }[]).filter((p) => p.code === 'hash-mismatch');
    expect(hashProblems).toEqual([expect.objectContaining({ file: name, message: expect.stringMatching(new RegExp(`^hash mismatch in ${name.replace('.', '\\.')}: the manifest says [0-9a-f]{16}…, the file has [0-9a-f]{16}…$`)) })]);
  });

  it('a damaged signature (one bit of manifest.sig flipped)', async () => {
    const dir = await bundle();
    const sigFile = path.join(dir, 'manifest.sig');
    const signature = Buffer.from(fs.readFileSync(sigFile, 'utf8').trim(), 'base64');
    signature[10] = (signature[10] ?? 0) ^ 0x01;
    fs.writeFileSync(sigFile, `${signature.toString('base64')}\n`);
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toEqual(['signature invalid: manifest.sig does not match manifest.json under the given key']);
  });

  it('a missing signature', async () => {
    const dir = await bundle();
    fs.rmSync(path.join(dir, 'manifest.sig'));
    expect(problemsOf(await cli('export', 'verify', dir, '--public-key', keyFile))).toEqual(['missing file manifest.sig: the manifest is not signed']);
  });

  it('the wrong key', async () => {
    const dir = await bundle();
    const other = loadOrCreateStationKey(tempDir());
    const otherFile = path.join(out, 'other.pub');
    fs.writeFileSync(otherFile, other.publicKey);
    const run = await cli('export', 'verify', dir, '--public-key', otherFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)).toEqual([
      `the bundle says it was signed by key ${station.key.fingerprint.slice(0, 16)}…, not by the given key ${other.fingerprint.slice(0, 16)}…`,
      'signature invalid: manifest.sig does not match manifest.json under the given key',
    ]);
    fs.writeFileSync(otherFile, other.fingerprint);
    expect(problemsOf(await cli('export', 'verify', dir, '--public-key', otherFile))).toEqual([
      `the bundle was signed by key ${station.key.fingerprint.slice(0, 16)}…, not by the key with fingerprint ${other.fingerprint.slice(0, 16)}…`,
    ]);
  });

  it('a re-signed manifest from another key still fails against the registered key', async () => {
    const dir = await bundle();
    const forger = loadOrCreateStationKey(tempDir());
    edit(dir, 'manifest.json', (text) => text.replaceAll(station.key.publicKey, forger.publicKey).replaceAll(station.key.fingerprint, forger.fingerprint));
    fs.writeFileSync(path.join(dir, 'manifest.sig'), forger.sign(fs.readFileSync(path.join(dir, 'manifest.json'))));
    const run = await cli('export', 'verify', dir, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(problemsOf(run)[0]).toMatch(/^the bundle says it was signed by key/);
  });

  it('a chain with the previous bundle: adjacent days pass, a gap or a foreign previous bundle fails', async () => {
    const day1 = await bundle('zip');
    const day2 = await bundle('zip', { fromMs: DAY1_START + DAY_MS, toMs: DAY1_START + 2 * DAY_MS });
    const day3 = await bundle('zip', { fromMs: DAY1_START + 2 * DAY_MS, toMs: DAY1_START + 3 * DAY_MS });
    expect((await cli('export', 'verify', day2, '--public-key', keyFile, '--previous', day1)).code).toBe(0);
    expect((await cli('export', 'verify', day3, '--public-key', keyFile, '--previous', day2)).code).toBe(0);
    const gap = await cli('export', 'verify', day3, '--public-key', keyFile, '--previous', day1);
    expect(gap.code).toBe(1);
    expect(problemsOf(gap)).toEqual(
      expect.arrayContaining([
        'the previous bundle ends at 2021-03-02T00:00:00.000+05:00 but this one starts at 2021-03-03T00:00:00.000+05:00: the periods do not meet',
        expect.stringMatching(/^audit chain broken between the bundles/),
      ]),
    );
    const reversed = await cli('export', 'verify', day1, '--public-key', keyFile, '--previous', day2);
    expect(problemsOf(reversed)).toEqual(expect.arrayContaining([expect.stringMatching(/the periods do not meet/), 'crossing #1 is in both bundles (the previous one ends at #40)']));
  });

  it('a truncated zip', async () => {
    const zip = await bundle('zip');
    const bytes = fs.readFileSync(zip);
    fs.writeFileSync(zip, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const run = await cli('export', 'verify', zip, '--public-key', keyFile);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is truncated or damaged and cannot be unpacked/);
  });

  it('unusable input exits 2: no bundle, no key, a private key', async () => {
    const dir = await bundle();
    expect((await cli('export', 'verify', path.join(out, 'nothing'), '--public-key', keyFile)).code).toBe(2);
    expect((await cli('export', 'verify', dir, '--public-key', path.join(out, 'nothing.pub'))).code).toBe(2);
    const privateFile = path.join(dataDir, 'station-key.pem');
    const run = await cli('export', 'verify', dir, '--public-key', privateFile);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/holds a private key/);
    expect((await cli('export', 'verify', dir)).code).toBe(2);
  });
});
