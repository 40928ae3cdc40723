/**
 * The Export screen's panel for what the hub sends down, in Chromium: a station that is never online imports the
 * packages `checkpoint-central package export` wrote to a USB stick (a real hub store on PGlite, real signatures),
 * sees what was applied, sees a second import refused as a replay with its reason, and reads it all in Russian too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../central/cli/run-central-cli';
import { publishPackage } from '../../central/packages/publish-package';
import { openCentralStore } from '../../central/store/open-store';
import type { Core } from '../../shared/contract';
import { RESOURCES } from '../../renderer/i18n/resources';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, stationAt } from '../fixtures/corridor/bus';
import { makeSigner, EKU } from '../fixtures/dcc/build-dcc';
import { gatewayEntries } from '../fixtures/dcc/trust-list-files';
import { testBootstrap } from '../support/core-session';
import { unwrap } from '../support/result';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

const STATION_ID = 'STN-OYB-01';

let station: Station;
let core: Core;
let page: Page;
let hubDir: string;
let stick: string;

/** A hub on PGlite publishes a trust list and a rule profile, then writes the station's packages to a stick. */
async function hubStick(stationKey: { stationId: string; publicKey: string; fingerprint: string }): Promise<{ hubPublicKey: string }> {
  const store = await openCentralStore({ dataDir: hubDir });
  let hubPublicKey: string;
  try {
    hubPublicKey = store.hubKey.publicKey;
    await store.stations.add(stationKey.stationId, { publicKey: stationKey.publicKey, fingerprint: stationKey.fingerprint }, CORRIDOR.id);
    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    await publishPackage(store, { kind: 'trust-list', name: 'dsc-list.json', content: JSON.stringify(await gatewayEntries([signer], 'UZ')), stationId: null, corridorId: null });
    await publishPackage(store, { kind: 'rule-profile', name: 'transit.json', content: JSON.stringify({ ...PASSPORT_ONLY_PROFILE, name: 'Hub profile' }), stationId: null, corridorId: CORRIDOR.id });
  } finally {
    await store.close();
  }
  let stderr = '';
  const code = await runCentralCli(['package', 'export', '--station', stationKey.stationId, '--out', stick, '--data-dir', hubDir], {
    stdin: async () => '',
    stdout: () => undefined,
    stderr: (text) => (stderr += text),
  });
  if (code !== 0) throw new Error(`package export failed: ${stderr}`);
  return { hubPublicKey };
}

describe('packages from the hub on the Export screen, through the browser host in Chromium', () => {
  beforeAll(async () => {
    hubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-hub-'));
    stick = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-stick-'));
    station = await openStation({
      name: 'hub-packages',
      core: { bootstrap: testBootstrap('admin', { station: stationAt('exit', STATION_ID) }) },
      prepare: async (stationCore) => {
        core = stationCore;
        const identity = unwrap(await core.getStationIdentity({}));
        const { hubPublicKey } = await hubStick(identity);
        // The hub's key only: this station has no network route to it, packages come on the stick.
        unwrap(await core.saveExportSettings({ centralUrl: null, hubPublicKey }));
      },
      viewport: { width: 1366, height: 900 },
    });
    ({ page } = station);
    await page.getByTestId('nav-export').click();
    await page.getByTestId('hub-packages').waitFor();
  }, 120_000);

  afterAll(async () => {
    await station?.close();
    for (const dir of [hubDir, stick]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows no contact yet, and cannot poll a hub that has no address', async () => {
    expect(await page.getByTestId('hub-last-contact').textContent()).toBe(RESOURCES.en.export.packages.never);
    expect(await page.getByTestId('hub-packages-applied').textContent()).toBe('0');
    expect(await page.getByTestId('hub-check-now').isDisabled()).toBe(true);
  });

  it('says in words when the stick is not there, and applies nothing', async () => {
    await page.getByTestId('hub-packages-folder').fill(path.join(stick, 'not-plugged-in'));
    await page.getByTestId('hub-packages-import').click();
    await expect.poll(() => page.getByTestId('hub-packages-message').textContent()).toMatch(/^The packages could not be read: .+\. Nothing was applied\.$/);
    expect(await page.getByTestId('hub-packages-message').getAttribute('role')).toBe('alert');
    expect(unwrap(await core.getHubLink({})).packagesApplied).toBe(0);
  });

  it('imports the stick: the trust list and the rules are applied, and the station uses them', async () => {
    await page.getByTestId('hub-packages-folder').fill(stick);
    await page.getByTestId('hub-packages-import').click();
    await expect.poll(() => page.getByTestId('hub-packages-message').textContent()).toBe('Applied: 2, already here: 0, refused: 0.');
    const rows = page.getByTestId('hub-packages-list').locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-outcome')))).toEqual(['applied', 'applied']);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(RESOURCES.en.export.packages.kind['trust-list']);
    await expect.poll(() => page.getByTestId('hub-packages-applied').textContent()).toBe('2');
    // What the screen says is what the core did.
    expect(unwrap(await core.getStatus({})).trustList.entries).toBe(1);
    await page.screenshot({ path: screenshotPath('hub-packages-applied'), fullPage: true });
  });

  it('refuses the same stick again as a replay, naming the package, in the screen’s language', async () => {
    await page.getByTestId('hub-packages-import').click();
    await expect.poll(() => page.getByTestId('hub-packages-message').textContent()).toBe('Applied: 0, already here: 0, refused: 2.');
    const reason = page.getByTestId('hub-packages-list').locator('tbody tr').first().locator('td').nth(3);
    expect(await reason.textContent()).toMatch(/is not newer than package \d+, applied here already/);
    await page.getByTestId('language-select').selectOption('ru');
    await expect.poll(() => page.locator('#hub-packages-title').textContent()).toBe(RESOURCES.ru.export.packages.title);
    // The reason follows the language: the refusal is kept as a key with its values, not as an English sentence.
    expect(await reason.textContent()).toContain(RESOURCES.ru.export.packages.outcome.refused);
    expect(await reason.textContent()).not.toMatch(/is not newer than/);
    const ruResult = RESOURCES.ru.export.packages.result.replace('{{applied}}', '0').replace('{{skipped}}', '0').replace('{{refused}}', '2');
    expect(await page.getByTestId('hub-packages-message').textContent()).toBe(ruResult);
    await page.screenshot({ path: screenshotPath('hub-packages-replay-ru'), fullPage: true });
    await page.getByTestId('language-select').selectOption('en');
    expect(unwrap(await core.getHubLink({})).packagesApplied).toBe(2);
  });
});
