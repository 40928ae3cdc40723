/**
 * CertLogic conformance: every EU business rule of <conformance>/certlogic (13 countries) is read as a rule file, and
 * every test case (`{payload, external}` → expected boolean) is evaluated through `evaluateRule`, the station's own
 * path to certlogic-js. Rule files that are not usable upstream (not JSON, or logic CertLogic's format validation
 * refuses) must be refused with a sentence, never evaluated.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRule, logicProblems, parseBusinessRule } from '../../shared/domain/business-rules';

const here = path.dirname(fileURLToPath(import.meta.url));
const conformanceDir = process.env.CONFORMANCE_DIR ?? path.join(here, '../..', '../shared/conformance');
const certlogicDir = path.join(conformanceDir, 'certlogic');
const present = existsSync(path.join(certlogicDir, 'README.md'));

/** Upstream rule files that cannot be used as they are, and why (checked: each must still be refused). */
const UNUSABLE: Readonly<Record<string, string>> = {
  'MT/RR-MT-0001/TR-MT-0001.json': 'not JSON (a trailing comma)',
  'MT/VR-MT-0005/VR-MT-0005.json': 'logic refused by CertLogic format validation',
};

interface RuleFile {
  readonly file: string;
  readonly text: string;
}

function ruleFiles(): RuleFile[] {
  const files: RuleFile[] = [];
  for (const country of readdirSync(certlogicDir).sort()) {
    const dir = path.join(certlogicDir, country);
    if (!statSync(dir).isDirectory() || country === 'valuesets') continue;
    for (const rule of readdirSync(dir).sort()) {
      for (const name of readdirSync(path.join(dir, rule)).filter((f) => f.endsWith('.json'))) {
        const file = `${country}/${rule}/${name}`;
        files.push({ file, text: readFileSync(path.join(certlogicDir, file), 'utf8') });
      }
    }
  }
  return files;
}

if (!present) {
  console.warn(`CertLogic conformance skipped: no test data at ${certlogicDir} (set CONFORMANCE_DIR)`);
  describe.skip('CertLogic conformance (test data absent)', () => {
    it('needs the certlogic conformance data', () => undefined);
  });
} else {
  describe('CertLogic conformance', () => {
    const files = ruleFiles();

    it('reads every usable rule file as an EU business rule and refuses the unusable ones', () => {
      const refused: string[] = [];
      for (const { file, text } of files) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          refused.push(file);
          continue;
        }
        const rule = parseBusinessRule(json);
        expect(rule.ok, `${file}: ${rule.ok ? '' : rule.error.message}`).toBe(true);
        if (rule.ok && logicProblems(rule.value.Logic).length > 0) refused.push(file);
      }
      expect(files.length).toBeGreaterThanOrEqual(145);
      expect(refused.sort()).toEqual(Object.keys(UNUSABLE).sort());
    });

    it('gives the expected result for every test case', () => {
      let cases = 0;
      const wrong: string[] = [];
      for (const { file, text } of files.filter((f) => f.file.endsWith('/rule.json'))) {
        const testDir = path.join(certlogicDir, path.dirname(file), 'tests');
        if (!existsSync(testDir)) continue;
        const rule = parseBusinessRule(JSON.parse(text));
        if (!rule.ok) throw new Error(`${file}: ${rule.error.message}`);
        for (const name of readdirSync(testDir).sort()) {
          const test = JSON.parse(readFileSync(path.join(testDir, name), 'utf8')) as { name: string; payload: unknown; external: unknown; expected: boolean };
          cases += 1;
          const result = evaluateRule(rule.value.Logic, { payload: test.payload, external: test.external });
          if (!result.ok || result.value !== test.expected) wrong.push(`${file} ${name} (${test.name}): expected ${test.expected}, got ${result.ok ? result.value : result.error.message}`);
        }
      }
      expect(cases).toBe(1022);
      expect(wrong).toEqual([]);
    });
  });
}
