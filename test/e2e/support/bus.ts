import { buildMrz } from '../../../shared/domain/mrz';
import type { Outcome } from '../../../shared/contract';
import type { Page } from 'playwright-core';
import type { TestSigner } from '../../fixtures/dcc/build-dcc';
import type { ScannerKeys } from './scanner-keys';
import { pcrCertificate } from './covid-evidence';

/** One passenger of a simulated bus: what the scanner "types" and what the lane should decide. */
export interface BusTraveller {
  readonly index: number;
  /** As the panel shows it: `SURNAME, GIVEN`. */
  readonly name: string;
  readonly passportLines: readonly string[];
  readonly certificate: string;
  readonly expected: Outcome;
  readonly documentNumber: string;
}

// Latin (passport) and original-script (certificate) names of the corridor's travellers; invented.
const PEOPLE: readonly { surname: string; given: string; fn: string; gn: string; nat: string }[] = [
  { surname: 'ALIMOV', given: 'BOBUR', fn: 'Алимов', gn: 'Бобур', nat: 'UZB' },
  { surname: 'RAHIMOVA', given: 'MADINA', fn: 'Раҳимова', gn: 'Мадина', nat: 'TJK' },
  { surname: 'NURLANOV', given: 'ASKAR', fn: 'Нұрланов', gn: 'Асқар', nat: 'KAZ' },
  { surname: 'SMIRNOVA', given: 'OLGA', fn: 'Смирнова', gn: 'Ольга', nat: 'RUS' },
  { surname: 'TOSHEV', given: 'JASUR', fn: 'Toshev', gn: 'Jasur', nat: 'UZB' },
  { surname: 'SAIDOV', given: 'FIRUZ', fn: 'Саидов', gn: 'Фируз', nat: 'TJK' },
];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * A bus of `size` travellers with MRZs built by the domain's own builder (real check digits) and EU test
 * certificates signed by the test trust list. Most are OK; every 10th from the 4th has a PCR test too old
 * (NOT OK); every 10th from the 8th carries a certificate naming someone else (NEEDS CROSS-CHECK).
 */
export async function makeBus(signer: TestSigner, size = 30, now = new Date()): Promise<BusTraveller[]> {
  const bus: BusTraveller[] = [];
  for (let index = 0; index < size; index += 1) {
    const person = PEOPLE[index % PEOPLE.length] as (typeof PEOPLE)[number];
    const birthDate = `${1960 + ((index * 7) % 40)}-${pad(1 + (index % 12), 2)}-${pad(1 + ((index * 3) % 28), 2)}`;
    const documentNumber = `BU${pad(index + 1, 7)}`;
    const built = buildMrz({
      format: 'TD3',
      documentCode: 'P',
      issuingState: person.nat,
      nationality: person.nat,
      surname: person.surname,
      givenNames: person.given,
      documentNumber,
      birthDate,
      sex: index % 2 === 0 ? 'M' : 'F',
      expiryDate: `${now.getUTCFullYear() + 3}-06-30`,
    });
    if (!built.ok) throw new Error(`cannot build the MRZ of traveller ${index}: ${JSON.stringify(built.error)}`);
    const expected: Outcome = index % 10 === 3 ? 'NOT_OK' : index % 10 === 7 ? 'NEEDS_CROSS_CHECK' : 'OK';
    const names =
      expected === 'NEEDS_CROSS_CHECK'
        ? { fn: 'Петрова', fnt: 'PETROVA', gn: 'Анна', gnt: 'ANNA' }
        : { fn: person.fn, fnt: person.surname, gn: person.gn, gnt: person.given };
    const hoursAgo = expected === 'NOT_OK' ? 100 : 6 + (index % 20);
    bus.push({
      index,
      name: `${person.surname}, ${person.given}`,
      passportLines: built.value.lines,
      certificate: await pcrCertificate(signer, names, birthDate, hoursAgo, now),
      expected,
      documentNumber,
    });
  }
  return bus;
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

const OUTCOME_WORDS: Record<Outcome, RegExp> = { OK: /^✓\s*OK$/, NOT_OK: /^✕\s*NOT OK$/, NEEDS_CROSS_CHECK: /^!\s*NEEDS CROSS-CHECK$/ };

/** What the lane shows for one traveller, read from the page. */
async function laneShows(page: Page): Promise<{ name: string | null; outcome: string | null; evidence: number; comparison: boolean }> {
  return page.evaluate(() => {
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
    return {
      name: text('decision-name'),
      outcome: text('decision-outcome'),
      evidence: document.querySelectorAll('[data-testid="evidence-item"]').length,
      comparison: document.querySelector('[data-testid="person-comparison"]') !== null,
    };
  });
}

/** Enter on the lane records the traveller on screen; when it does not, the error says what the lane showed. */
export async function recordWithEnter(page: Page, timeoutMs = 15_000): Promise<void> {
  await page.keyboard.press('Enter');
  try {
    await page.getByTestId('recorded-note').waitFor({ timeout: timeoutMs });
  } catch {
    const state = await page.evaluate(() => ({
      error: document.querySelector('[data-testid="error-banner"]')?.textContent ?? null,
      recordButton: document.querySelector('[data-testid="record-button"]') ? { disabled: (document.querySelector('[data-testid="record-button"]') as HTMLButtonElement).disabled } : null,
      focus: document.activeElement?.id ?? document.activeElement?.tagName ?? null,
      scans: performance.getEntriesByName('lane:scan-last-key').length,
    }));
    throw new Error(`Enter did not record: the lane shows ${JSON.stringify(await laneShows(page))}, ${JSON.stringify(state)}`);
  }
}

async function waitFor(page: Page, what: string, test: (shown: Awaited<ReturnType<typeof laneShows>>) => boolean, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  let shown = await laneShows(page);
  while (!test(shown)) {
    if (Date.now() > until) throw new Error(`the lane did not show ${what}; it shows ${JSON.stringify(shown)}`);
    await page.waitForTimeout(50);
    shown = await laneShows(page);
  }
}

/**
 * One traveller at the lane: passport, then certificate, until the panel shows their name, the one
 * certificate and the expected outcome. When a scan came out garbled (on an overloaded test machine a
 * burst can still be cut in two), the operator does what they would at the lane: Esc and scan both
 * documents again. Returns how many attempts it took; throws after `attempts`.
 */
export async function presentTraveller(page: Page, scanner: ScannerKeys, traveller: BusTraveller, attempts = 5, mode: 'queued' | 'paced' = 'queued'): Promise<number> {
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      await page.keyboard.press('Escape');
      await waitFor(page, 'an empty lane', (s) => s.name === null && s.outcome === null);
      await scanner.scan(traveller.passportLines, 2, mode);
      await waitFor(page, `${traveller.name}'s passport`, (s) => s.name === traveller.name && s.evidence === 0);
      await scanner.scan([traveller.certificate], 2, mode);
      await waitFor(page, `${traveller.name} with one certificate, ${traveller.expected}`, (s) => s.name === traveller.name && s.comparison && s.evidence === 1 && OUTCOME_WORDS[traveller.expected].test(s.outcome ?? ''));
      return attempt;
    } catch (error) {
      failures.push(`attempt ${attempt}: ${(error as Error).message}`);
      // Said at once: a re-scan is counted as a pass, so its reason must not be lost.
      console.log(`re-scan of traveller ${traveller.index} (${traveller.name}): ${(error as Error).message}`);
    }
  }
  throw new Error(`traveller ${traveller.index} (${traveller.name}) never came out right:\n${failures.join('\n')}`);
}
