/**
 * Lab-link QR codes through the real station: the administrator imports the lab-link registry (refused whole when
 * one pattern is bad), then a scanned result link is classified to its lab and id. An id on one of that lab's signed
 * lists is verified evidence; a known lab's id on no list is NEEDS CROSS-CHECK naming the lab; an unknown host says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, CoreResult } from '../../../shared/contract';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { OLYMP_CSV, labKeyPair, writeSignedList } from '../../fixtures/lab-lists/lab-list-files';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-02T08:00:00.000Z');
const REGISTRY = {
  format: 'checkpoint-lab-links',
  version: 1,
  patterns: [{ labId: 'kz-olymp', name: 'Olymp Laboratory', country: 'KZ', host: 'result.olymp.kz', path: '/check/{id}' }],
};

function unwrap<T>(result: CoreResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function lane(): Promise<Core> {
  const lab = labKeyPair('Ed25519');
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir: tempDir(), clock: new ManualClock(START), logger: silentLogger, appVersion: 'test', bootstrap: testBootstrap('admin', { roles: ['shift-lead'] }) });
  unwrap(await core.registerLabKey({ labId: 'kz-olymp', name: 'Olymp Laboratory', country: 'KZ', publicKey: lab.publicKeyPem }));
  unwrap(await core.importLabList({ path: writeSignedList(tempDir(), 'olymp-bus.csv', fs.readFileSync(OLYMP_CSV), lab.privateKey) }));
  const dir = tempDir();
  const bad = path.join(dir, 'bad-links.json');
  fs.writeFileSync(bad, JSON.stringify({ ...REGISTRY, patterns: [{ ...REGISTRY.patterns[0], host: 'not a host' }] }));
  const refused = await core.importLabLinks({ path: bad });
  expect(refused.ok || refused.error).toMatchObject({ key: 'labLinks.invalid', message: expect.stringContaining('"not a host" is not a host name') });
  const good = path.join(dir, 'lab-links.json');
  fs.writeFileSync(good, JSON.stringify(REGISTRY));
  expect(unwrap(await core.importLabLinks({ path: good }))).toEqual({ version: 1, patterns: 1 });
  unwrap(await core.logout({}));
  unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));
  return core;
}

describe('lab-link QR codes at the lane', () => {
  it('a link whose id is on the lab’s signed list is verified evidence for its passport', async () => {
    const core = await lane();
    const link = unwrap(await core.scan({ payload: 'https://result.olymp.kz/check/OLY-2021-0601-0003', direction: 'entry' }));
    expect(link.evidence?.[0]).toMatchObject({ kind: 'lab-result', matchedBy: 'link', reference: 'OLY-2021-0601-0003', lab: { name: 'Olymp Laboratory' } });
    const judged = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), joinScanId: link.scanId, direction: 'entry' }));
    // The passport finds the same result on the list: one piece of evidence, not two.
    expect(judged.evidence).toHaveLength(1);
    expect(judged.decision.outcome).toBe('OK');
    await core.close();
  });

  it('a known lab’s id on no list is NEEDS CROSS-CHECK naming the lab; an unknown host says so plainly', async () => {
    const core = await lane();
    const unknownId = unwrap(await core.scan({ payload: 'https://result.olymp.kz/check/OLY-2021-0601-9999', direction: 'entry' }));
    expect(unknownId.evidence?.[0]).toMatchObject({ kind: 'other-qr', labLink: { status: 'classified', labId: 'kz-olymp', resultId: 'OLY-2021-0601-9999' } });
    expect(unknownId.decision.reasons).toContainEqual(
      expect.objectContaining({ code: 'other-qr.lab-link', severity: 'warning', params: { lab: 'Olymp Laboratory', country: 'KZ', resultId: 'OLY-2021-0601-9999' } }),
    );

    const stranger = unwrap(await core.scan({ payload: 'https://covid-results.example.com/r/123', direction: 'entry' }));
    expect(stranger.evidence?.[0]).toMatchObject({ kind: 'other-qr', host: 'covid-results.example.com', labLink: { status: 'unknown-host' } });
    expect(stranger.decision.reasons).toContainEqual(expect.objectContaining({ code: 'other-qr.unknown-host', message: expect.stringContaining('covid-results.example.com, which is not a known lab') }));
    await core.close();
  });
});
