import type { ScanResult, TravelDocument } from '../../contract';
import type { LaneTransaction } from './lane-transaction';

export interface PendingScan {
  readonly result: ScanResult;
  readonly document: TravelDocument | undefined;
  readonly expiresAtMs: number;
  /** The passport and evidence behind `result`; absent for scans that start no transaction (noise). */
  readonly transaction?: LaneTransaction;
  /** Set once recorded, so a retried recordCrossing returns the same row instead of a second one. */
  recordedCrossingId?: string;
}

export const DRAFT_TTL_MS = 15 * 60 * 1000;
const MAX_PENDING = 1000;

/**
 * Scans waiting for the operator's confirmation. Held in memory on purpose: the renderer only ever
 * sends back a scan id, so it cannot make the core record an outcome the core did not decide.
 */
export class DraftStore {
  private readonly pending = new Map<string, PendingScan>();

  put(scan: PendingScan): void {
    // Re-inserting moves a joined transaction to the end, so eviction drops the oldest untouched one.
    this.pending.delete(scan.result.scanId);
    this.pending.set(scan.result.scanId, scan);
    // Map iteration is insertion order: drop the oldest when a lane leaves drafts unconfirmed for hours.
    while (this.pending.size > MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
  }

  get(scanId: string): PendingScan | undefined {
    return this.pending.get(scanId);
  }
}
