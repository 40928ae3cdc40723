import { useEffect, useRef } from 'react';
import { DEFAULT_LANE, type CoreError, type Direction, type ScanResult } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

/**
 * Scans from devices the host owns (HID, serial readers) are judged by the core, not by this screen:
 * the lane tells the core what it is set to (direction, the traveller on screen) and shows what the
 * core pushes back for this lane.
 */
export function useDeviceScans(options: {
  readonly direction: Direction;
  /** The traveller on screen, still open for more evidence; null when the lane is idle or recorded. */
  readonly openScanId: string | null;
  readonly onScan: (scan: ScanResult) => void;
  readonly onRejected: (error: CoreError) => void;
  readonly lane?: string;
}): void {
  const core = useCore();
  const lane = options.lane ?? DEFAULT_LANE;
  const handlers = useRef(options);
  useEffect(() => {
    handlers.current = options;
  });

  useEffect(() => {
    // Refused (e.g. an admin at the lane) or unreachable: device scans then start a new traveller, nothing more.
    void core.setLaneContext({ lane, direction: options.direction, openScanId: options.openScanId });
  }, [core, lane, options.direction, options.openScanId]);

  useEffect(
    () =>
      core.onEvent((event) => {
        if (event.type === 'scan-received' && event.lane === lane) handlers.current.onScan(event.scan);
        else if (event.type === 'scan-rejected' && event.lane === lane) handlers.current.onRejected(event.error ?? { code: 'forbidden', message: event.message });
      }),
    [core, lane],
  );
}
