import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, CoreEvent, RecordedCrossing } from '../../../shared/contract';
import { LATEST_SCHEMA_VERSION } from '../../../shared/node/db';
import { EXPIRED_UZBEK_PASSPORT, TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-03-01T08:00:00.000Z');

async function openCore(dataDir = tempDir(), clock = new ManualClock(START)): Promise<{ core: Core; clock: ManualClock; dataDir: string }> {
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, appVersion: 'test', bootstrap: testBootstrap('operator') });
  return { core, clock, dataDir };
}

/** The crossing as listed and pushed in events: without recordCrossing's duplicate flag and alerts. */
const plain = ({ duplicate: _duplicate, alerts: _alerts, ...crossing }: RecordedCrossing) => crossing;

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('createCore: a first crossing end to end', () => {
  it('scans a valid passport zone into a draft with the traveller identified (NOT OK until a COVID test is shown)', async () => {
    const { core } = await openCore();
    const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), source: 'wedge' }));
    expect(scan.classification.kind).toBe('mrz');
    // The default corridor rule profile asks for a negative PCR test: the passport alone is not enough.
    expect(scan.decision).toMatchObject({ outcome: 'NOT_OK', recordable: true });
    expect(scan.decision.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['mrz.valid', 'evidence.missing']));
    expect(scan.ruleProfile).toMatchObject({ id: 'uz-transit-pcr', version: 1 });
    expect(scan.document).toMatchObject({
      documentNumber: TAJIK_PASSPORT.documentNumber,
      surname: TAJIK_PASSPORT.surname,
      givenNames: TAJIK_PASSPORT.givenNames,
      nationality: 'TJK',
      birthDate: TAJIK_PASSPORT.birthDate,
      expiryDate: TAJIK_PASSPORT.expiryDate,
    });
    core.close();
  });

  it('records the confirmed scan in SQLite, and it is still there after a restart', async () => {
    const { core, dataDir } = await openCore();
    const events: CoreEvent[] = [];
    core.subscribe((event) => events.push(event));
    const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const crossing = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
    expect(crossing).toMatchObject({ sequence: 1, direction: 'entry', outcome: scan.decision.outcome, ruleProfileId: 'uz-transit-pcr', ruleProfileVersion: 1, scanSource: 'wedge', recordedAt: START.toISOString(), duplicate: false, alerts: [] });
    expect(crossing.operatorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events).toEqual([{ type: 'crossing-recorded', crossing: plain(crossing) }]);
    core.close();

    const { core: again } = await openCore(dataDir);
    const page = unwrap(await again.listCrossings({}));
    expect(page.total).toBe(1);
    // Listed rows also say where the row stands towards the central system (nothing exported yet).
    expect(page.items[0]).toEqual({ ...plain(crossing), delivery: 'saved' });
    expect(unwrap(await again.getStatus({})).database.crossingsTotal).toBe(1);
    again.close();
  });

  it('returns the same crossing when a confirmation is sent twice (no duplicate row)', async () => {
    const { core } = await openCore();
    const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    const first = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
    const second = unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' }));
    expect(second).toEqual(first);
    expect(unwrap(await core.listCrossings({})).total).toBe(1);
    core.close();
  });

  it('judges an expired passport NOT OK with the reason in plain words', async () => {
    const { core } = await openCore();
    const scan = unwrap(await core.scan({ payload: mrzText(EXPIRED_UZBEK_PASSPORT) }));
    expect(scan.decision.outcome).toBe('NOT_OK');
    expect(scan.decision.reasons.map((r) => r.message)).toContain('The document expired on 2019-01-01.');
    core.close();
  });

  it('classifies certificates, links and noise without pretending they identify anyone', async () => {
    const { core } = await openCore();
    const kinds = async (payload: string) => unwrap(await core.scan({ payload }));
    expect((await kinds('HC1:6BFOXN*TS0BI$ZD4N9:9S6RCVN5+O30K3/XIV0W23NTDE')).classification.kind).toBe('dcc');
    expect((await kinds('https://lab.example.tj/result/123')).classification.kind).toBe('url');
    const text = await kinds('hello operator');
    expect(text.classification.kind).toBe('text');
    expect(text.decision.recordable).toBe(false);
    const refused = await core.recordCrossing({ scanId: text.scanId, direction: 'entry' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    core.close();
  });

  it('refuses a draft older than 15 minutes so decisions are never stale', async () => {
    const { core, clock } = await openCore();
    const scan = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) }));
    clock.advance(15 * 60 * 1000 + 1);
    expect(await core.recordCrossing({ scanId: scan.scanId, direction: 'entry' })).toMatchObject({ ok: false, error: { code: 'expired' } });
    core.close();
  });

  it('answers bad input with typed errors, never exceptions', async () => {
    const { core } = await openCore();
    const cases: [Promise<unknown>, string][] = [
      [core.scan({ payload: '' }), 'invalid-input'],
      [core.scan({ payload: 'x'.repeat(9000) }), 'invalid-input'],
      [core.scan({ payload: 'P<', extra: true } as never), 'invalid-input'],
      [core.scan(null as never), 'invalid-input'],
      [core.recordCrossing({ scanId: 'not-a-uuid', direction: 'entry' }), 'invalid-input'],
      [core.recordCrossing({ scanId: '6f0c1a52-1111-4c1f-9a6b-2a8f4f1e9c00', direction: 'entry' }), 'not-found'],
      [core.recordCrossing({ scanId: '6f0c1a52-1111-4c1f-9a6b-2a8f4f1e9c00', direction: 'sideways' as never }), 'invalid-input'],
      [core.listCrossings({ limit: 0 }), 'invalid-input'],
      [core.listCrossings({ from: '2021-03-02T00:00:00Z', to: '2021-03-01T00:00:00Z' }), 'invalid-input'],
    ];
    for (const [call, code] of cases) {
      const result = (await call) as { ok: boolean; error?: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.code).toBe(code);
      expect(result.error?.message.length).toBeGreaterThan(10);
    }
    core.close();
  });

  it('reports status and refuses calls after close', async () => {
    const { core } = await openCore();
    const status = unwrap(await core.getStatus({}));
    expect(status).toMatchObject({ appVersion: 'test', startedAt: START.toISOString(), database: { schemaVersion: LATEST_SCHEMA_VERSION, crossingsTotal: 0 } });
    expect(status.stationId).toMatch(/^STN-[A-Z2-9]{6}$/);
    core.close();
    expect(await core.getStatus({})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
