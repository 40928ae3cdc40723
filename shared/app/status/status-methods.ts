import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { TrustListService } from '../trust-list/trust-list-service';
import { getStatus } from './get-status';

export function statusMethods(ctx: CoreContext, trustLists: TrustListService): Pick<CoreApi, 'getStatus'> {
  return {
    getStatus: defineMethod(
      'getStatus',
      () => getStatus({ appVersion: ctx.appVersion, stationId: ctx.stationId, startedAt: ctx.startedAt, now: ctx.now, store: ctx.store, trustList: () => trustLists.status() }),
      ctx,
    ),
  };
}
