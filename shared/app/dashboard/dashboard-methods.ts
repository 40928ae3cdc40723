import type { CoreApi, Dashboard, HourBucket } from '../../contract';
import { toAlertViews } from '../alerts/alert-view';
import { sweepOverdue } from '../alerts/sweep-overdue';
import type { CoreContext } from '../core-context';
import { LANE_GROUP_KEY, stationCheckpointId, stationRole } from '../corridors/station-config';
import { defineMethod } from '../define-method';
import { cachedGroupView } from '../groups/group-view-cache';

const HOUR_MS = 3_600_000;

function dashboard(ctx: CoreContext, from: string, to: string): Dashboard {
  const fromMs = Date.parse(from);
  const toMs = Date.parse(to);
  const hours = Math.ceil((toMs - fromMs) / HOUR_MS);
  const emptyHours = (): HourBucket[] =>
    Array.from({ length: hours }, (_, i) => ({ start: new Date(fromMs + i * HOUR_MS).toISOString(), entries: 0, exits: 0, ok: 0, notOk: 0, crossCheck: 0, refused: 0, held: 0 }));
  const checkpointId = stationCheckpointId(ctx);
  const corridors = ctx.repos.corridors.listCorridors();
  const byCorridor = new Map<string | null, Dashboard['corridors'][number]>();
  const ensure = (corridorId: string | null) => {
    let entry = byCorridor.get(corridorId);
    if (!entry) {
      const corridor = corridorId ? corridors.find((c) => c.id === corridorId) : undefined;
      entry = {
        corridorId,
        name: corridor?.name ?? (corridorId ?? 'No corridor'),
        hours: emptyHours(),
        // Only the exit end can count who is still inside (below); elsewhere it is unknown, not zero.
        totals: { entries: 0, exits: 0, ok: 0, notOk: 0, crossCheck: 0, refused: 0, held: 0, heldNow: 0, overrides: 0, overdue: null, inCorridor: null },
      };
      byCorridor.set(corridorId, entry);
    }
    return entry;
  };
  for (const corridor of corridors.filter((c) => c.active && stationRole(c, checkpointId) !== null)) ensure(corridor.id);
  for (const row of ctx.repos.passages.hourlyCounts(fromMs, toMs)) {
    const entry = ensure(row.corridorId);
    const bucket = entry.hours[row.hour];
    if (!bucket) continue;
    // A voided scan is no traveller; a refused or held one is counted as such, never as an entry or exit.
    if (row.disposition === 'cancelled') continue;
    const field = row.disposition === 'crossed' ? (row.direction === 'entry' ? 'entries' : 'exits') : row.disposition;
    const outcome = row.outcome === 'OK' ? 'ok' : row.outcome === 'NOT_OK' ? 'notOk' : 'crossCheck';
    bucket[field] += row.n;
    bucket[outcome] += row.n;
    entry.totals[field] += row.n;
    entry.totals[outcome] += row.n;
  }
  for (const row of ctx.repos.passages.overridesBetween(fromMs, toMs)) ensure(row.corridorId).totals.overrides += row.n;
  for (const row of ctx.repos.passages.heldNow()) ensure(row.corridorId).totals.heldNow += row.n;
  const nowMs = ctx.now().getTime();
  for (const entry of byCorridor.values()) {
    const corridor = entry.corridorId ? corridors.find((c) => c.id === entry.corridorId) : undefined;
    // Only the exit end knows who came out; the entry end cannot tell overdue from on the road.
    if (!corridor || stationRole(corridor, checkpointId) !== 'exit') continue;
    const overdue = ctx.repos.passages.countOpenEntries(corridor.id, nowMs - corridor.maxTransitMinutes * 60_000);
    entry.totals.overdue = overdue;
    entry.totals.inCorridor = ctx.repos.passages.countOpenEntries(corridor.id) - overdue;
  }
  const open = ctx.repos.alerts.list({ status: 'open', limit: 50 });
  return { from, to, corridors: [...byCorridor.values()], openAlerts: toAlertViews(ctx, open.items), openAlertsTotal: open.total };
}

export function dashboardMethods(ctx: CoreContext): Pick<CoreApi, 'getDashboard' | 'getLaneOverview'> {
  return {
    getDashboard: defineMethod(
      'getDashboard',
      (input) => {
        sweepOverdue(ctx);
        return dashboard(ctx, input.from, input.to);
      },
      ctx,
    ),
    getLaneOverview: defineMethod(
      'getLaneOverview',
      () => {
        sweepOverdue(ctx);
        const groupId = ctx.repos.setting(LANE_GROUP_KEY);
        const view = groupId && ctx.repos.groups.get(groupId) ? cachedGroupView(ctx, groupId) : undefined;
        const open = ctx.repos.alerts.list({ status: 'open', limit: 10 });
        return {
          group: view
            ? { id: view.id, label: view.label, corridorId: view.corridorId, stationRole: view.stationRole, processed: view.processed, notOnList: view.notOnList, total: view.total }
            : null,
          recent: ctx.store.listCrossings({ limit: 10 }).items,
          openAlerts: toAlertViews(ctx, open.items),
          openAlertsTotal: open.total,
        };
      },
      ctx,
    ),
  };
}
