import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { JudgedTravellers } from '../scan/judged-travellers';
import { listCrossings } from './list-crossings';
import { recordCrossing } from './record-crossing';
import { withCurrent } from './crossing-current';

export function crossingMethods(ctx: CoreContext, travellers: JudgedTravellers): Pick<CoreApi, 'recordCrossing' | 'listCrossings'> {
  return {
    recordCrossing: defineMethod(
      'recordCrossing',
      async (input) => {
        const { crossing, created } = await recordCrossing(input, ctx, travellers);
        if (created) {
          const { duplicate: _duplicate, alerts: _alerts, ...plain } = crossing;
          ctx.events.emit({ type: 'crossing-recorded', crossing: plain }, ctx.onListenerError);
        }
        if (crossing.alerts.length > 0) ctx.events.emit({ type: 'log-changed', what: 'alerts' }, ctx.onListenerError);
        return crossing;
      },
      ctx,
    ),
    listCrossings: defineMethod('listCrossings', (input) => {
      const page = listCrossings(input, ctx.store);
      return { ...page, items: withCurrent(ctx, page.items) };
    }, ctx),
  };
}
