/**
 * `checkpoint dcc verify` and `checkpoint trust-list import|export` with certificates, trust lists and QR
 * images generated in the test: in-process, and the valid certificate once through the built bin as users run it.
 */
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import QRCode from 'qrcode';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { signTrustList } from '../../../shared/node/trust-list';
import { EKU, makeDcc, makeSigner, T0, type TestSigner } from '../../fixtures/dcc/build-dcc';
import { gatewayEntries, pemOf, writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';
import { runCheckpoint, runCheckpointBin } from '../../support/cli';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

const run = runCheckpoint;
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown> & { steps: Record<string, { ok: boolean; error?: string }>; outcome: string };

/** An hour after the test certificate was issued (iat T0, exp T0 + 72 h). */
const AT = new Date((T0 + 3600) * 1000).toISOString();
const STEPS = ['prefix', 'base45', 'inflate', 'cose', 'cbor', 'schema', 'signature', 'keyUsage', 'expiry', 'revocation'];

describe('checkpoint dcc verify', () => {
  let signer: TestSigner;
  let other: TestSigner;
  let dcc: string;
  let dir: string;
  let gateway: string;
  beforeAll(async () => {
    signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    other = await makeSigner('PS256', { country: 'KZ' });
    dcc = await makeDcc(signer);
    // Shared by the tests of this block (tempDir() folders are removed after each test).
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-dcc-cli-'));
    gateway = await writeGatewayTrustList(dir, [signer, other]);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints payload, every step, signer, outcome and reasons for a valid certificate (exit 0)', () => {
    const { code, stdout, stderr } = runCheckpointBin(['dcc', 'verify', '--trust', gateway, '--at', AT], `${dcc}\n`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = json(stdout);
    expect(Object.keys(out.steps)).toEqual(STEPS);
    expect(Object.values(out.steps).every((s) => s.ok)).toBe(true);
    expect(out).toMatchObject({ outcome: 'OK', signer: { country: 'UZ' }, certificateType: 'test', payload: { nam: { fnt: 'IVANOV' } } });
    expect((out.reasons as { message: string }[])[0]?.message).toMatch(/signature verified/);
  });

  it('reports failures as step errors "<code>: <message>" and still exits 0', async () => {
    const forged = json((await run(['dcc', 'verify', '--trust', gateway, '--at', AT], await makeDcc(signer, { corruptSignature: true }))).stdout);
    expect(forged.outcome).toBe('NOT_OK');
    expect(forged.steps.signature).toEqual({ ok: false, error: expect.stringMatching(/^bad_signature: /) });

    const later = await run(['dcc', 'verify', '--trust', gateway, '--at', '2021-06-10T00:00:00Z'], dcc);
    expect(later.code).toBe(0);
    expect(json(later.stdout).steps.expiry?.error).toMatch(/^expired: /);

    const garbled = json((await run(['dcc', 'verify', '--trust', gateway], 'HC1:not base45 at all!')).stdout);
    expect(garbled.steps.base45?.ok).toBe(false);
    // A step that could not be reached is absent.
    expect(garbled.steps.signature).toBeUndefined();
    expect(garbled.outcome).toBe('NEEDS_CROSS_CHECK');
  });

  it('accepts a PEM, a DER, a folder, the station file and a signed file as --trust', async () => {
    fs.writeFileSync(path.join(dir, 'uz.pem'), pemOf(signer));
    fs.writeFileSync(path.join(dir, 'uz.der'), signer.der);
    const folder = path.join(dir, 'certs');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'uz.crt'), pemOf(signer));
    fs.writeFileSync(path.join(folder, 'kz.der'), other.der);
    const station = path.join(dir, 'station.json');
    fs.writeFileSync(station, JSON.stringify({ format: 'checkpoint-trust-list', version: 1, entries: await gatewayEntries([signer]) }));
    const signed = path.join(dir, 'signed.json');
    const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.writeFileSync(signed, JSON.stringify(signTrustList(fs.readFileSync(gateway), keys.privateKey)));
    for (const trust of [path.join(dir, 'uz.pem'), path.join(dir, 'uz.der'), folder, station, signed]) {
      const { code, stdout } = await run(['dcc', 'verify', '--trust', trust, '--at', AT], dcc);
      expect(code, trust).toBe(0);
      expect(json(stdout).outcome, trust).toBe('OK');
    }
    // Without the signer in the list, the kid is unknown: a cross-check, not a rejection.
    const unknown = json((await run(['dcc', 'verify', '--trust', path.join(dir, 'uz.pem'), '--at', AT], await makeDcc(other))).stdout);
    expect(unknown.steps.signature?.error).toMatch(/^unknown_kid: /);
    expect(unknown.outcome).toBe('NEEDS_CROSS_CHECK');
  });

  it('decodes the payload from a QR image with --image', async () => {
    const png = path.join(dir, 'dcc.png');
    await QRCode.toFile(png, dcc, { errorCorrectionLevel: 'Q', margin: 4, scale: 4 });
    const { code, stdout, stderr } = await run(['dcc', 'verify', '--trust', gateway, '--at', AT, '--image', png]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(json(stdout).outcome).toBe('OK');
  });

  it('exits 2 with a message for unusable input', async () => {
    const cases: [string[], string, RegExp][] = [
      [['dcc', 'verify', '--trust', gateway], '', /no payload on standard input/],
      [['dcc', 'verify'], dcc, /needs --trust/],
      [['dcc', 'verify', '--trust', path.join(dir, 'missing.json')], dcc, /cannot use the trust list: .*no such file/],
      [['dcc', 'verify', '--trust', gateway, '--at', 'yesterday'], dcc, /--at "yesterday" is not an ISO 8601 time/],
      [['dcc', 'verify', '--trust', gateway, '--image', path.join(dir, 'nope.png')], '', /cannot read .*nope\.png as an image/],
      [['dcc', 'check'], dcc, /unknown dcc subcommand/],
    ];
    for (const [args, stdin, message] of cases) {
      const { code, stdout, stderr } = await run(args, stdin);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    }
  });
});

const conformanceDir = process.env.CONFORMANCE_DIR ?? path.resolve('../shared/conformance');
const conformance = path.join(conformanceDir, 'dcc', 'index.json');

describe.runIf(fs.existsSync(conformance))('checkpoint dcc verify on the EU conformance data', () => {
  // A valid certificate, one signed by a DSC missing from the trust list, and an expired one; the
  // expectations are the files' own (EXPECTEDVERIFY, EXPECTEDEXPIRATIONCHECK), checked against index.json.
  const cases = [
    { file: 'AT/2DCode/raw/1.json', signature: true, expiry: true, outcome: 'OK' },
    { file: 'PL/1.0.0/2DCode/raw/6.json', signature: false, outcome: 'NEEDS_CROSS_CHECK' },
    { file: 'PL/1.0.0/2DCode/raw/10.json', signature: true, expiry: false, outcome: 'NOT_OK' },
  ] as const;
  const index = fs.existsSync(conformance) ? (JSON.parse(fs.readFileSync(conformance, 'utf8')) as { file: string; validationClock: string; expected: Record<string, unknown> }[]) : [];

  it.each(cases.map((c) => [c.file, c] as const))('%s gives the expected steps and outcome', async (file, expected) => {
    const entry = index.find((e) => e.file === file);
    expect(entry?.expected.EXPECTEDVERIFY).toBe(expected.signature);
    if ('expiry' in expected && entry?.expected.EXPECTEDEXPIRATIONCHECK !== undefined) expect(entry.expected.EXPECTEDEXPIRATIONCHECK).toBe(expected.expiry);
    const test = JSON.parse(fs.readFileSync(path.join(conformanceDir, 'dcc', file), 'utf8')) as { PREFIX: string; TESTCTX: { CERTIFICATE: string } };
    const trust = path.join(tempDir('checkpoint-dcc-conf-'), 'dsc.pem');
    fs.writeFileSync(trust, `-----BEGIN CERTIFICATE-----\n${test.TESTCTX.CERTIFICATE}\n-----END CERTIFICATE-----\n`);
    const { code, stdout } = await run(['dcc', 'verify', '--trust', trust, '--at', entry?.validationClock ?? ''], test.PREFIX);
    expect(code).toBe(0);
    const out = json(stdout);
    expect(out.steps.signature?.ok).toBe(expected.signature);
    if ('expiry' in expected) expect(out.steps.expiry?.ok).toBe(expected.expiry);
    expect(out.outcome).toBe(expected.outcome);
  });
});

describe('checkpoint trust-list import / export', () => {
  it('imports into a station data folder, exports the station file, and the file imports again', async () => {
    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    const dataDir = tempDir();
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    core.close();
    const list = await writeGatewayTrustList(tempDir(), [signer]);

    const imported = await run(['trust-list', 'import', '--data-dir', dataDir, list]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ import: { format: 'eu-gateway', entries: 1, source: 'trust-list.json' }, status: { entries: 1, stale: false } });

    const exported = path.join(tempDir(), 'station-trust-list.json');
    expect((await run(['trust-list', 'export', '--data-dir', dataDir, exported])).code).toBe(0);
    const file = JSON.parse(fs.readFileSync(exported, 'utf8'));
    expect(file).toMatchObject({ format: 'checkpoint-trust-list', version: 1, stationId: expect.stringMatching(/^STN-|^[A-Z0-9-]+$/) });
    expect(file.entries).toHaveLength(1);
    expect(JSON.parse((await run(['trust-list', 'import', '--data-dir', dataDir, exported])).stdout).import).toMatchObject({ format: 'station', entries: 1 });

    // A broken file: exit 2, a clear message, and the list stays as it was.
    const broken = path.join(tempDir(), 'broken.json');
    fs.writeFileSync(broken, '[{"kid":"x"}]');
    const refused = await run(['trust-list', 'import', '--data-dir', dataDir, broken]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/The trust list was not imported: broken\.json: .*The current list \(1 certificates from station-trust-list\.json/);

    const reopened = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    const status = await reopened.getStatus({});
    expect(status.ok && status.value.trustList).toMatchObject({ entries: 1, source: 'station-trust-list.json' });
    reopened.close();
  });

  it('explains its usage', async () => {
    const { code, stderr } = await run(['trust-list', 'import']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/trust-list takes "import <file>" or "export <file>"/);
  });
});
