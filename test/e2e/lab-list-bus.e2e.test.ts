/**
 * The mass-testing case end to end in Chromium: a lab tested a whole bus at the border and sent its signed list; an
 * administrator registered the lab's key and imported the list; at the lane the operator scans only the passports
 * (keyboard-wedge bursts, Enter) and every traveller passes with the lab and the list named on the decision.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import { buildMrz } from '../../shared/domain/mrz';
import { labKeyPair, writeSignedList } from '../fixtures/lab-lists/lab-list-files';
import { TEST_PIN, TEST_USERNAME, testBootstrap } from '../support/core-session';
import { percentile, recordWithEnter } from './support/bus';
import { ScannerKeys } from './support/scanner-keys';
import { openStation, type Station } from './support/station';

const PEOPLE = [
  { surname: 'NURLANOV', given: 'ASKAR', cyr: ['Нұрланов', 'Асқар'], nat: 'KAZ' },
  { surname: 'ALIMOV', given: 'BOBUR', cyr: ['Алимов', 'Бобур'], nat: 'UZB' },
  { surname: 'RAHIMOVA', given: 'MADINA', cyr: ['Раҳимова', 'Мадина'], nat: 'TJK' },
  { surname: 'SAIDOV', given: 'FIRUZ', cyr: ['Саидов', 'Фируз'], nat: 'TJK' },
] as const;
const BUS_SIZE = 12;
const LAB = 'Olymp Laboratory';

interface Passenger {
  readonly name: string;
  readonly lines: readonly string[];
  readonly documentNumber: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The bus and the lab's list for it: sample times written as the lab writes them, in its zone (+05:00). */
function busAndList(now: Date): { passengers: Passenger[]; csv: string } {
  const passengers: Passenger[] = [];
  const lines = ['passport_number;nationality;surname_cyrillic;given_names_cyrillic;birth_date;sample_time;sample_zone;test_type;result;lab_reference'];
  for (let i = 0; i < BUS_SIZE; i += 1) {
    const person = PEOPLE[i % PEOPLE.length]!;
    const birthDate = `${1965 + i}-${pad(1 + (i % 12))}-${pad(3 + i)}`;
    const documentNumber = `LB${pad(i + 1, 7)}`;
    const built = buildMrz({ format: 'TD3', documentCode: 'P', issuingState: person.nat, nationality: person.nat, surname: person.surname, givenNames: person.given, documentNumber, birthDate, sex: 'M', expiryDate: `${now.getUTCFullYear() + 3}-06-30` });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    passengers.push({ name: `${person.surname}, ${person.given}`, lines: built.value.lines, documentNumber });
    const wall = new Date(now.getTime() - (3 + i) * 3_600_000 + 5 * 3_600_000);
    const sample = `${pad(wall.getUTCDate())}.${pad(wall.getUTCMonth() + 1)}.${wall.getUTCFullYear()} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
    const [y, m, d] = birthDate.split('-');
    lines.push(`${documentNumber};${person.nat};${person.cyr[0]};${person.cyr[1]};${d}.${m}.${y};${sample};+05:00;ПЦР;отрицательный;OLY-${pad(i + 1, 4)}`);
  }
  return { passengers, csv: `${lines.join('\r\n')}\r\n` };
}

let station: Station;
let core: Core;
let page: Page;
let scanner: ScannerKeys;
let passengers: Passenger[];

describe('a bus tested by a lab at the border passes on its passports alone', () => {
  beforeAll(async () => {
    station = await openStation({
      name: 'lab-bus',
      core: { bootstrap: testBootstrap('admin', { roles: ['operator'] }) },
      prepare: async (stationCore) => {
        const lab = labKeyPair('ES256');
        const registered = await stationCore.registerLabKey({ labId: 'kz-olymp', name: LAB, country: 'KZ', publicKey: lab.publicKeyPem });
        if (!registered.ok) throw new Error(registered.error.message);
        const made = busAndList(new Date());
        passengers = made.passengers;
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-lab-'));
        const imported = await stationCore.importLabList({ path: writeSignedList(dir, 'olymp-bus-list.csv', new TextEncoder().encode(made.csv), lab.privateKey) });
        fs.rmSync(dir, { recursive: true, force: true });
        if (!imported.ok) throw new Error(imported.error.message);
        await stationCore.logout({});
        const login = await stationCore.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator });
        if (!login.ok) throw new Error(login.error.message);
      },
      viewport: { width: 1920, height: 1080 },
      beforeOpen: async (stationPage) => {
        scanner = await ScannerKeys.attach(stationPage);
      },
      waitForScanField: true,
    });
    ({ core, page } = station);
  }, 60_000);

  afterAll(() => station?.close());

  it('decides every passport OK from the lab list, names the lab and the list, and records it', async () => {
    for (const passenger of passengers) {
      await page.keyboard.press('Escape');
      await scanner.scan(passenger.lines, 2, 'paced');
      const item = page.getByTestId('evidence-item');
      await page.getByTestId('decision-name').filter({ hasText: passenger.name }).waitFor({ timeout: 15_000 });
      await item.filter({ hasText: LAB }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('decision-outcome').textContent()).toMatch(/OK$/);
      expect(await page.getByTestId('decision-outcome').textContent()).not.toMatch(/NOT OK/);
      expect(await item.textContent()).toContain('(list 1,');
      await recordWithEnter(page);
    }

    const listed = await core.listCrossings({ limit: 100 });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.total).toBe(BUS_SIZE);
    expect(listed.value.items.every((c) => c.outcome === 'OK')).toBe(true);

    const timings = await page.evaluate(() => performance.getEntriesByName('lane:scan-to-outcome').map((e) => e.duration));
    expect(timings.length).toBeGreaterThanOrEqual(BUS_SIZE);
    console.log(
      `lab-list bus of ${BUS_SIZE}: passport scan → outcome painted p50 ${percentile(timings, 50).toFixed(1)} ms, p95 ${percentile(timings, 95).toFixed(1)} ms over ${timings.length} scans; load ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  }, 300_000);

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
