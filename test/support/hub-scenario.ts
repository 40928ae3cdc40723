import { refreshJourneyAlerts, refreshStationAlerts } from '../../central/board/alerts-repo';
import { ensureBoardPartitions } from '../../central/board/board-partitions';
import { loadCorridors, saveCorridor } from '../../central/board/corridor-repo';
import { reconcileIngested } from '../../central/board/reconcile-ingested';
import type { Sql } from '../../central/store/sql';
import { bundleCrossingOf, busBundleRows, crossingOf, KZ_UZ_TJ, MIN, T0 } from '../fixtures/corridor/journey-bus';

/** The board's time in the seeded scenario: 20 hours after the bus left Zhibek Zholy. */
export const SCENARIO_NOW = T0 + 20 * 60 * MIN;

/**
 * The seeds' scenario in a hub database (test/fixtures/corridor/journey-bus: a bus of 180 from Zhibek Zholy to
 * Tajikistan, 2 refused at Yallama, 2 held at Oybek, 1 replaced passport, 1 missing), placed on journeys as the
 * ingest places them, with the central alerts refreshed at SCENARIO_NOW.
 */
/** A second bus (with `overdueBus`): three people who left Zhibek Zholy 10 hours in and never reached Yallama. */
export const OVERDUE_GROUP = 'KZ-018';
const overdueBusRows = () => [200, 201, 202].map((i) => bundleCrossingOf(crossingOf(i, 0, 600 + i - 200, { groupId: OVERDUE_GROUP })));

export async function seedBusScenario(sql: Sql, options: { readonly overdueBus?: boolean } = {}): Promise<void> {
  const saved = await saveCorridor(sql, { chain: KZ_UZ_TJ, name: 'Zhibek Zholy → Oybek' }, 'hub-admin');
  if (!saved.ok) throw new Error(saved.error.message);
  const rows = [...busBundleRows(), ...(options.overdueBus ? overdueBusRows() : [])];
  await ensureBoardPartitions(sql, rows.map((r) => Date.parse(r.recordedAt)));
  await sql.transaction((tx) => reconcileIngested(tx, rows));
  await refreshJourneyAlerts(sql, await loadCorridors(sql), SCENARIO_NOW);
  await refreshStationAlerts(sql, SCENARIO_NOW);
}
