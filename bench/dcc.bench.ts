import fs from 'node:fs';
import path from 'node:path';
import { buildTrustList, certificatesFromText, parseDscCertificate, verifyDcc, type TrustList } from '../shared/domain/dcc';
import { makeDcc, makeSigner, T0 } from '../test/fixtures/dcc/build-dcc';
import { conformanceDir } from './conformance-dir';
import { timeEachAsync } from './harness/measure';
import type { Benchmark } from './harness/types';

interface Case {
  readonly payload: string;
  readonly trustList: TrustList;
  readonly at: Date;
}

async function conformanceCases(limit: number): Promise<Case[]> {
  const dir = conformanceDir();
  if (!dir) return [];
  const index = JSON.parse(fs.readFileSync(path.join(dir, 'dcc', 'index.json'), 'utf8')) as { file: string; validationClock?: string }[];
  const cases: Case[] = [];
  for (const entry of index.slice(0, limit)) {
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'dcc', entry.file), 'utf8')) as { PREFIX?: string; TESTCTX?: { CERTIFICATE?: string } };
    const at = new Date(entry.validationClock ?? '');
    if (!file.PREFIX || Number.isNaN(at.getTime())) continue;
    const entries = [];
    for (const der of certificatesFromText(file.TESTCTX?.CERTIFICATE ?? '') ?? []) {
      const dsc = await parseDscCertificate(der, { country: 'XX' });
      if (dsc.ok) entries.push(dsc.value);
    }
    cases.push({ payload: file.PREFIX, trustList: buildTrustList(entries), at });
  }
  return cases;
}

async function generatedCases(count: number): Promise<Case[]> {
  const es = await makeSigner('ES256');
  const ps = await makeSigner('PS256');
  const trust = buildTrustList(
    await Promise.all([es, ps].map(async (s) => {
      const dsc = await parseDscCertificate(s.der);
      if (!dsc.ok) throw new Error(dsc.error.message);
      return dsc.value;
    })),
  );
  const at = new Date((T0 + 3600) * 1000);
  const cases: Case[] = [];
  for (let i = 0; i < count; i += 1) cases.push({ payload: await makeDcc(i % 2 === 0 ? es : ps), trustList: trust, at });
  return cases;
}

/** Full verification (decode, schema, signature, key usage, validity) per certificate, single-threaded. */
export const dccBenchmark: Benchmark = {
  name: 'dcc',
  title: 'EU DCC verification per certificate',
  async run(scale) {
    const conformance = await conformanceCases(scale === 'smoke' ? 5 : 10_000);
    const generated = await generatedCases(scale === 'smoke' ? 4 : 200);
    const rows = [];
    for (const [label, cases] of [
      ['conformance certificates', conformance],
      ['generated ES256 + PS256 test certificates', generated],
    ] as const) {
      if (cases.length === 0) continue;
      for (const c of cases.slice(0, 20)) await verifyDcc(c.payload, { trustList: c.trustList, at: c.at }); // warm-up
      const rounds = scale === 'smoke' ? 1 : Math.max(1, Math.ceil(3000 / cases.length));
      const timing = await timeEachAsync(cases.length * rounds, (i) => {
        const c = cases[i % cases.length] as Case;
        return verifyDcc(c.payload, { trustList: c.trustList, at: c.at });
      });
      rows.push({
        metric: `verify, ${label} (${cases.length})`,
        ours: { name: '@checkpoint dcc', median: timing.median, p95: timing.p95, unit: 'ms' },
        goal: 'p99 < 5 ms',
        goalMet: timing.p99 < 5,
        note: `p99 ${timing.p99.toFixed(2)} ms over ${cases.length * rounds} verifications (no peer library verifies DCCs offline in Node with the same checks).`,
      });
    }
    return rows;
  },
};
