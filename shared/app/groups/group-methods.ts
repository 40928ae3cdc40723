import { CoreFailure, type CoreApi } from '../../contract';
import { sweepOverdue } from '../alerts/sweep-overdue';
import { audit, contentHash } from '../audit';
import type { CoreContext } from '../core-context';
import { LANE_GROUP_KEY } from '../corridors/station-config';
import { defineMethod } from '../define-method';
import { closeGroup, previewCloseGroup, reopenGroup } from './close-group';
import { exportGroupFile, importGroupFile } from './group-file';
import { groupDetail, groupView, loadRoster } from './group-view';
import { cachedGroupView } from './group-view-cache';
import { importManifest } from './import-manifest';

type GroupMethods = 'createGroup' | 'listGroups' | 'getGroup' | 'importManifest' | 'setLaneGroup' | 'closeGroup' | 'previewCloseGroup' | 'reopenGroup' | 'exportGroupFile' | 'importGroupFile';

/** `onClosed`: a bus departed or arrived here (its group file goes to the hub when a link is configured). */
export function groupMethods(ctx: CoreContext, onClosed: (groupId: string) => void = () => undefined): Pick<CoreApi, GroupMethods> {
  const changed = (what: 'groups' | 'alerts' | 'pairings') => ctx.events.emit({ type: 'log-changed', what }, ctx.onListenerError);
  return {
    createGroup: defineMethod(
      'createGroup',
      (input) => {
        const corridor = ctx.repos.corridors.getCorridor(input.corridorId);
        if (!corridor || !corridor.active) throw new CoreFailure('not-found', 'group.noActiveCorridor', { corridor: input.corridorId });
        const now = ctx.now().toISOString();
        const group = {
          id: ctx.newId(),
          corridorId: corridor.id,
          label: input.label,
          vehiclePlate: input.vehiclePlate ?? null,
          driverName: input.driverName ?? null,
          escortName: input.escortName ?? null,
          expectedCount: input.expectedCount ?? null,
          plannedDepartureAt: input.plannedDepartureAt ?? null,
          departedAt: null,
          arrivedAt: null,
          originStationId: ctx.stationId,
          createdAt: now,
        };
        ctx.store.transaction(() => {
          ctx.repos.groups.insert(group);
          audit(ctx, 'group.created', 'group', group.id, { corridorId: corridor.id, contentHash: contentHash(group) });
        });
        changed('groups');
        return groupView(loadRoster(ctx, group.id));
      },
      ctx,
    ),
    listGroups: defineMethod(
      'listGroups',
      (input) => ({
        items: ctx.repos.groups.list({ limit: input.limit, ...(input.corridorId ? { corridorId: input.corridorId } : {}) }).map((g) => cachedGroupView(ctx, g.id)),
      }),
      ctx,
    ),
    getGroup: defineMethod(
      'getGroup',
      (input) => {
        sweepOverdue(ctx);
        return groupDetail(ctx, input.groupId, { ...(input.query ? { query: input.query } : {}), ...(input.states ? { states: input.states } : {}) });
      },
      ctx,
    ),
    importManifest: defineMethod(
      'importManifest',
      async (input) => {
        const result = await importManifest(ctx, input);
        if (result.rowsAdded > 0) changed('groups');
        return result;
      },
      ctx,
    ),
    setLaneGroup: defineMethod(
      'setLaneGroup',
      (input) => {
        if (input.groupId !== null && !ctx.repos.groups.get(input.groupId)) throw new CoreFailure('not-found', 'group.noSuchGroup');
        ctx.store.transaction(() => {
          ctx.repos.setSetting(LANE_GROUP_KEY, input.groupId);
          audit(ctx, 'lane.group-selected', 'group', input.groupId ?? '-');
        });
        changed('groups');
        return { groupId: input.groupId };
      },
      ctx,
    ),
    closeGroup: defineMethod(
      'closeGroup',
      (input) => {
        const closed = closeGroup(ctx, input.groupId, input.stage);
        onClosed(input.groupId);
        return closed;
      },
      ctx,
    ),
    previewCloseGroup: defineMethod('previewCloseGroup', (input) => previewCloseGroup(ctx, input.groupId, input.stage), ctx),
    reopenGroup: defineMethod('reopenGroup', (input) => reopenGroup(ctx, input.groupId, input.stage, input.reason), ctx),
    exportGroupFile: defineMethod('exportGroupFile', (input) => exportGroupFile(ctx, input.groupId), ctx),
    importGroupFile: defineMethod(
      'importGroupFile',
      (input) => {
        const result = importGroupFile(ctx, input.content);
        if (!result.alreadyImported) {
          changed('groups');
          changed('alerts');
        }
        return result;
      },
      ctx,
    ),
  };
}
