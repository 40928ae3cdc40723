/**
 * `checkpoint rules eval <rule.json>` through the CLI's own runCli (the bin's streams and stdin reader, in this
 * process), with a real EU rule of the CertLogic conformance data when present and rule files written by the test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheckpoint as run } from '../../support/cli';
import { tempDir } from '../../support/temp-dir';

const conformance = path.join(process.env.CONFORMANCE_DIR ?? path.resolve('..', 'shared', 'conformance'), 'certlogic');

/** A test rule of the EU shape: an antigen or PCR test sample at most 72 hours before the validation clock. */
const rule = {
  Identifier: 'TR-UZ-0001',
  Type: 'Acceptance',
  Country: 'UZ',
  Version: '1.0.0',
  SchemaVersion: '1.0.0',
  Engine: 'CERTLOGIC',
  EngineVersion: '1.0.0',
  CertificateType: 'Test',
  Description: [{ lang: 'en', desc: 'Sample at most 72 hours old.' }],
  ValidFrom: '2026-01-01T00:00:00Z',
  ValidTo: '2030-01-01T00:00:00Z',
  AffectedFields: ['t.0.sc'],
  Logic: {
    if: [
      { var: 'payload.t.0' },
      { 'not-after': [{ plusTime: [{ var: 'external.validationClock' }, 0, 'hour'] }, { plusTime: [{ var: 'payload.t.0.sc' }, 72, 'hour'] }] },
      true,
    ],
  },
};
const input = (sc: string) => JSON.stringify({ payload: { t: [{ sc }] }, external: { validationClock: '2026-12-07T12:00:00Z' } });

describe('checkpoint rules eval', async () => {
  it('prints {"result": true} and {"result": false} with exit 0', async () => {
    const file = path.join(tempDir(), 'rule.json');
    fs.writeFileSync(file, JSON.stringify(rule));
    const pass = await run(['rules', 'eval', file], input('2026-12-06T12:00:00Z'));
    expect(pass.stderr).toBe('');
    expect(pass.code).toBe(0);
    expect(JSON.parse(pass.stdout)).toEqual({ result: true });
    const fail = await run(['rules', 'eval', file], input('2026-12-03T12:00:00Z'));
    expect(fail.code).toBe(0);
    expect(JSON.parse(fail.stdout)).toEqual({ result: false });
    // A bare expression is a rule too.
    const bare = path.join(tempDir(), 'bare.json');
    fs.writeFileSync(bare, JSON.stringify({ '===': [{ var: 'payload.t.0.sc' }, '2026-12-06T12:00:00Z'] }));
    expect(JSON.parse((await run(['rules', 'eval', bare], input('2026-12-06T12:00:00Z'))).stdout)).toEqual({ result: true });
  });

  it('evaluates a conformance rule with its own test case', async () => {
    const dir = path.join(conformance, 'ES', 'TR-ES-0002');
    if (!fs.existsSync(dir)) {
      console.warn(`rules eval conformance case skipped: no data at ${dir}`);
      return;
    }
    for (const name of fs.readdirSync(path.join(dir, 'tests'))) {
      const test = JSON.parse(fs.readFileSync(path.join(dir, 'tests', name), 'utf8')) as { payload: unknown; external: unknown; expected: boolean };
      const out = await run(['rules', 'eval', path.join(dir, 'rule.json')], JSON.stringify({ payload: test.payload, external: test.external }));
      expect(out.code, `${name}: ${out.stderr}`).toBe(0);
      expect(JSON.parse(out.stdout), name).toEqual({ result: test.expected });
    }
  });

  it('exits 2 with a sentence for an unusable rule or input', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'rule.json');
    fs.writeFileSync(good, JSON.stringify(rule));
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{"Logic": {"===": [1, 2],}}');
    const unknownOp = path.join(dir, 'unknown.json');
    fs.writeFileSync(unknownOp, JSON.stringify({ Logic: { frobnicate: [1] } }));
    const notBoolean = path.join(dir, 'number.json');
    fs.writeFileSync(notBoolean, JSON.stringify({ Logic: { var: 'payload.n' } }));
    const cases: [string[], string, RegExp][] = [
      [['rules', 'eval', broken], input('2026-12-06T12:00:00Z'), /rule file .*broken\.json is not JSON/],
      [['rules', 'eval', unknownOp], input('2026-12-06T12:00:00Z'), /not valid CertLogic/],
      [['rules', 'eval', notBoolean], JSON.stringify({ payload: { n: 3 }, external: {} }), /gave 3 instead of true or false/],
      [['rules', 'eval', path.join(dir, 'missing.json')], input('2026-12-06T12:00:00Z'), /does not exist/],
      [['rules', 'eval', good], '', /no input on standard input/],
      [['rules', 'eval', good], 'not json', /standard input is not JSON/],
      [['rules', 'eval', good], '[1, 2]', /must be a JSON object with "payload"/],
      [['rules', 'run', good], '', /rules takes "eval <rule\.json>" or "import <file>"/],
    ];
    for (const [args, stdin, message] of cases) {
      const out = await run(args, stdin);
      expect(out.code, `${args.join(' ')}: ${out.stderr}`).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(message);
    }
  });
});
