import { CoreFailure, type CoreApi } from '../../contract';
import { audit } from '../audit';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import { toAlertViews } from './alert-view';
import { sweepOverdue } from './sweep-overdue';

export function alertMethods(ctx: CoreContext): Pick<CoreApi, 'listAlerts' | 'acknowledgeAlert'> {
  return {
    listAlerts: defineMethod(
      'listAlerts',
      (input) => {
        if (sweepOverdue(ctx) > 0) ctx.events.emit({ type: 'log-changed', what: 'alerts' }, ctx.onListenerError);
        const page = ctx.repos.alerts.list({ status: input.status, ...(input.groupId ? { groupId: input.groupId } : {}), limit: input.limit });
        return { items: toAlertViews(ctx, page.items), total: page.total };
      },
      ctx,
    ),
    acknowledgeAlert: defineMethod(
      'acknowledgeAlert',
      (input) => {
        const user = ctx.session.current;
        const row = ctx.store.transaction(() => {
          const existing = ctx.repos.alerts.get(input.alertId);
          if (!existing) throw new CoreFailure('not-found', 'alert.noSuchAlert');
          if (existing.status !== 'open') throw new CoreFailure('conflict', 'alert.notOpen', { status: existing.status });
          ctx.repos.alerts.acknowledge(existing.id, user?.id ?? 'station', ctx.now().toISOString(), input.note ?? null);
          audit(ctx, 'alert.acknowledged', 'alert', existing.id, { withNote: Boolean(input.note) });
          return ctx.repos.alerts.get(existing.id);
        });
        ctx.events.emit({ type: 'log-changed', what: 'alerts' }, ctx.onListenerError);
        const [view] = toAlertViews(ctx, row ? [row] : []);
        if (!view) throw new CoreFailure('internal', 'alert.vanished');
        return view;
      },
      ctx,
    ),
  };
}
