import type { ScanResult, TravelDocument } from '../../contract';
import type { LaneTraveller } from './lane-traveller';

export interface PendingScan {
  readonly result: ScanResult;
  readonly document: TravelDocument | undefined;
  readonly expiresAtMs: number;
  /** The passport and evidence behind `result`; absent for scans that start no traveller (noise). */
  readonly traveller?: LaneTraveller;
  /** Set once recorded, so a retried recordCrossing returns the same row instead of a second one. */
  recordedCrossingId?: string;
  /** Evidence shown after the traveller was recorded: this traveller re-judges that crossing (amendCrossing). */
  readonly amends?: string;
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
    // Re-inserting moves a joined traveller to the end, so eviction drops the oldest untouched one.
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

  /**
   * Travellers decided and not recorded yet, oldest first: the lane's "not yet recorded" strip. One per
   * document (the latest traveller showing it); amendments of recorded crossings are not travellers waiting.
   */
  unrecorded(nowMs: number): PendingScan[] {
    const byDocument = new Map<string, PendingScan>();
    for (const scan of this.pending.values()) {
      if (scan.recordedCrossingId !== undefined || scan.amends !== undefined || !scan.document || !scan.result.decision.recordable || nowMs > scan.expiresAtMs) continue;
      const key = `${scan.document.nationality}/${scan.document.documentNumber}`;
      byDocument.delete(key);
      byDocument.set(key, scan);
    }
    // A document recorded for a later traveller is not waiting any more.
    for (const scan of this.pending.values()) {
      if (scan.recordedCrossingId !== undefined && scan.document) {
        const key = `${scan.document.nationality}/${scan.document.documentNumber}`;
        const waiting = byDocument.get(key);
        if (waiting && Date.parse(waiting.result.receivedAt) <= Date.parse(scan.result.receivedAt)) byDocument.delete(key);
      }
    }
    return [...byDocument.values()].sort((a, b) => Date.parse(a.result.receivedAt) - Date.parse(b.result.receivedAt));
  }
}
