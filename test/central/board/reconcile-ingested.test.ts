import { describe, expect, it } from 'vitest';
import { acknowledgeAlert, openAlerts, refreshJourneyAlerts } from '../../../central/board/alerts-repo';
import { ensureBoardPartitions } from '../../../central/board/board-partitions';
import { corridorBoard, groupPeople, journeyDetail, searchPersons } from '../../../central/board/board-queries';
import { loadCorridors, saveCorridor, type RegisteredCorridor } from '../../../central/board/corridor-repo';
import { reconcileIngested } from '../../../central/board/reconcile-ingested';
import type { Sql } from '../../../central/store/sql';
import { BUS, GROUP, KZ_UZ_TJ, MIN, REPLACED_NAME_CYRILLIC, T0, busBundleRows, type BundleCrossing } from '../../fixtures/corridor/journey-bus';
import { centralAdminUrl } from '../../support/central-db';
import { openTestHub } from '../../support/central-store';

let sql: Sql;
let corridors: RegisteredCorridor[];

/** A new hub database with the seeds' corridor registered by a hub administrator. */
async function reset(): Promise<void> {
  sql = (await openTestHub()).sql;
  const saved = await saveCorridor(sql, { chain: KZ_UZ_TJ, name: 'Zhibek Zholy → Oybek' }, 'hub-admin');
  expect(saved.ok).toBe(true);
  corridors = await loadCorridors(sql);
}

async function ingest(rows: readonly BundleCrossing[]) {
  await ensureBoardPartitions(sql, rows.map((r) => Date.parse(r.recordedAt)));
  return sql.transaction((tx) => reconcileIngested(tx, rows));
}

const byStation = (rows: readonly BundleCrossing[]) => {
  const out = new Map<string, BundleCrossing[]>();
  for (const r of rows) out.set(r.stationId, [...(out.get(r.stationId) ?? []), r]);
  return out;
};

const endOfDay = T0 + 20 * 60 * MIN;

async function expectScenario() {
  const board = await corridorBoard(sql, corridors, endOfDay, { sinceMs: T0 - 86_400_000 });
  expect(board).toHaveLength(1);
  const row = board[0]!;
  expect(row).toMatchObject({ groupId: GROUP, people: 180, left: { checkpointId: 'KZ-ZHIBEK-ZHOLY', atMs: T0 } });
  expect(row.steps.map((s) => [s.passed, s.refused, s.held, s.expected, s.missing])).toEqual([
    [180, 0, 0, 0, 0],
    [178, 2, 0, 0, 0],
    [176, 0, 2, 0, 0],
    [175, 0, 0, 0, 1],
  ]);
  expect(row.states).toMatchObject({ arrived: 175, missing: 1, held: 2, refused: 1, returned: 1 });
  const [count] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM journeys');
  expect(count?.n).toBe(180);
}

describe.skipIf(!centralAdminUrl())('reconciliation inside the ingest transaction, on PostgreSQL', () => {
  it('gives the seeds scenario when the four stations send in order', async () => {
    await reset();
    for (const rows of byStation(busBundleRows()).values()) await ingest(rows);
    await expectScenario();
  });

  it('gives the same when the stations send in reverse, one bundle twice, and the Tajik one in two halves out of order', async () => {
    await reset();
    const stations = [...byStation(busBundleRows()).values()].reverse();
    const tj = stations[0]!;
    await ingest(tj.slice(90));
    for (const rows of stations.slice(1)) await ingest(rows);
    await ingest(stations[2]!);
    await ingest(tj.slice(0, 90));
    await expectScenario();
  });

  it('re-does a journey when a correction arrives after the original, and ignores the original arriving after the correction', async () => {
    await reset();
    const rows = busBundleRows();
    const refusal = rows.find((r) => r.stationId === 'st-uz-yallama' && r.id.includes(':11:'))!;
    const wrongFirst = { ...refusal, disposition: 'crossed' as const, revision: 0 };
    const corrected = { ...refusal, revision: 1 };
    await ingest(rows.map((r) => (r.id === refusal.id ? wrongFirst : r)));
    await ingest([corrected]);
    await expectScenario();
    await reset();
    await ingest(rows.map((r) => (r.id === refusal.id ? corrected : r)));
    await ingest([wrongFirst]);
    await expectScenario();
  });

  it('raises the missing person at the Tajik checkpoint, and an acknowledgement with a note lands in the audit trail', async () => {
    await reset();
    await ingest(busBundleRows());
    expect(await refreshJourneyAlerts(sql, corridors, T0 + 14 * 60 * MIN)).toEqual({ raised: 0, updated: 0, resolved: 0 });
    expect(await refreshJourneyAlerts(sql, corridors, endOfDay)).toEqual({ raised: 1, updated: 0, resolved: 0 });
    expect(await refreshJourneyAlerts(sql, corridors, endOfDay + MIN)).toEqual({ raised: 0, updated: 0, resolved: 0 });
    const alerts = await openAlerts(sql, { stationId: 'st-tj-oybek', checkpointIds: ['TJ-OYBEK'] });
    expect(alerts).toMatchObject([{ code: 'journey.missing', checkpointId: 'TJ-OYBEK', params: { count: 1, groupSize: 180, atEnd: 1 }, acknowledged: null }]);
    expect(await openAlerts(sql, { stationId: 'st-uz-yallama', checkpointIds: ['UZ-YALLAMA'] })).toEqual([]);
    const ack = await acknowledgeAlert(sql, alerts[0]!.id, 'coordinator-1', 'Called the bus company');
    expect(ack.ok && ack.value.acknowledged).toMatchObject({ by: 'coordinator-1', note: 'Called the bus company' });
    const again = await acknowledgeAlert(sql, alerts[0]!.id, 'coordinator-1', null);
    expect(again.ok ? null : again.error.code).toBe('alert.already-acknowledged');
    const audit = await sql.query(`SELECT actor, action, details FROM central_audit WHERE action = 'alert.acknowledged'`);
    expect(audit).toMatchObject([{ actor: 'coordinator-1', details: { note: 'Called the bus company' } }]);
    await expect(sql.query('DELETE FROM central_audit')).rejects.toThrow(/append-only/);
    // The missing person turns up: the alert resolves, its acknowledgement kept on the resolved row.
    const missing = busBundleRows().find((r) => r.id.includes(`:${BUS.missing}:`) && r.stationId === 'st-uz-oybek')!;
    await ingest([{ ...missing, id: `st-tj-oybek:entry:${BUS.missing}:1300`, stationId: 'st-tj-oybek', checkpointId: 'TJ-OYBEK', direction: 'entry', recordedAt: new Date(T0 + 1300 * MIN).toISOString() }]);
    expect(await refreshJourneyAlerts(sql, corridors, T0 + 1301 * MIN)).toEqual({ raised: 0, updated: 0, resolved: 1 });
  });

  it('finds a person by document or by name in Cyrillic or Latin, with the whole journey', async () => {
    await reset();
    await ingest(busBundleRows());
    const byCyrillic = await searchPersons(sql, 'ОДИНАЕВ ФИР');
    const replaced = byCyrillic.find((h) => h.documentNumber === 'TJ9900042');
    expect(replaced).toBeDefined();
    expect(await searchPersons(sql, 'tj 990 0042')).toHaveLength(1);
    const detail = await journeyDetail(sql, corridors[0]!, replaced!.journeyKey);
    expect(detail?.summary).toMatchObject({ state: 'arrived', pairedBy: 'identity', documents: ['TJK:TJ4100042', 'TJK:TJ9900042'] });
    expect(detail?.events.map((e) => e.checkpointId)).toEqual(['KZ-ZHIBEK-ZHOLY', 'UZ-YALLAMA', 'UZ-OYBEK', 'TJ-OYBEK']);
    expect(REPLACED_NAME_CYRILLIC).toMatch(/^ОДИНАЕВ/);
    const people = await groupPeople(sql, corridors[0]!, GROUP, endOfDay, T0 - 86_400_000);
    expect(people).toHaveLength(180);
    expect(people.filter((p) => p.state === 'missing')).toHaveLength(1);
  });
});
