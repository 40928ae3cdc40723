/**
 * EU DCC conformance: every test vector of the EU dgc-testdata set (see
 * <conformance>/dcc/README.md) through `verifyDcc`, each EXPECTED* key against our step
 * results. Mismatches are allowed only where test/conformance/dcc-deviations.md lists them
 * (file + key, with the reason); a listed deviation that no longer occurs fails too, so the
 * list stays true.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildTrustList,
  certificatesFromText,
  parseDscCertificate,
  verifyDcc,
  type DccStep,
  type DccVerification,
  type TrustListEntry,
} from '../../shared/domain/dcc';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const conformanceDir = process.env.CONFORMANCE_DIR ?? path.join(repoRoot, '../shared/conformance');
const dccDir = path.join(conformanceDir, 'dcc');
const present = existsSync(path.join(dccDir, 'index.json'));

interface IndexEntry {
  file: string;
  country: string;
  description: string | null;
  validationClock: string | null;
  expected: Record<string, unknown>;
}

interface TestFile {
  JSON?: unknown;
  PREFIX?: string;
  TESTCTX?: { CERTIFICATE?: string; VALIDATIONCLOCK?: string; DESCRIPTION?: string };
  EXPECTEDRESULTS?: Record<string, unknown>;
}

/** How each EXPECTED* key maps onto our step results (README "Interpreting expectations"). */
type Check = (v: DccVerification, file: TestFile) => boolean;
const CHECKS: Record<string, Check> = {
  EXPECTEDUNPREFIX: (v) => v.steps.prefix?.ok === true,
  EXPECTEDB45DECODE: (v) => v.steps.base45?.ok === true,
  EXPECTEDCOMPRESSION: (v) => v.steps.inflate?.ok === true,
  EXPECTEDDECODE: (v, f) => v.steps.cose?.ok === true && v.steps.cbor?.ok === true && payloadMatchesJson(v, f),
  EXPECTEDVALIDJSON: (v, f) => v.steps.cbor?.ok === true && payloadMatchesJson(v, f),
  EXPECTEDVALIDOBJECT: (v) => v.steps.cbor?.ok === true && v.payload !== undefined,
  EXPECTEDSCHEMAVALIDATION: (v) => v.steps.schema?.ok === true,
  EXPECTEDVERIFY: (v) => v.steps.signature?.ok === true,
  EXPECTEDKEYUSAGE: (v) => v.steps.keyUsage?.ok === true,
  EXPECTEDEXPIRATIONCHECK: (v) => v.steps.expiry?.ok === true,
};
/** The step a key looks at, to tell "failed" from "never reached" in the summary. */
const STEP_OF: Record<string, DccStep> = {
  EXPECTEDUNPREFIX: 'prefix',
  EXPECTEDB45DECODE: 'base45',
  EXPECTEDCOMPRESSION: 'inflate',
  EXPECTEDDECODE: 'cose',
  EXPECTEDVALIDJSON: 'cbor',
  EXPECTEDVALIDOBJECT: 'cbor',
  EXPECTEDSCHEMAVALIDATION: 'schema',
  EXPECTEDVERIFY: 'signature',
  EXPECTEDKEYUSAGE: 'keyUsage',
  EXPECTEDEXPIRATIONCHECK: 'expiry',
};
function stepReached(key: string, v: DccVerification): boolean {
  const step = STEP_OF[key];
  return step !== undefined && v.steps[step] !== undefined;
}

/** Keys we do not check, with the reason (also in dcc-deviations.md). */
const NOT_CHECKED = new Set(['EXPECTEDPICTUREDECODE', 'EXPECTEDENCODE']);

interface Deviation {
  file: string;
  key: string;
  reason: string;
}

/** Rows `| file | key | reason |` of the deviations table; `file` may end in `*`. */
function readDeviations(): Deviation[] {
  const text = readFileSync(path.join(here, 'dcc-deviations.md'), 'utf8');
  const rows: Deviation[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim().replace(/^`|`$/g, ''));
    if (cells.length < 5 || !cells[2]?.startsWith('EXPECTED')) continue;
    rows.push({ file: cells[1] ?? '', key: cells[2], reason: cells[3] ?? '' });
  }
  return rows;
}

function deviationFor(deviations: Deviation[], file: string, key: string): Deviation | undefined {
  return deviations.find(
    (d) => d.key === key && (d.file === file || (d.file.endsWith('*') && file.startsWith(d.file.slice(0, -1)))),
  );
}

/** VALIDATIONCLOCK: no zone = UTC; more than millisecond precision; "+0200" offsets. */
function parseClock(text: string): Date {
  let t = text.trim().replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (!/(Z|[+-]\d{2}:\d{2})$/i.test(t)) t += 'Z';
  const date = new Date(t);
  if (Number.isNaN(date.getTime())) throw new Error(`unparseable VALIDATIONCLOCK ${text}`);
  return date;
}

/** Deep comparison as the upstream suite does it: key order ignored, date-times by instant. */
function normalise(x: unknown): string {
  if (Array.isArray(x)) return '[' + x.map(normalise).join(',') + ']';
  if (x !== null && typeof x === 'object') {
    return '{' + Object.keys(x).sort().map((k) => JSON.stringify(k) + ':' + normalise((x as Record<string, unknown>)[k])).join(',') + '}';
  }
  if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(x)) {
    const ms = parseClock(x).getTime();
    return `T${ms}`;
  }
  return JSON.stringify(x);
}

function payloadMatchesJson(v: DccVerification, f: TestFile): boolean {
  if (f.JSON === undefined) return true;
  return normalise(v.payload) === normalise(f.JSON);
}

async function trustListFor(file: TestFile, folderCountry: string) {
  const entries: TrustListEntry[] = [];
  const text = file.TESTCTX?.CERTIFICATE;
  for (const der of (text && certificatesFromText(text)) || []) {
    let dsc = await parseDscCertificate(der);
    // The `common` vectors' DSCs have no subject C; any code will do for them.
    if (!dsc.ok && dsc.error.code === 'missing_country') {
      dsc = await parseDscCertificate(der, { country: /^[A-Z]{2}$/.test(folderCountry) ? folderCountry : 'XX' });
    }
    if (dsc.ok) entries.push(dsc.value);
  }
  return buildTrustList(entries);
}

interface Tally {
  files: number;
  filesPassed: number;
  checks: number;
  passed: number;
  /** Expected false and passed because the step was never reached (an earlier step failed). */
  unreached: number;
  deviations: number;
}

if (!present) {
  console.warn(`DCC conformance skipped: no test data at ${dccDir} (set CONFORMANCE_DIR)`);
  describe.skip('DCC conformance (test data absent)', () => {
    it('needs the conformance data', () => undefined);
  });
} else {
  const index = JSON.parse(readFileSync(path.join(dccDir, 'index.json'), 'utf8')) as IndexEntry[];
  const deviations = readDeviations();
  const used = new Set<Deviation>();
  const tally = new Map<string, Tally>();
  let completed = 0;

  const byCountry = new Map<string, IndexEntry[]>();
  for (const entry of index) byCountry.set(entry.country, [...(byCountry.get(entry.country) ?? []), entry]);

  describe('DCC conformance', () => {
    for (const [country, entries] of byCountry) {
      describe(country, () => {
        it.each(entries.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
          const raw = readFileSync(path.join(dccDir, entry.file), 'utf8').replace(/^\uFEFF/, '');
          const file = JSON.parse(raw) as TestFile;
          const trustList = await trustListFor(file, country);
          const at = parseClock(file.TESTCTX?.VALIDATIONCLOCK ?? entry.validationClock ?? '');
          const result = await verifyDcc(file.PREFIX ?? '', { trustList, at });

          const t = tally.get(country) ?? { files: 0, filesPassed: 0, checks: 0, passed: 0, unreached: 0, deviations: 0 };
          tally.set(country, t);
          t.files++;
          const failures: string[] = [];
          for (const [key, expected] of Object.entries(entry.expected)) {
            const check = CHECKS[key];
            if (!check || NOT_CHECKED.has(key) || typeof expected !== 'boolean') continue;
            t.checks++;
            const actual = check(result, file);
            const deviation = deviationFor(deviations, entry.file, key);
            if (deviation) used.add(deviation);
            if (actual === expected) {
              if (deviation && !deviation.file.endsWith('*')) {
                failures.push(`${key}: listed as a deviation but now matches (${expected}); remove it from dcc-deviations.md`);
              } else {
                t.passed++;
                if (!expected && !stepReached(key, result)) t.unreached++;
              }
            } else if (deviation) {
              t.deviations++;
            } else {
              failures.push(`${key}: expected ${expected}, got ${actual} — steps ${JSON.stringify(result.steps)}`);
            }
          }
          if (failures.length === 0) t.filesPassed++;
          completed++;
          expect(failures, `${entry.file} (${entry.description ?? ''})`).toEqual([]);
        });
      });
    }
  });

  afterAll(() => {
    if (completed < index.length) return; // a filtered run: the summary would mislead
    const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
    const total = rows.reduce(
      (s, [, t]) => ({
        files: s.files + t.files,
        filesPassed: s.filesPassed + t.filesPassed,
        checks: s.checks + t.checks,
        passed: s.passed + t.passed,
        unreached: s.unreached + t.unreached,
        deviations: s.deviations + t.deviations,
      }),
      { files: 0, filesPassed: 0, checks: 0, passed: 0, unreached: 0, deviations: 0 },
    );
    const line = (name: string, t: Tally) =>
      `${name.padEnd(7)} files ok ${String(t.filesPassed).padStart(3)}/${String(t.files).padEnd(3)} ` +
      ` checks passed ${String(t.passed).padStart(4)}, documented deviations ${String(t.deviations).padStart(3)},` +
      ` failed ${t.checks - t.passed - t.deviations}` +
      (t.unreached ? ` (${t.unreached} expected-false check(s) passed because the step was not reached)` : '');
    const unused = deviations.filter((d) => !used.has(d));
    console.log(
      ['DCC conformance per country:', ...rows.map(([c, t]) => line(c, t)), line('TOTAL', total)]
        .concat(unused.length ? [`unused deviation rows: ${unused.map((d) => `${d.file} ${d.key}`).join(', ')}`] : [])
        .join('\n'),
    );
    expect(unused, 'dcc-deviations.md rows that match no test file').toEqual([]);
  });
}
