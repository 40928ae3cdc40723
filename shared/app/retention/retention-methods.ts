import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { RetentionService } from './retention-service';

/** The admin's retention setting and the purge. */
export function retentionMethods(ctx: CoreContext, retention: RetentionService): Pick<CoreApi, 'getRetention' | 'setRetention' | 'purgeExpired'> {
  return {
    getRetention: defineMethod('getRetention', () => retention.status(), ctx),
    setRetention: defineMethod('setRetention', (input) => retention.setDays(input.days), ctx),
    purgeExpired: defineMethod('purgeExpired', () => retention.purge(), ctx),
  };
}
