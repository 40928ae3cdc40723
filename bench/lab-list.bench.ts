import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LabResultService } from '../shared/app/lab-results/lab-result-service';
import { StationStore } from '../shared/node/db';
import { signLabList } from '../shared/node/lab-results';
import { timeEach } from './harness/measure';
import type { Benchmark } from './harness/types';

const NATIONALITIES = ['TJK', 'UZB', 'KAZ', 'RUS', 'KGZ'];
const NAMES = [
  ['Алимов', 'Бобур', 'ALIMOV', 'BOBUR'],
  ['Раҳимова', 'Мадина', 'RAHIMOVA', 'MADINA'],
  ['Нұрланов', 'Асқар', 'NURLANOV', 'ASKAR'],
  ['Саидов', 'Фируз', 'SAIDOV', 'FIRUZ'],
] as const;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Birth dates over 50 years by a fixed stride, like a real population. */
const birthDate = (person: number) => new Date(Date.UTC(1950, 0, 1) + ((person * 7919) % 18_250) * 86_400_000).toISOString().slice(0, 10);

function listCsv(first: number, rows: number): string {
  const lines = ['passport_number;nationality;surname_cyrillic;given_names_cyrillic;birth_date;sample_time;sample_zone;test_type;result;lab_reference'];
  for (let person = first; person < first + rows; person += 1) {
    const [fn, gn] = NAMES[person % NAMES.length]!;
    const [y, m, d] = birthDate(person).split('-');
    lines.push(`L${pad(person, 8)};${NATIONALITIES[person % NATIONALITIES.length]};${fn};${gn};${d}.${m}.${y};01.06.2021 09:${pad(person % 60)};Asia/Almaty;ПЦР;отрицательный;R-${person}`);
  }
  return lines.join('\r\n');
}

/** The lookup a passport scan makes on the imported lab lists (LabResultService.findForPassport). */
export const labListBenchmark: Benchmark = {
  name: 'lab-list',
  title: 'Lab result list lookup at the lane',
  async run(scale) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bench-lab-'));
    try {
      const lists = scale === 'smoke' ? 2 : 200;
      const perList = scale === 'smoke' ? 50 : 600;
      const lookups = scale === 'smoke' ? 50 : 5_000;
      const store = StationStore.open(dir);
      const service = new LabResultService({ store, now: () => new Date('2021-06-02T08:00:00Z') });
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      service.registerKey({ labId: 'kz-olymp', name: 'Olymp Laboratory', country: 'KZ', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }, 'bench', 'bench');
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      for (let list = 0; list < lists; list += 1) {
        const bytes = new TextEncoder().encode(listCsv(list * perList, perList));
        await service.import(bytes, JSON.stringify(signLabList(bytes, privateKey)), `list-${list}.csv`, 'bench');
      }
      const importMs = (performance.now() - t0) / lists;
      const cpu = process.cpuUsage(cpu0);
      const people = lists * perList;
      const personAt = (n: number) => (n * 7919) % people;
      const passport = (person: number, documentNumber = `L${pad(person, 8)}`) => {
        const [, , surname, givenNames] = NAMES[person % NAMES.length]!;
        return { documentNumber, nationality: NATIONALITIES[person % NATIONALITIES.length]!, surname, givenNames, birthDate: birthDate(person) };
      };
      let found = 0;
      const byDocument = timeEach(lookups, (n) => {
        if (service.findForPassport(passport(personAt(n)), { id: 'x', capturedAt: new Date() })) found += 1;
      });
      if (found !== lookups) throw new Error(`document lookups found ${found}, expected ${lookups}`);
      found = 0;
      // A new passport since the test: the number misses, the birth date and the name across scripts find it.
      const byIdentity = timeEach(lookups, (n) => {
        if (service.findForPassport(passport(personAt(n), 'NEWPASS01'), { id: 'x', capturedAt: new Date() })) found += 1;
      });
      if (found !== lookups) throw new Error(`identity lookups found ${found}, expected ${lookups}`);
      const scans = scale === 'smoke' ? 3 : 5;
      const noIndex = store.database.prepare('SELECT * FROM lab_results NOT INDEXED WHERE document_key = ?');
      const fullScan = timeEach(scans, (n) => noIndex.all(`L${pad(personAt(n), 8)}`));
      store.close();
      const note = `${lists} signed lists of ${perList} (${people.toLocaleString('en')} results) imported at ${importMs.toFixed(1)} ms per list (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s in all; load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores); ${lookups} lookups spread over the lists.`;
      return [
        {
          metric: `passport → lab result by document on ${people.toLocaleString('en')} results (ms per lookup)`,
          ours: { name: 'LabResultService.findForPassport (index on document)', median: byDocument.median, p95: byDocument.p95, unit: 'ms' },
          peer: { name: 'same query without an index (full scan)', median: fullScan.median, p95: fullScan.p95, unit: 'ms' },
          ratio: fullScan.median / byDocument.median,
          goal: '< 1 ms',
          goalMet: byDocument.p95 < 1,
          note: `${note} p99 ${byDocument.p99.toFixed(3)} ms.`,
        },
        {
          metric: `passport → lab result by birth date and name (new passport) on ${people.toLocaleString('en')} results (ms per lookup)`,
          ours: { name: 'LabResultService.findForPassport (document miss, birth-date index, names across scripts)', median: byIdentity.median, p95: byIdentity.p95, unit: 'ms' },
          goal: '< 1 ms',
          goalMet: byIdentity.p95 < 1,
          note: `every row of that birth date on any list is read and its names compared with the passport (Cyrillic to Latin); p99 ${byIdentity.p99.toFixed(3)} ms.`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
