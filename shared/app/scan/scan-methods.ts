import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { DraftStore } from './draft-store';
import { handleScan } from './handle-scan';

export function scanMethods(ctx: CoreContext, drafts: DraftStore): Pick<CoreApi, 'scan'> {
  return {
    scan: defineMethod('scan', (input) => handleScan(input, { now: ctx.now, newId: ctx.newId, drafts }), ctx),
  };
}
