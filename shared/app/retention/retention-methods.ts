import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { RetentionService } from './retention-service';

/** The admin's retention setting and the purge. */
export function retentionMethods(ctx: CoreContext, retention: RetentionService): Pick<CoreApi, 'getRetention' | 'previewRetention' | 'setRetention' | 'purgeExpired'> {
  return {
    getRetention: defineMethod('getRetention', () => retention.status(), ctx),
    previewRetention: defineMethod('previewRetention', (input) => retention.preview(input.days), ctx),
    setRetention: defineMethod('setRetention', (input) => retention.setDays(input.days, input.erase), ctx),
    purgeExpired: defineMethod('purgeExpired', (input) => retention.purge(input.unexported === undefined ? {} : { unexported: input.unexported }), ctx),
  };
}
