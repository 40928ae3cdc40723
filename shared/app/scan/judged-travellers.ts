import type { ScanResult, TravelDocument } from '../../contract';
import type { ParkedTravellerRow } from '../../node/db';
import type { LaneTraveller } from './lane-traveller';

export interface JudgedTraveller {
  readonly result: ScanResult;
  readonly document: TravelDocument | undefined;
  readonly expiresAtMs: number;
  /** The passport and evidence behind `result`; absent for scans that start no traveller (noise). */
  readonly traveller?: LaneTraveller;
  /** Set once recorded, so a retried recordCrossing returns the same row instead of a second one. */
  recordedCrossingId?: string;
  /** Evidence shown after the traveller was recorded: this traveller re-judges that crossing (amendCrossing). */
  readonly amends?: string;
  /** Who was signed in at the lane when the traveller was judged (the shift report names them). */
  readonly operatorId?: string | null;
}

export const JUDGEMENT_TTL_MS = 15 * 60 * 1000;
const MAX_JUDGED = 1000;

/** Where travellers waiting for Enter are kept across restarts (the station database's parked_travellers). */
export interface ParkedTravellerStore {
  save(row: ParkedTravellerRow): void;
  remove(scanId: string): void;
  removeDocumentUpTo(documentKey: string, receivedAtMs: number): void;
  all(): ParkedTravellerRow[];
}

const documentKey = (document: TravelDocument): string => `${document.nationality}/${document.documentNumber}`;

/** Decided, with a document, not recorded, not an amendment of a recorded crossing: the lane's Enter is owed. */
const isWaiting = (j: JudgedTraveller): j is JudgedTraveller & { document: TravelDocument } =>
  j.recordedCrossingId === undefined && j.amends === undefined && j.document !== undefined && j.result.decision.recordable;

// A paper certificate's photo is bytes; JSON carries it as base64.
const toJson = (traveller: LaneTraveller | undefined): string =>
  JSON.stringify(traveller ?? null, (_key, value: unknown) => (value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value));
const fromJson = (text: string): LaneTraveller | undefined =>
  (JSON.parse(text, (key, value: unknown) =>
    key === 'bytes' && value !== null && typeof value === 'object' && 'base64' in value ? new Uint8Array(Buffer.from(String(value.base64), 'base64')) : value,
  ) as LaneTraveller | null) ?? undefined;

const isSqliteError = (error: unknown): boolean => typeof (error as { code?: unknown } | null)?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_');

/**
 * Travellers the core judged at the lane, by scan id. The renderer only ever sends back a scan id, so it
 * cannot make the core record an outcome the core did not decide. Those waiting for Enter are also written
 * to the station database, so a restart leaves nobody behind; the rest live in memory for JUDGEMENT_TTL_MS.
 */
export class JudgedTravellers {
  private readonly judged = new Map<string, JudgedTraveller>();

  constructor(private readonly parked?: ParkedTravellerStore) {
    for (const row of parked?.all() ?? []) {
      const result = JSON.parse(row.resultJson) as ScanResult;
      const traveller = fromJson(row.travellerJson);
      this.judged.set(row.scanId, {
        result,
        document: traveller?.passport?.document ?? result.document,
        expiresAtMs: row.expiresAtMs,
        operatorId: row.operatorId,
        ...(traveller ? { traveller } : {}),
      });
    }
  }

  put(scan: JudgedTraveller): void {
    const before = this.judged.get(scan.result.scanId);
    // Re-inserting moves a joined traveller to the end, so eviction drops the oldest untouched one.
    this.judged.delete(scan.result.scanId);
    this.judged.set(scan.result.scanId, scan);
    if (isWaiting(scan)) {
      try {
        this.parked?.save({
          scanId: scan.result.scanId,
          documentKey: documentKey(scan.document),
          receivedAtMs: Date.parse(scan.result.receivedAt),
          expiresAtMs: scan.expiresAtMs,
          travellerJson: toJson(scan.traveller),
          resultJson: JSON.stringify(scan.result),
          operatorId: scan.operatorId ?? null,
        });
      } catch (error) {
        // A full or read-only disk must not hide the decision: the traveller waits in memory, and Enter (a write
        // too) then says what is wrong with the disk. Anything but a SQLite storage error is a defect and surfaces.
        if (!isSqliteError(error)) throw error;
      }
    } else if (before && isWaiting(before)) this.parked?.remove(scan.result.scanId);
    // Map iteration is insertion order: drop the oldest when a lane leaves travellers unconfirmed for hours
    // (from memory only: a parked traveller's row stays, and comes back at the next start).
    while (this.judged.size > MAX_JUDGED) {
      const oldest = this.judged.keys().next().value;
      if (oldest === undefined) break;
      this.judged.delete(oldest);
    }
  }

  get(scanId: string): JudgedTraveller | undefined {
    return this.judged.get(scanId);
  }

  /**
   * The traveller's wait is over: recorded (crossed, refused, held or cancelled), or their evidence re-judged a
   * recorded crossing. Call inside that database transaction, then mark the traveller with `recordedCrossingId`
   * once it committed. Anyone who showed the same document before is not waiting any more either.
   */
  unpark(scan: JudgedTraveller): void {
    if (!this.parked) return;
    this.parked.remove(scan.result.scanId);
    if (scan.document) this.parked.removeDocumentUpTo(documentKey(scan.document), Date.parse(scan.result.receivedAt));
  }

  /**
   * Forgets travellers judged before `cutoffMs`: the retention purge deleted their stored rows (personal data kept
   * past the retention period), so they leave memory too.
   */
  dropBefore(cutoffMs: number): void {
    for (const [scanId, scan] of this.judged) {
      if (Date.parse(scan.result.receivedAt) < cutoffMs) this.judged.delete(scanId);
    }
  }

  /**
   * Travellers decided and not recorded yet, oldest first: the lane's "not yet recorded" strip. One per
   * document (the latest traveller showing it); amendments of recorded crossings are not travellers waiting.
   * They stay listed after their decision's time ran out: Enter then asks for a new scan, nobody is dropped.
   */
  unrecorded(): JudgedTraveller[] {
    const byDocument = new Map<string, JudgedTraveller>();
    for (const scan of this.judged.values()) {
      if (!isWaiting(scan)) continue;
      const key = documentKey(scan.document);
      byDocument.delete(key);
      byDocument.set(key, scan);
    }
    // A document recorded for a later traveller is not waiting any more.
    for (const scan of this.judged.values()) {
      if (scan.recordedCrossingId !== undefined && scan.document) {
        const key = documentKey(scan.document);
        const waiting = byDocument.get(key);
        if (waiting && Date.parse(waiting.result.receivedAt) <= Date.parse(scan.result.receivedAt)) byDocument.delete(key);
      }
    }
    return [...byDocument.values()].sort((a, b) => Date.parse(a.result.receivedAt) - Date.parse(b.result.receivedAt));
  }
}
