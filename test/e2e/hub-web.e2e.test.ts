import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubUsers } from '../../central/auth/hub-users';
import { createHubServer } from '../../central/server/create-server';
import { openCentralStore, type CentralStore } from '../../central/store/open-store';
import { GROUP, REPLACED_NAME_CYRILLIC } from '../fixtures/corridor/journey-bus';
import { OVERDUE_GROUP, SCENARIO_NOW, seedBusScenario } from '../support/hub-scenario';
import { screenshotPath, sharedChromium } from './support/browser';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WEB_ROOT = path.resolve('dist/central-web');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core evaluated through the DevTools protocol (the hub page's CSP refuses an added script, rightly). */
async function seriousViolations(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${label}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let store: CentralStore;
let app: FastifyInstance;
let url: string;
let context: BrowserContext;
let page: Page;
let password: string;
let adminPassword: string;
const findings: string[] = [];

describe('the hub web UI in Chromium, against a running hub on PGlite with the seeds scenario', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) throw new Error('the hub web UI is not built: run `npm run build` first');
    store = await openCentralStore({ dataDir: null });
    await seedBusScenario(store.sql, { overdueBus: true });
    const users = new HubUsers(store.sql, { N: 1024, r: 8, p: 1 });
    ({ password } = await users.add('aigerim', 'coordinator', 'e2e'));
    ({ password: adminPassword } = await users.add('timur', 'hub-admin', 'e2e'));
    app = createHubServer(store, { now: () => new Date(SCENARIO_NOW), webRoot: WEB_ROOT });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    context = await (await sharedChromium()).newContext({ viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await store?.close();
  });

  it('signs in: a wrong password is refused in a sentence, the right one opens the corridor board', async () => {
    await page.goto(url);
    await page.getByTestId('sign-in-name').fill('aigerim');
    findings.push(...(await seriousViolations(page, 'sign-in')));
    await page.getByTestId('sign-in-secret').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The user name or the password is wrong.');
    await page.getByTestId('sign-in-secret').fill(password);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId(`bus-${GROUP}`).count()).toBe(1);
    // The cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('shows the scenario on the board: per checkpoint passed / refused / held / missing, the rows coloured by state', async () => {
    const row = page.getByTestId(`bus-${GROUP}`);
    await expect.poll(() => row.locator('td.hub-board__step').allTextContents()).toEqual([
      '180 passed',
      '178 passed2 refused',
      '176 passed2 held',
      '175 passed1 missing',
    ]);
    expect(await row.getAttribute('class')).toBe('hub-tone--missing');
    const overdue = page.getByTestId(`bus-${OVERDUE_GROUP}`);
    expect(await overdue.getAttribute('class')).toBe('hub-tone--overdue');
    expect(await overdue.locator('td.hub-board__step').allTextContents()).toEqual(['3 passed', '0 passed3 expected', '0 passed', '0 passed']);
    await page.screenshot({ path: screenshotPath('hub-board'), fullPage: true });
    findings.push(...(await seriousViolations(page, 'board')));
  });

  it('opens the bus: its 180 people, the missing one first, last seen at Oybek', async () => {
    await page.getByRole('button', { name: `Open bus ${GROUP}` }).click();
    await expect.poll(() => page.getByTestId('person-row').count()).toBe(180);
    const first = page.getByTestId('person-row').first();
    expect(await first.locator('td').nth(2).textContent()).toBe('missing');
    expect(await first.locator('td').nth(3).textContent()).toMatch(/^UZ-OYBEK, /);
    await page.screenshot({ path: screenshotPath('hub-bus') });
    findings.push(...(await seriousViolations(page, 'bus')));
    await page.getByTestId('bus-close').click();
  });

  it('finds the person with the replaced passport by the Cyrillic name, with the journey across four checkpoints', async () => {
    await page.getByTestId('nav-persons').click();
    await page.getByTestId('persons-query').fill(REPLACED_NAME_CYRILLIC.toLowerCase());
    await page.getByTestId('persons-search').click();
    await expect.poll(() => page.getByTestId('person-hit').count()).toBe(1);
    await page.getByTestId('person-hit').click();
    await expect.poll(() => page.getByTestId('journey-event').locator('th').allTextContents()).toEqual(['KZ-ZHIBEK-ZHOLY', 'UZ-YALLAMA', 'UZ-OYBEK', 'TJ-OYBEK']);
    expect(await page.getByTestId('journey').getByTestId('person-row').locator('td').first().textContent()).toContain('paired by identity');
    await page.screenshot({ path: screenshotPath('hub-person'), fullPage: true });
    findings.push(...(await seriousViolations(page, 'persons')));
  });

  it('acknowledges the overdue alert with a note, which goes into the central audit trail', async () => {
    await page.getByTestId('nav-alerts').click();
    const overdue = page.getByTestId('alert-journey.overdue');
    await expect.poll(() => overdue.locator('th').textContent()).toBe(`3 of bus ${OVERDUE_GROUP} overdue at UZ-YALLAMA (warning)`);
    findings.push(...(await seriousViolations(page, 'alerts')));
    await overdue.getByTestId('alert-note').fill('Driver reached by phone: tyre change at Shymkent');
    await overdue.getByTestId('alert-acknowledge').click();
    await expect.poll(() => page.getByTestId('alerts-status').textContent()).toBe('Alert acknowledged.');
    await expect.poll(() => overdue.locator('td').last().textContent()).toMatch(/^Acknowledged by aigerim at .*Driver reached by phone/);
    const audit = await store.sql.query<{ actor: string; details: { note: string } }>(`SELECT actor, details FROM central_audit WHERE action = 'alert.acknowledged'`);
    expect(audit).toEqual([{ actor: 'aigerim', details: expect.objectContaining({ note: 'Driver reached by phone: tyre change at Shymkent' }) }]);
    await page.screenshot({ path: screenshotPath('hub-alerts'), fullPage: true });
  });

  it('station health and statistics (with the chart) open; the board speaks Russian when chosen; no serious or critical axe finding anywhere', async () => {
    await page.getByTestId('nav-statistics').click();
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    findings.push(...(await seriousViolations(page, 'statistics')));
    await page.screenshot({ path: screenshotPath('hub-statistics'), fullPage: true });
    await page.getByTestId('nav-stations').click();
    await expect.poll(() => page.getByText('No station is registered.').count()).toBe(1);
    await page.getByTestId('language-select').selectOption('ru');
    await page.getByTestId('nav-board').click();
    await expect.poll(() => page.getByTestId(`bus-${GROUP}`).locator('td.hub-board__step').last().textContent()).toBe('прошли: 175пропали: 1');
    findings.push(...(await seriousViolations(page, 'board-ru')));
    await page.screenshot({ path: screenshotPath('hub-board-ru'), fullPage: true });
    expect(findings).toEqual([]);
  });

  it('a hub administrator sees only station health and the corridors (keys and legs); the board is refused by the hub itself', async () => {
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-name').fill('timur');
    await page.getByTestId('sign-in-secret').fill(adminPassword);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.locator('.hub-nav button').allTextContents()).toEqual(['Состояние станций', 'Коридоры']);
    await page.getByTestId('nav-corridors').click();
    await expect.poll(() => page.getByTestId('corridor-KZ-UZ-TJ').locator('tbody th').allTextContents()).toEqual(['KZ-ZHIBEK-ZHOLY', 'UZ-YALLAMA', 'UZ-OYBEK', 'TJ-OYBEK']);
    expect(await page.getByTestId('corridor-KZ-UZ-TJ').locator('tbody tr').first().locator('td').last().textContent()).toBe('обычно 60 мин, не более 180 мин');
    expect(await seriousViolations(page, 'corridors')).toEqual([]);
    await page.screenshot({ path: screenshotPath('hub-corridors-ru'), fullPage: true });
    expect(await page.evaluate(async () => (await fetch('/api/board')).status)).toBe(403);
    // The session ends at the hub (expiry, sign-out elsewhere): the next screen's call brings the sign-in back.
    await store.sql.query('UPDATE central_sessions SET ended_at = now() WHERE ended_at IS NULL');
    await page.getByTestId('nav-stations').click();
    await expect.poll(() => page.getByTestId('sign-in-name').count()).toBe(1);
  });
});
