import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { TrustListService } from '../trust-list/trust-list-service';
import type { ExportService } from '../export/export-methods';
import type { RuleProfileService } from '../rules/rule-profile-service';
import type { HubLinkService } from '../central/hub-link';
import type { RetentionService } from '../retention/retention-service';
import { getStatus } from './get-status';
import { laneStatus } from './lane-status';

export function statusMethods(
  ctx: CoreContext,
  trustLists: TrustListService,
  lane?: { readonly rules: RuleProfileService; readonly exportService: ExportService; readonly hubLink?: HubLinkService; readonly retention?: RetentionService },
): Pick<CoreApi, 'getStatus'> {
  return {
    getStatus: defineMethod(
      'getStatus',
      () =>
        getStatus({
          appVersion: ctx.appVersion,
          stationId: ctx.stationId,
          startedAt: ctx.startedAt,
          now: ctx.now,
          store: ctx.store,
          trustList: () => trustLists.status(),
          ...(lane ? { lane: () => laneStatus(ctx, lane.rules, lane.exportService, lane.retention) } : {}),
          ...(lane?.hubLink ? { hub: lane.hubLink.summary.bind(lane.hubLink) } : {}),
        }),
      ctx,
    ),
  };
}
