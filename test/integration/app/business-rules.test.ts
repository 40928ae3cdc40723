/**
 * EU business rules through the real station: rule files imported into the station's SQLite database (every version
 * kept, bad files refused), then a real signed DCC scanned at the lane with createCore and judged by the newest rules;
 * the crossing records the rule-set version in its reasons.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { BusinessRuleService } from '../../../shared/app/rules/business-rule-service';
import type { Core } from '../../../shared/contract';
import { openStationDatabase, StationStore } from '../../../shared/node/db';
import { EKU, makeDcc, makeSigner, testHcert } from '../../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { testBootstrap, TEST_PIN_HASH_COST } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-02T08:00:00.000Z');
const RUSTAM = { nam: { fn: 'Ҷураев', fnt: 'DZHURAEV', gn: 'Рустам', gnt: 'RUSTAM' }, dob: '1990-01-15' };

/** UZ's test rule: the sample at most `hours` old at the validation clock. */
const rules = (hours: number, version = '1.0.0') =>
  new TextEncoder().encode(
    JSON.stringify([
      {
        Identifier: 'TR-UZ-0001',
        Type: 'Acceptance',
        Country: 'UZ',
        Version: version,
        SchemaVersion: '1.0.0',
        Engine: 'CERTLOGIC',
        EngineVersion: '1.0.0',
        CertificateType: 'Test',
        Description: [{ lang: 'en', desc: `The sample must be at most ${hours} hours old.` }],
        ValidFrom: '2021-01-01T00:00:00Z',
        ValidTo: '2030-01-01T00:00:00Z',
        AffectedFields: ['t.0.sc'],
        Logic: { 'not-after': [{ plusTime: [{ var: 'external.validationClock' }, 0, 'hour'] }, { plusTime: [{ var: 'payload.t.0.sc' }, hours, 'hour'] }] },
      },
    ]),
  );

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function importRules(dataDir: string, bytes: Uint8Array): ReturnType<BusinessRuleService['import']> {
  const store = StationStore.open(dataDir);
  try {
    return new BusinessRuleService({ store, now: () => START }).import(bytes, 'uz-rules.json', 'test');
  } finally {
    store.close();
  }
}

describe('EU business rules at the lane', () => {
  it('keeps every imported version, refuses an unusable file without change, and judges by the newest', async () => {
    const dataDir = tempDir();
    expect(importRules(dataDir, rules(48))).toMatchObject({ version: 1, country: 'UZ', rules: 1 });
    expect(() => importRules(dataDir, new TextEncoder().encode('[{"Identifier": "TR-UZ-0002"}]'))).toThrow(/not imported: TR-UZ-0002: .*The rules in use are unchanged/);
    expect(importRules(dataDir, rules(12, '1.1.0'))).toMatchObject({ version: 2 });

    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    const hcert = testHcert(RUSTAM);
    (hcert.t as Record<string, unknown>[])[0]!.sc = '2021-06-01T08:00:00Z'; // 24 hours before START
    const dcc = await makeDcc(signer, { hcert });

    const lane = async (): Promise<Core> => {
      const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock: new ManualClock(START), logger: silentLogger, appVersion: 'test', bootstrap: testBootstrap('shift-lead') });
      return core;
    };
    let core = await lane();
    unwrap(await core.importTrustList({ path: await writeGatewayTrustList(tempDir(), [signer]) }));
    const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    const judged = unwrap(await core.scan({ payload: dcc, joinScanId: passport.scanId, direction: 'entry' }));
    // The corridor profile (PCR within 72 h) accepts it; UZ's rules version 2 (12 h) do not.
    expect(judged.decision.outcome).toBe('NOT_OK');
    expect(judged.decision.reasons).toContainEqual(expect.objectContaining({ code: 'rules.business-rule-failed', params: { country: 'UZ', rule: 'TR-UZ-0001', description: 'The sample must be at most 12 hours old.' } }));
    expect(judged.evidence?.[0]).toMatchObject({ valid: true, verdict: { outcome: 'NOT_OK' } });
    core.close();

    // A new version that allows 48 hours: the same traveller passes, and the crossing names version 3.
    expect(importRules(dataDir, rules(48, '1.2.0'))).toMatchObject({ version: 3 });
    core = await lane();
    const again = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
    const passed = unwrap(await core.scan({ payload: dcc, joinScanId: again.scanId, direction: 'entry' }));
    expect(passed.decision.outcome).toBe('OK');
    const crossing = unwrap(await core.recordCrossing({ scanId: passed.scanId, direction: 'entry' }));
    expect(crossing.reasons).toContainEqual(expect.objectContaining({ code: 'rules.business-rules', params: { country: 'UZ', version: 3, rules: 1 } }));
    core.close();

    const db = openStationDatabase(dataDir, { readonly: true });
    try {
      expect(db.prepare('SELECT version, rules FROM business_rule_sets ORDER BY version').all()).toEqual([
        { version: 1, rules: 1 },
        { version: 2, rules: 1 },
        { version: 3, rules: 1 },
      ]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'business-rules.imported'").get()).toEqual({ n: 3 });
    } finally {
      db.close();
    }
  });
});
