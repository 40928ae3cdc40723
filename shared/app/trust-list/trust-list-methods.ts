import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { TrustListService } from './trust-list-service';

/** The signed-in person (or the station itself) names the change in the audit log. */
const actor = (ctx: CoreContext): string => ctx.session.actor();

/** The status bar shows the list's age and size: screens reload it when it changes. */
function announced<T>(ctx: CoreContext, value: T): T {
  ctx.events.emit({ type: 'log-changed', what: 'setup' }, ctx.onListenerError);
  return value;
}

export function trustListMethods(
  ctx: CoreContext,
  trustLists: TrustListService,
): Pick<CoreApi, 'importTrustList' | 'getTrustList' | 'setTrustListStaleDays'> {
  return {
    importTrustList: defineMethod('importTrustList', async (input) => announced(ctx, await trustLists.import(input.path, actor(ctx))), ctx),
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
    setTrustListStaleDays: defineMethod('setTrustListStaleDays', (input) => announced(ctx, trustLists.setStaleAfterDays(input.staleAfterDays, actor(ctx))), ctx),
  };
}
