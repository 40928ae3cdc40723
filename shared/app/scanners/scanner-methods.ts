import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import type { ScannerService } from './scanner-service';

export function scannerMethods(
  ctx: CoreContext,
  scanners: ScannerService,
): Pick<CoreApi, 'listScanners' | 'getScannerStatus' | 'assignScanner' | 'unassignScanner' | 'getScannerFeed' | 'setLaneContext' | 'getWedgeSettings' | 'saveWedgeSettings'> {
  return {
    listScanners: defineMethod('listScanners', () => scanners.list(), ctx),
    getScannerStatus: defineMethod('getScannerStatus', () => ({ scanners: scanners.statuses() }), ctx),
    assignScanner: defineMethod('assignScanner', (input) => scanners.assign(input.assignment), ctx),
    unassignScanner: defineMethod('unassignScanner', (input) => scanners.unassign(input.deviceId), ctx),
    getScannerFeed: defineMethod('getScannerFeed', (input) => ({ entries: scanners.feed(input.limit, input.deviceId) }), ctx),
    getWedgeSettings: defineMethod('getWedgeSettings', () => scanners.wedge(), ctx),
    saveWedgeSettings: defineMethod('saveWedgeSettings', (input) => scanners.saveWedge(input.settings), ctx),
    setLaneContext: defineMethod(
      'setLaneContext',
      (input) => {
        scanners.lanes.set(input.lane, { direction: input.direction, corridorId: input.corridorId, openScanId: input.openScanId });
        return { lane: input.lane, direction: input.direction, openScanId: input.openScanId };
      },
      ctx,
    ),
  };
}
