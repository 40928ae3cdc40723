import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { TrustListService } from './trust-list-service';

/** The signed-in person (or the station itself) names the change in the audit log. */
const actor = (ctx: CoreContext): string => ctx.session.actor();

export function trustListMethods(
  ctx: CoreContext,
  trustLists: TrustListService,
): Pick<CoreApi, 'importTrustList' | 'getTrustList' | 'setTrustListStaleDays'> {
  return {
    importTrustList: defineMethod('importTrustList', (input) => trustLists.import(input.path, actor(ctx)), ctx),
    getTrustList: defineMethod(
      'getTrustList',
      () => {
        const latest = trustLists.latestImport();
        return {
          status: trustLists.status(),
          latestImport: latest ? { ...latest } : null,
          entries: trustLists.entries().map(({ kid, country, subject, notBefore, notAfter, keyUsage }) => ({ kid, country, subject, notBefore, notAfter, keyUsage: [...keyUsage] })),
        };
      },
      ctx,
    ),
    setTrustListStaleDays: defineMethod('setTrustListStaleDays', (input) => trustLists.setStaleAfterDays(input.staleAfterDays, actor(ctx)), ctx),
  };
}
