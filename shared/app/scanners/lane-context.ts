import type { Direction } from '../../domain/rules';

/** What a lane screen is set to; scans from host-owned devices are judged with it. */
export interface LaneContext {
  readonly direction: Direction;
  readonly corridorId: string | undefined;
  /** The traveller on screen (a scan from a device joins it), or null when the lane is idle. */
  readonly openScanId: string | null;
}

const IDLE: LaneContext = { direction: 'entry', corridorId: undefined, openScanId: null };

export class LaneContexts {
  private readonly lanes = new Map<string, LaneContext>();

  get(lane: string): LaneContext {
    return this.lanes.get(lane) ?? IDLE;
  }

  set(lane: string, context: LaneContext): void {
    this.lanes.set(lane, context);
  }

  /** A device scan opened or joined a transaction: the next device scan joins it too. */
  opened(lane: string, scanId: string): void {
    this.lanes.set(lane, { ...this.get(lane), openScanId: scanId });
  }
}
