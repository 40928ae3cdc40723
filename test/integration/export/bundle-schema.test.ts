import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_FILE, bundleSchemaProblems, bundleSchemaProblemsAt } from '../../support/bundle-schema';
import { openGoldenStation } from '../../support/golden-export';
import { tempDir } from '../../support/temp-dir';

const FIXTURES = path.resolve(__dirname, '../../fixtures');
const fixtureBundles = ['export', 'export-v2'].flatMap((folder) => fs.readdirSync(path.join(FIXTURES, folder)).map((name) => path.join(FIXTURES, folder, name)));

describe('docs/export-bundle.schema.json', () => {
  it('is JSON Schema the validator compiles in strict mode', () => {
    expect(JSON.parse(fs.readFileSync(BUNDLE_SCHEMA_FILE, 'utf8')).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(fixtureBundles)('holds the golden bundle %s (v1 and v2)', (bundle) => {
    expect(bundleSchemaProblemsAt(bundle)).toEqual([]);
  });

  it('holds the bundles the writer makes now, as folders and as zips', async () => {
    const golden = openGoldenStation(tempDir());
    try {
      for (const format of ['folder', 'zip'] as const) {
        for (const written of await golden.write(tempDir('usb-'), format)) expect(bundleSchemaProblemsAt(written.path)).toEqual([]);
      }
    } finally {
      golden.store.close();
    }
  });

  it('refuses what the format does not allow: a field too many, a disposition it does not know, a certificate payload', () => {
    const files = new Map<string, Uint8Array>();
    const folder = path.join(FIXTURES, 'export-v2', 'checkpoint-export_STN-GOLD01_2021-03-01');
    for (const name of fs.readdirSync(folder)) files.set(name, fs.readFileSync(path.join(folder, name)));
    const [first, ...rest] = Buffer.from(files.get('crossings.jsonl')!).toString('utf8').trimEnd().split('\n');
    const row = JSON.parse(first as string) as Record<string, unknown> & { current: Record<string, unknown>; evidence: Record<string, unknown>[] };
    row.current.disposition = 'smuggled';
    row.evidence[0] = { ...row.evidence[0], hcert: { nam: { fn: 'JURAEV' } } };
    row.extra = 1;
    files.set('crossings.jsonl', Buffer.from([JSON.stringify(row), ...rest, ''].join('\n')));
    expect(bundleSchemaProblems(files)).toEqual([
      'crossings.jsonl line 1: / must NOT have additional properties',
      'crossings.jsonl line 1: /current/disposition must be equal to one of the allowed values',
      'crossings.jsonl line 1: /evidence/0 must NOT have additional properties',
    ]);
    // Only version 2 replaces a bundle.
    const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as Record<string, unknown>;
    files.set('crossings.jsonl', new Uint8Array(0));
    files.set('manifest.json', Buffer.from(JSON.stringify({ ...manifest, schemaVersion: 1, supersedes: { manifestSha256: 'a'.repeat(64), changedSequences: [] } })));
    expect(bundleSchemaProblems(files)).toEqual([expect.stringMatching(/^manifest\.json: \/supersedes boolean schema is false/), expect.stringMatching(/^manifest\.json: \/ must match "then" schema/)]);
  });
});
