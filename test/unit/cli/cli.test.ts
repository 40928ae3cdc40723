import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { DATABASE_FILE_NAME, LATEST_SCHEMA_VERSION, openStationDatabase } from '../../../shared/node/db';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { runCheckpoint, runCheckpointBin } from '../../support/cli';
import { tempDir } from '../../support/temp-dir';

// Commands run in-process; the exit-code tests run the real bin (the built bundle, as users get it).
const run = runCheckpoint;

describe('checkpoint CLI', () => {
  it('is built (npm test runs the build before the tests)', async () => {
    expect(fs.existsSync('dist/node/cli.mjs')).toBe(true);
  });

  it('classify prints the kind of each payload as JSON', async () => {
    const cases: [string, string][] = [
      [mrzText(TAJIK_PASSPORT), 'mrz'],
      [TAJIK_PASSPORT.lines.join('^'), 'mrz'],
      ['HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDE', 'dcc'],
      [']Q1HC1:6BFOXN*TS0BI$ZD4N9', 'dcc'],
      ['https://lab.example.uz/r/1\r\n', 'url'],
      ['just words', 'text'],
      ['\u0001\u0002\u0003\u00ff\ufffd\ufffd\ufffd', 'unknown'],
    ];
    for (const [input, kind] of cases) {
      const { code, stdout } = await run(['classify'], input);
      expect(code, input).toBe(0);
      expect(JSON.parse(stdout).kind, input).toBe(kind);
    }
    const aim = JSON.parse((await run(['classify'], ']Q1HC1:6BFOXN*TS0BI$ZD4N9')).stdout);
    expect(aim.stripped).toContain('AIM symbology identifier ]Q1');
  });

  it('classify with empty stdin fails on stderr with exit 2', async () => {
    const { code, stdout, stderr } = runCheckpointBin(['classify'], '');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no payload on standard input/);
  });

  it('unknown commands explain the usage and exit non-zero', async () => {
    const { code, stderr } = runCheckpointBin(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
    expect(stderr).toMatch(/Usage: checkpoint/);
  });

  it('every command prints its own usage with --help (exit 0, nothing run)', async () => {
    const commands: [string[], RegExp][] = [
      [['classify', '--help'], /classify +read one scanned payload/],
      [['db', 'check', '--help'], /db check \[--full\] \[--data-dir D\]/],
      [['audit', 'verify', '-h'], /audit verify/],
      [['mrz', '--help'], /mrz \[--at ISO\]/],
      [['scan-image', '--help'], /scan-image <file>/],
      [['dcc', 'verify', '--help'], /dcc verify --trust <path>/],
      [['trust-list', 'import', '--help'], /trust-list import .*\n[\s\S]*trust-list export/],
      [['export', '--help'], /export \[--date YYYY-MM-DD[\s\S]*export verify <bundle/],
      [['export', 'verify', '--help'], /export verify <bundle \| folder of bundles>/],
      [['rules', 'eval', '--help'], /rules eval <rule\.json>/],
    ];
    for (const [args, usage] of commands) {
      const { code, stdout, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(0);
      expect(stdout, args.join(' ')).toMatch(/^Usage:\n/);
      expect(stdout, args.join(' ')).toMatch(usage);
      expect(stdout, args.join(' ')).not.toMatch(/scan-image <file>[\s\S]*dcc verify/);
      expect(stderr, args.join(' ')).toBe('');
    }
    expect((await run(['--help'])).stdout).toMatch(/checkpoint <command> --help/);
  });

  it('db check reports integrity, audit chain and schema version of a real station database', async () => {
    const dataDir = tempDir();
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    const scan = await core.scan({ payload: mrzText(TAJIK_PASSPORT) });
    if (!scan.ok) throw new Error(scan.error.message);
    await core.recordCrossing({ scanId: scan.value.scanId, direction: 'entry' });
    core.close();

    const { code, stdout } = await run(['db', 'check', '--data-dir', dataDir]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION, latestSchemaVersion: LATEST_SCHEMA_VERSION, integrity: ['ok'], audit: { ok: true }, crossings: 1 });
    // The set-up, the sign-ins and the crossing each wrote an audit row.
    expect(report.audit.rows).toBeGreaterThan(1);
  });

  it('db check fails with exit 1 and names the row when the audit chain was tampered with', async () => {
    const dataDir = tempDir();
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    for (let i = 0; i < 2; i += 1) {
      const scan = await core.scan({ payload: mrzText(TAJIK_PASSPORT) });
      if (scan.ok) await core.recordCrossing({ scanId: scan.value.scanId, direction: 'entry' });
    }
    core.close();
    const db = openStationDatabase(dataDir);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'intruder' WHERE seq = 1").run();
    db.close();

    const { code, stdout, stderr } = await run(['db', 'check', '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).audit).toMatchObject({ ok: false, firstBrokenSeq: 1 });
    expect(stderr).toMatch(/row 1 was changed/);
  });

  it('db check exits 1 naming the damage when a page of the encrypted file was overwritten', async () => {
    const dataDir = tempDir();
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    core.close();
    const file = `${dataDir}/${DATABASE_FILE_NAME}`;
    const bytes = fs.readFileSync(file);
    // A page in the middle, not page 1: the file still opens with its key, the damage is found by the check.
    const at = Math.floor(bytes.length / 4096 / 2) * 4096 + 200;
    bytes.fill(0x5a, at, at + 64);
    fs.writeFileSync(file, bytes);

    const { code, stdout, stderr } = await run(['db', 'check', '--data-dir', dataDir]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false });
    expect(stderr).toMatch(/database check failed: .* (is damaged|integrity|malformed|corrupt)/i);
    expect(stderr).not.toMatch(/unexpected error/i);
  });

  it('db check on a folder without a database says so', async () => {
    const { code, stderr } = await run(['db', 'check', '--data-dir', tempDir()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`no station database at .*${DATABASE_FILE_NAME}`));
  });
});
