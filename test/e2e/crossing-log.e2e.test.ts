import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../shared/app';
import type { Core } from '../../shared/contract';
import type { Role } from '../../shared/domain/auth';
import { startWebHost, type WebHost } from '../../shared/host/web/web-host';
import type { TestSigner } from '../fixtures/dcc/build-dcc';
import { CORRIDOR, PASSPORT_ONLY_PROFILE, manifestCsv, mrzOf, stationAt, traveller, type Traveller } from '../fixtures/corridor/bus';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../support/core-session';
import { unwrap } from '../support/result';
import { screenshotPath } from './support/browser';
import { importTestTrustList, pcrCertificate } from './support/covid-evidence';
import { RENDERER, openStation, type Station } from './support/station';
import { wedgeScan } from './support/wedge';

// Bus 07's manifest: twelve Tajik workers (the corridor fixtures of the integration tests).
const BUS = Array.from({ length: 12 }, (_, i) => traveller(i));
// At the lane: three with a negative PCR certificate (OK), two with their passport only (NOT OK)…
const WITH_CERTIFICATE = [0, 1, 2];
const PASSPORT_ONLY = [3, 4];
// …and a man who is not on the manifest at all.
const STOWAWAY = traveller(500, { documentNumber: 'TJ7777777', surname: 'NOMALUM', givenNames: 'SHAKHS', birthDate: '1988-08-08' });
const ACK_NOTE = 'Escort confirms he boarded in Shymkent; carrier to amend the manifest.';
const OVERRIDE_REASON = 'PCR certificate checked by phone with the issuing laboratory in Dushanbe.';

let station: Station;
let core: Core;
let page: Page;
let signer: TestSigner;
let groupId: string;
let exitCore: Core | undefined;
let exitHost: WebHost | undefined;
let exitDataDir: string | undefined;

async function signIn(role: Role): Promise<void> {
  if (await page.getByTestId('sign-out').isVisible()) await page.getByTestId('sign-out').click();
  await page.getByTestId('login-username').fill(TEST_USERNAME[role]);
  await page.getByTestId('login-pin').fill(TEST_PIN[role]);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('signed-in-user').textContent()).toContain(`Test ${role}`);
}

// What the lane says when a wedge burst reached it in pieces (see `rescans`).
const BROKEN_BURST = /could not be decoded|neither a passport zone nor a certificate|passport zone could not be read/;
/**
 * Bursts the lane received in pieces and the operator scanned again. On a test machine shared by several
 * test runs, Chromium has been seen to hold keys of one burst back for 300–600 ms, longer than the wedge
 * capture's quiet window: the lane then names the broken code ("scan it again") rather than deciding
 * on it, and an operator rescans. Counted and printed, never hidden; any other wrong outcome fails at once.
 */
const rescans: string[] = [];

/** A person takes a second between documents: the page has painted the last decision before the next burst. */
const settled = () => page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 1000 })));

/** Passport (and certificate) by wedge bursts; true when the lane decided as expected, else the panel's words. */
async function scanTraveller(t: Traveller, certificate: string | null): Promise<true | string> {
  const panel = () => page.getByTestId('decision-panel').innerText().catch(() => '');
  const name = `${t.surname}, ${t.givenNames}`;
  await settled();
  await wedgeScan(page, mrzOf(t).split('\n'));
  await expect.poll(async () => (BROKEN_BURST.test(await panel()) ? 'broken' : await page.getByTestId('decision-name').textContent({ timeout: 1000 })), { timeout: 15_000 }).toMatch(new RegExp(`^(broken|${name})$`));
  if (BROKEN_BURST.test(await panel())) return panel();
  if (certificate) {
    await settled();
    await wedgeScan(page, [certificate]);
    // The certificate joins the open passport: NOT OK (no evidence) turns into the joint decision.
    await expect.poll(() => page.getByTestId('decision-outcome').textContent(), { timeout: 15_000, message: t.surname }).not.toContain('NOT OK');
    if (BROKEN_BURST.test(await panel())) return panel();
    expect(await page.getByTestId('decision-outcome').textContent(), await panel()).toMatch(/^✓\s*OK/);
  } else {
    await expect.poll(() => page.getByTestId('decision-outcome').textContent(), { timeout: 15_000, message: t.surname }).toContain('NOT OK');
  }
  return true;
}

/** One traveller at the lane as an operator works: scan, rescan what arrived broken (Esc clears), Enter records. */
async function crossAtLane(t: Traveller, certificate: string | null): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await scanTraveller(t, certificate);
    if (result === true) break;
    if (attempt === 4) throw new Error(`${t.surname}: four scans in a row reached the lane broken; last panel: ${result}`);
    rescans.push(`${t.surname}: ${result.match(BROKEN_BURST)?.[0] ?? ''}`);
    // Esc clears the traveller; the rest of a broken burst may still be on its way, so clear until it stays clear.
    await expect
      .poll(async () => {
        await page.keyboard.press('Escape');
        await settled();
        return page.getByTestId('decision-outcome').count();
      })
      .toBe(0);
  }
  await page.keyboard.press('Enter');
  // Enter records what the outcome allows: OK crosses, NOT OK (passport without a test under the PCR rule) is refused.
  await expect.poll(() => page.getByTestId('recorded-note').textContent(), { timeout: 15_000 }).toMatch(certificate ? /Recorded as entry/ : /Refused: not let through \(entry/);
}

const rows = () => page.getByTestId('manifest-row');
const rowStates = async () => (await rows().evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))).sort();

describe('crossing log screens in Chromium: group, dashboard and consular', () => {
  beforeAll(async () => {
    station = await openStation({
      name: 'crossing-log',
      // The entry end of the corridor (Zhibek Zholy) with an operator, a shift lead and a consular officer.
      core: { bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('shift-lead'), testUser('consular')], signIn: TEST_USERNAME['shift-lead'] } },
      prepare: async (stationCore) => {
        core = stationCore;
        // The admin puts the PCR rule in effect for this corridor (the station's default profile names another one)…
        unwrap(await core.login({ username: TEST_USERNAME.admin, pin: TEST_PIN.admin }));
        const pcrRule = unwrap(await core.getRuleProfile({ id: 'uz-transit-pcr' })).profile;
        unwrap(await core.saveRuleProfile({ profile: { ...pcrRule, version: pcrRule.version + 1, corridor: CORRIDOR.id, effectiveFrom: new Date().toISOString() } }));
        // …and the shift lead sets up the day: trust list, Bus 07 and its carrier's manifest at the lane.
        unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
        signer = await importTestTrustList(core);
        const group = unwrap(await core.createGroup({ corridorId: CORRIDOR.id, label: 'Bus 07', vehiclePlate: '01 A 123 BC', expectedCount: BUS.length }));
        groupId = group.id;
        expect(unwrap(await core.importManifest({ groupId, fileName: 'bus-07.csv', format: 'csv', content: manifestCsv(BUS) }))).toMatchObject({ rowsAdded: 12, problems: [] });
        unwrap(await core.setLaneGroup({ groupId }));
        await core.logout({});
      },
      viewport: { width: 1366, height: 900 },
    });
    page = station.page;
  }, 60_000);

  afterAll(async () => {
    await exitHost?.close();
    exitCore?.close();
    if (exitDataDir) fs.rmSync(exitDataDir, { recursive: true, force: true });
    await station?.close();
  });

  it('the operator signs in and works part of Bus 07 at the lane; the stranger raises a not-on-manifest alert', async () => {
    await signIn('operator');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('scan-input');
    await expect.poll(() => page.getByTestId('lane-group-progress').textContent()).toBe('Bus 07: 0 / 12 processed');
    for (const i of WITH_CERTIFICATE) {
      const t = BUS[i]!;
      await crossAtLane(t, await pcrCertificate(signer, { fn: t.surname, fnt: t.surname, gn: t.givenNames, gnt: t.givenNames }, t.birthDate));
    }
    for (const i of PASSPORT_ONLY) await crossAtLane(BUS[i]!, null);
    await expect.poll(() => page.getByTestId('lane-group-progress').textContent()).toBe('Bus 07: 5 / 12 processed');

    // The stranger shows a valid test, so he crosses, and a crossing not on the manifest raises the alert.
    await crossAtLane(STOWAWAY, await pcrCertificate(signer, { fn: STOWAWAY.surname, fnt: STOWAWAY.surname, gn: STOWAWAY.givenNames, gnt: STOWAWAY.givenNames }, STOWAWAY.birthDate));
    const alert = page.locator('[data-testid="alert-row"][data-type="not-on-manifest"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Not on manifest.*NOMALUM, SHAKHS \(TJ7777777\)/);
    if (rescans.length > 0) console.log(`crossing log e2e: ${rescans.length} burst(s) reached the lane broken and were scanned again: ${rescans.join('; ')}`);
    // Nothing broken was recorded: six crossings, one per person.
    expect(unwrap(await core.listCrossings({ limit: 50 })).total).toBe(6);
  });

  it('group screen: progress, a state per person, the stranger marked, search by name (any script) and document', async () => {
    await page.getByTestId('nav-groups').click();
    await expect.poll(() => page.getByTestId('group-title').textContent()).toBe('Bus 07 · 01 A 123 BC');
    // Five of the twelve on the list were dealt with (three crossed, two refused); the stranger is counted apart.
    await expect.poll(() => page.getByTestId('group-progress').textContent()).toBe('5 / 12 processed, 1 not on the list');
    await expect.poll(() => rows().count()).toBe(13);
    expect(await rowStates()).toEqual([...Array(3).fill('entered'), ...Array(2).fill('refused'), ...Array(7).fill('expected'), 'unexpected'].sort());
    expect(await page.getByTestId('group-counts').textContent()).toMatch(/Expected: 7.*Entered: 3.*Unexpected: 1.*Refused: 2/);
    const stranger = rows().filter({ hasText: 'TJ7777777' });
    expect(await stranger.textContent()).toMatch(/NOMALUM, SHAKHS.*not on manifest/);
    expect(await stranger.getAttribute('data-state')).toBe('unexpected');
    const juraev = rows().filter({ hasText: BUS[4]!.documentNumber });
    expect(await juraev.textContent()).toMatch(/JURAEV, ALISHER.*Refused/);
    expect(await rows().filter({ hasText: BUS[9]!.documentNumber }).textContent()).toMatch(/KHOLOV, ALISHER.*Expected/);
    await page.screenshot({ path: screenshotPath('crossing-log-group'), fullPage: true });

    // Search by document number, by Latin name, and by the Cyrillic spelling a Tajik document uses.
    const search = page.getByTestId('manifest-search');
    await search.fill(BUS[3]!.documentNumber);
    await expect.poll(() => rows().allTextContents()).toEqual([expect.stringMatching(/SAIDOV, ALISHER.*TJ4100003.*Refused/)]);
    await search.fill('nazarov');
    await expect.poll(() => rows().allTextContents()).toEqual([expect.stringMatching(/NAZAROV, ALISHER.*TJ4100002/)]);
    await search.fill('Ҷураев');
    await expect.poll(() => rows().allTextContents()).toEqual([expect.stringMatching(/JURAEV, ALISHER.*TJ4100004/)]);
    await search.fill('TJ999');
    await expect.poll(() => page.getByText('Nobody matches.').isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('crossing-log-group-search') });

    // Keyboard only: clear the search (Escape in a search field), Tab to the status filter and pick "Expected" with the arrows.
    await search.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => rows().count()).toBe(13);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('manifest-state');
    await page.keyboard.press('ArrowDown'); // Everyone → Expected
    await expect.poll(() => rowStates()).toEqual(Array(7).fill('expected'));
    expect(await rows().first().textContent()).toContain(BUS[5]!.documentNumber);
    await page.keyboard.press('ArrowDown'); // → Entered
    await expect.poll(() => rowStates()).toEqual(Array(3).fill('entered'));
    await page.keyboard.press('Home'); // → Everyone
    await expect.poll(() => rows().count()).toBe(13);
  });

  it('the bus departs: "Mark departed" names who becomes No-show and asks first; a shift lead undoes a mark made in error', async () => {
    const neverScanned = [5, 6, 7, 8, 9, 10, 11].map((i) => BUS[i]!);
    const confirmation = page.getByTestId('close-confirm');
    // Asked first, with the seven never scanned by name; "Cancel" changes nothing.
    await page.getByTestId('close-group').click();
    await expect.poll(() => confirmation.getByTestId('close-confirm-people').locator('li').allTextContents()).toEqual(
      neverScanned.map((t) => `${t.surname}, ${t.givenNames} · ${t.documentNumber}`),
    );
    expect(await confirmation.locator('#close-confirm-title').textContent()).toBe('Mark Bus 07 departed? These 7 become “No-show”:');
    await page.getByTestId('close-confirm-no').click();
    await expect.poll(() => confirmation.count()).toBe(0);
    expect(unwrap(await core.getGroup({ groupId })).group.departedAt).toBeNull();
    expect(await rowStates()).toContain('expected');

    await page.getByTestId('close-group').click();
    await page.getByTestId('close-confirm-yes').click();
    await expect.poll(() => page.getByTestId('groups-message').textContent()).toBe('Bus 07 marked departed.');
    await expect.poll(() => rowStates()).toEqual([...Array(3).fill('entered'), ...Array(2).fill('refused'), ...Array(7).fill('no-show'), 'unexpected'].sort());
    expect(await rows().filter({ hasText: BUS[11]!.documentNumber }).textContent()).toMatch(/ASHUROV, ALISHER.*No-show/);
    expect(await page.getByTestId('close-group').count()).toBe(0);
    // The operator may not undo it.
    expect(await page.getByTestId('reopen-group').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('crossing-log-group-departed'), fullPage: true });

    // The shift lead undoes it with a reason: the seven are expected again.
    await signIn('shift-lead');
    await page.getByTestId('nav-groups').click();
    await page.getByTestId('reopen-group').click();
    await page.getByTestId('reopen-reason').fill('Bus still at the gate, the driver came back for the papers');
    await page.getByTestId('reopen-submit').click();
    await expect.poll(() => page.getByTestId('groups-message').textContent()).toBe('Bus 07: “departed” undone.');
    await expect.poll(() => rowStates()).toEqual([...Array(3).fill('entered'), ...Array(2).fill('refused'), ...Array(7).fill('expected'), 'unexpected'].sort());
    expect(unwrap(await core.getGroup({ groupId })).group.departedAt).toBeNull();

    // Then the bus really leaves.
    await page.getByTestId('close-group').click();
    await page.getByTestId('close-confirm-yes').click();
    await expect.poll(() => rowStates()).toEqual([...Array(3).fill('entered'), ...Array(2).fill('refused'), ...Array(7).fill('no-show'), 'unexpected'].sort());
    const detail = unwrap(await core.getGroup({ groupId }));
    expect(detail.counts).toMatchObject({ entered: 3, refused: 2, 'no-show': 7, unexpected: 1, total: 13 });
  });

  it('dashboard for the shift lead: today per corridor and hour with the chart drawn; an alert acknowledged with a note', async () => {
    await signIn('shift-lead');
    await page.getByTestId('nav-dashboard').click();
    const corridor = page.getByTestId('dashboard-corridor').filter({ hasText: CORRIDOR.name });
    await corridor.waitFor();
    const total = (name: string) => corridor.getByTestId(`total-${name}`).textContent();
    // Four crossed (three of the bus and the stranger); the two without a test were refused, not counted as entries.
    await expect.poll(() => total('entries')).toBe('4');
    expect(await total('exits')).toBe('0');
    expect(await total('ok')).toBe('4');
    expect(await total('not-ok')).toBe('2');
    expect(await total('cross-check')).toBe('0');
    expect(await total('refused')).toBe('2');
    expect(await total('overrides')).toBe('0');
    // The entry end sees no exits: who is still inside or overdue is unknown here, shown as a dash, not a false 0.
    expect(await total('in-the-corridor')).toBe('—');
    expect(await total('overdue')).toBe('—');
    // The charts are SVG: the current hour has a bar for the six entries (Recharts draws no zero-height rectangles).
    const bars = corridor.locator('.recharts-bar-rectangle path');
    await expect.poll(() => bars.count()).toBeGreaterThan(0);
    const heights = await bars.evaluateAll((els) => els.map((el) => (el as SVGGraphicsElement).getBBox().height));
    expect(Math.max(...heights)).toBeGreaterThan(0);
    expect((await corridor.locator('.recharts-legend-item-text').allTextContents()).sort()).toEqual(['Cross-check', 'Entries', 'Exits', 'NOT OK', 'OK']);
    const core24 = unwrap(await core.getDashboard({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(core24.corridors.find((c) => c.corridorId === CORRIDOR.id)?.hours.reduce((n, h) => n + h.entries, 0)).toBe(4);

    // Open alerts: the stranger, listed by name; acknowledged with a note it leaves the list and keeps the note.
    const alerts = page.getByTestId('open-alerts');
    const stranger = alerts.locator('[data-testid="alert-row"][data-type="not-on-manifest"]');
    await stranger.waitFor();
    const openBefore = await alerts.getByTestId('alert-row').count();
    expect(await alerts.locator('h2').textContent()).toContain(`(${openBefore})`);
    await page.screenshot({ path: screenshotPath('crossing-log-dashboard'), fullPage: true });

    await stranger.getByTestId('alert-ack').click();
    await stranger.getByTestId('alert-note').fill(ACK_NOTE);
    await stranger.getByTestId('alert-ack-confirm').click();
    await expect.poll(() => alerts.locator('[data-testid="alert-row"][data-type="not-on-manifest"]').count()).toBe(0);
    await expect.poll(() => alerts.getByTestId('alert-row').count()).toBe(openBefore - 1);
    const all = unwrap(await core.listAlerts({ status: 'all' }));
    expect(all.items.find((a) => a.type === 'not-on-manifest')).toMatchObject({ status: 'acknowledged', note: ACK_NOTE });
    await page.screenshot({ path: screenshotPath('crossing-log-dashboard-acknowledged'), fullPage: true });
  });

  it('consular: finds a traveller, reads the history and overrides the NOT OK with a reason, confirmed with their own PIN', async () => {
    await signIn('consular');
    await page.getByTestId('nav-consular').click();
    const saidov = BUS[3]!;
    await page.getByTestId('consular-search').fill(saidov.documentNumber);
    await page.getByTestId('consular-search').press('Enter');
    await expect.poll(() => page.getByTestId('traveller-item').allTextContents()).toEqual([expect.stringMatching(/SAIDOV, ALISHER.*TJ4100003 \(TJK\).*1 crossings/)]);
    await page.getByTestId('traveller-item').click();
    await expect.poll(() => page.getByTestId('history-title').textContent()).toBe(`SAIDOV, ALISHER · ${saidov.documentNumber}`);
    const row = page.getByTestId('history-row');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/ZHIBEK-ZHOLY.*Entry.*UZ-TRANSIT-KZ-TJ.*TJ4100003.*NOT OK/);

    await row.getByTestId('override-open').click();
    expect(await row.getByTestId('override-outcome').inputValue()).toBe('OK');
    await row.getByTestId('override-reason').fill(OVERRIDE_REASON);
    // The same second-person confirmation as admitting a held traveller: without the officer's name and PIN, nothing changes.
    await row.getByTestId('override-submit').click();
    await expect.poll(() => row.getByTestId('override-problem').isVisible()).toBe(true);
    expect(unwrap(await core.getTravellerHistory({ documentNumber: saidov.documentNumber, nationality: 'TJK' })).passages[0]?.override).toBeNull();
    await row.getByTestId('override-username').fill(TEST_USERNAME.consular);
    await row.getByTestId('override-pin').fill(TEST_PIN.consular);
    await row.getByTestId('override-reason').fill(OVERRIDE_REASON);
    await row.getByTestId('override-submit').click();
    await expect.poll(() => page.getByTestId('consular-message').textContent()).toBe('Crossing overridden to OK.');
    await expect.poll(() => row.getByTestId('override-note').textContent()).toContain(`overridden from NOT OK: ${OVERRIDE_REASON}`);
    expect(await row.textContent()).toMatch(/✓?\s*OK/);
    await page.screenshot({ path: screenshotPath('crossing-log-consular'), fullPage: true });

    // Stored in the core, not just painted: the crossing's effective outcome and who overrode it.
    const history = unwrap(await core.getTravellerHistory({ documentNumber: saidov.documentNumber, nationality: 'TJK' }));
    expect(history.passages).toHaveLength(1);
    expect(history.passages[0]).toMatchObject({ effectiveOutcome: 'OK', override: { previousOutcome: 'NOT_OK', reason: OVERRIDE_REASON, authoriserRole: 'consular' } });
  });

  it('exit end (Oybek): the signed group file carries all six, two of the three who entered come out, a stranger too; marked arrived, one is missing', async () => {
    // Entry end: the shift lead exports the signed group file (the USB stick between the two ends).
    unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    const file = unwrap(await core.exportGroupFile({ groupId }));
    // Every crossing of the bus with its state now: three entered, two refused, the stranger.
    expect(file.crossings).toBe(6);
    const identity = unwrap(await core.getStationIdentity({}));

    // Exit end: its own data folder, core and browser host; set up through the core.
    exitDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-crossing-log-exit-'));
    exitCore = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
      dataDir: exitDataDir,
      logger: silentLogger,
      bootstrap: { station: stationAt('exit', 'STN-OYB-01'), users: [testUser('operator'), testUser('shift-lead')], signIn: TEST_USERNAME.admin },
    });
    // Leaving Uzbekistan a valid passport is enough (without a profile a passport alone would be held for consular).
    unwrap(await exitCore.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
    unwrap(await exitCore.trustStation({ stationId: identity.stationId, checkpointId: 'ZHIBEK-ZHOLY', label: 'Zhibek Zholy lane 1', publicKey: identity.publicKey }));
    unwrap(await exitCore.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
    expect(unwrap(await exitCore.importGroupFile({ content: file.content }))).toMatchObject({ groupId, crossingsAdded: 6, manifestAdded: 12 });
    unwrap(await exitCore.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    unwrap(await exitCore.setLaneGroup({ groupId }));
    const ghost = traveller(600, { documentNumber: 'TJ8888888', surname: 'BEGONA', givenNames: 'ODAM', birthDate: '1991-09-09' });
    for (const t of [BUS[0]!, BUS[1]!, ghost]) {
      const scan = unwrap(await exitCore.scan({ payload: mrzOf(t), source: 'wedge' }));
      unwrap(await exitCore.recordCrossing({ scanId: scan.scanId, direction: 'exit' }));
    }
    exitHost = await startWebHost({ core: exitCore, staticDir: RENDERER });
    const exitPage = await station.browser.newPage({ viewport: { width: 1366, height: 900 } });
    exitPage.on('console', (message) => {
      if (message.type() === 'error') station.problems.push(`exit console: ${message.text()}`);
    });
    exitPage.on('pageerror', (error) => station.problems.push(`exit page error: ${error.message}`));
    await exitPage.goto(exitHost.url);
    await exitPage.getByTestId('nav-groups').click();
    const exitRows = exitPage.getByTestId('manifest-row');
    const states = async () => (await exitRows.evaluateAll((els) => els.map((el) => el.getAttribute('data-state')))).sort();
    await expect.poll(() => exitPage.getByTestId('group-progress').textContent()).toBe('2 / 12 processed, 1 not on the list');
    expect(await exitPage.getByText('this station is the exit end').count()).toBe(1);
    const before = [...Array(2).fill('exited'), ...Array(2).fill('refused'), ...Array(7).fill('no-show'), 'unexpected', 'unexpected'];
    await expect.poll(states).toEqual([...before, 'entered'].sort());

    // Asked first: the one who entered and did not come out becomes Missing; the two refused at the entry end never entered.
    await exitPage.getByTestId('close-group').click();
    await expect.poll(() => exitPage.getByTestId('close-confirm-people').locator('li').allTextContents()).toEqual([`${BUS[2]!.surname}, ${BUS[2]!.givenNames} · ${BUS[2]!.documentNumber}`]);
    await exitPage.getByTestId('close-confirm-yes').click();
    await expect.poll(() => exitPage.getByTestId('groups-message').textContent()).toBe('Bus 07 marked arrived.');
    await expect.poll(states).toEqual([...before, 'missing'].sort());
    expect(await exitRows.filter({ hasText: BUS[2]!.documentNumber }).textContent()).toMatch(/NAZAROV, ALISHER.*Missing/);
    for (const t of [BUS[3]!, BUS[4]!]) expect(await exitRows.filter({ hasText: t.documentNumber }).textContent()).toMatch(new RegExp(`${t.surname}, ${t.givenNames}.*Refused`));
    expect(await exitRows.filter({ hasText: BUS[0]!.documentNumber }).textContent()).toMatch(/KARIMOV, ALISHER.*Exited/);
    expect(await exitRows.filter({ hasText: ghost.documentNumber }).textContent()).toMatch(/BEGONA, ODAM.*not on manifest.*Unexpected/);
    await exitPage.screenshot({ path: screenshotPath('crossing-log-group-arrived'), fullPage: true });

    // The lane at the exit end lists the incomplete group by name.
    await exitPage.getByTestId('nav-lane').click();
    const incomplete = exitPage.locator('[data-testid="alert-row"][data-type="group-incomplete"]');
    await incomplete.waitFor();
    expect(await incomplete.textContent()).toMatch(/Group incomplete.*NAZAROV, ALISHER \(TJ4100002\)/);
    expect(await incomplete.textContent()).not.toMatch(/SAIDOV|JURAEV/);
    await exitPage.close();
  });

  it('ran without console errors or CSP violations', () => {
    expect(station.problems).toEqual([]);
  });
});
