import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../shared/contract';
import { EKU, makeSigner } from '../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../fixtures/dcc/trust-list-files';
import { testBootstrap } from '../support/core-session';
import { screenshotPath } from './support/browser';
import { openStation, type Station } from './support/station';

const DAY = 24 * 3_600_000;

let station: Station;
let core: Core;
let page: Page;
let usb: string;

describe('rules and trust list screen (admin) in Chromium', () => {
  beforeAll(async () => {
    usb = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-e2e-usb-'));
    station = await openStation({ name: 'rules', core: { bootstrap: testBootstrap('admin') } });
    ({ core, page } = station);
    await page.getByTestId('nav-rules').click();
    await page.getByTestId('trust-list-section').waitFor();
  });

  afterAll(async () => {
    await station?.close();
    if (usb) fs.rmSync(usb, { recursive: true, force: true });
  });

  it('imports a trust list from a file on the USB stick and lists its signers', async () => {
    await expect.poll(() => page.getByTestId('trust-list-summary').textContent()).toContain('No trust list imported');
    const now = Date.now();
    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test], commonName: 'Ministry of Health test DSC', notBefore: new Date(now - 30 * DAY), notAfter: new Date(now + 365 * DAY) });
    const file = await writeGatewayTrustList(usb, [signer], 'uz-trust-list.json');
    await page.getByTestId('trust-import-path').fill(file);
    await page.getByTestId('trust-import').click();
    await expect.poll(() => page.getByTestId('trust-list-message').textContent()).toBe('Trust list imported. Signing certificates: 1.');
    await expect.poll(() => page.getByTestId('trust-list-summary').textContent()).toMatch(/^Signing certificates: 1\. Imported .* \(0 days ago\) from uz-trust-list\.json\./);
    expect(await page.getByTestId('trust-list-entries').textContent()).toContain('Ministry of Health test DSC');
    // The status bar follows at once: the lane must not keep warning about a missing list.
    await expect.poll(() => page.getByTestId('trust-list-status').textContent()).toMatch(/Trust list: 1 signers, imported today/);
  });

  it('refuses a damaged file in words and keeps the list it had', async () => {
    const broken = path.join(usb, 'broken.json');
    fs.writeFileSync(broken, '[{"kid": "abc", "country": "UZ", "certificateType": "DSC", "rawData": "not base64 DER"');
    await page.getByTestId('trust-import-path').fill(broken);
    await page.getByTestId('trust-import').click();
    await expect.poll(() => page.getByTestId('trust-list-message').getAttribute('role')).toBe('alert');
    const message = await page.getByTestId('trust-list-message').textContent();
    expect(message).toMatch(/broken\.json|JSON/);
    expect(await page.getByTestId('trust-list-summary').textContent()).toMatch(/^Signing certificates: 1\./);
    const kept = await core.getTrustList({});
    expect(kept.ok && kept.value.entries.map((entry) => entry.subject)).toEqual([expect.stringContaining('Ministry of Health test DSC')]);
  });

  it('shows where an edited rule profile is wrong and will not save it', async () => {
    await page.getByTestId('rule-open-uz-transit-pcr').click();
    const editor = page.getByTestId('rule-editor');
    const original = await editor.inputValue();
    expect(JSON.parse(original)).toMatchObject({ id: 'uz-transit-pcr', accept: { pcr: { maxAgeHours: 72 } } });
    expect(original).not.toContain('"version"');
    await editor.fill(original.replace('"maxAgeHours": 72', '"maxAgeHours": -5'));
    await expect.poll(() => page.getByTestId('rule-problems').textContent()).toContain('accept.pcr.maxAgeHours');
    expect(await page.getByTestId('rule-save').isDisabled()).toBe(true);
    await editor.fill('{ "id": ');
    await expect.poll(() => page.getByTestId('rule-problems').textContent()).toMatch(/JSON/);
  });

  it('saves a stricter rule as version 2 and keeps version 1 in the history', async () => {
    const editor = page.getByTestId('rule-editor');
    await page.getByTestId('rule-open-uz-transit-pcr').click();
    const original = await editor.inputValue();
    await editor.fill(original.replace('"maxAgeHours": 72', '"maxAgeHours": 48'));
    await page.getByTestId('rule-save').click();
    await expect.poll(() => page.getByTestId('rules-message').textContent()).toMatch(/^Saved uz-transit-pcr as version 2\./);
    const rows = await page.getByTestId('rule-profile-row').allTextContents();
    expect(rows.filter((row) => /v2/.test(row))).toHaveLength(1);
    expect(rows.some((row) => /v1/.test(row))).toBe(true);
    // The core has both versions: the new one for decisions from now on, the old one for crossings judged by it.
    const latest = await core.getRuleProfile({ id: 'uz-transit-pcr' });
    const first = await core.getRuleProfile({ id: 'uz-transit-pcr', version: 1 });
    expect(latest.ok && latest.value.profile).toMatchObject({ version: 2, accept: { pcr: { maxAgeHours: 48 } } });
    expect(first.ok && first.value.profile).toMatchObject({ version: 1, accept: { pcr: { maxAgeHours: 72 } } });
    await page.screenshot({ path: screenshotPath('rules-and-trust-list'), fullPage: true });
  });

  it('ran without console errors', () => {
    expect(station.problems).toEqual([]);
  });
});
