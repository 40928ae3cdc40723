import type Database from 'better-sqlite3';
import { StatementCache } from './statement-cache';

/** A traveller decided at the lane and not recorded yet, as stored (the JSON is the core's own judgement). */
export interface ParkedTravellerRow {
  readonly scanId: string;
  /** `nationality/documentNumber` */
  readonly documentKey: string;
  readonly receivedAtMs: number;
  readonly expiresAtMs: number;
  readonly travellerJson: string;
  readonly resultJson: string;
  /** Who scanned the traveller (signed in at the lane); null on rows from before migration 0018. */
  readonly operatorId: string | null;
}

interface DbRow {
  scan_id: string;
  document_key: string;
  received_at_ms: number;
  expires_at_ms: number;
  traveller_json: string;
  result_json: string;
  operator_id: string | null;
}

/** Travellers waiting for Enter, kept across restarts; rows leave when the traveller is recorded or cancelled. */
export class ParkedTravellersRepo {
  private readonly statements: StatementCache;

  constructor(db: Database.Database) {
    this.statements = new StatementCache(db);
  }

  save(row: ParkedTravellerRow): void {
    this.statements
      .get(
        `INSERT INTO parked_travellers (scan_id, document_key, received_at_ms, expires_at_ms, traveller_json, result_json, operator_id)
         VALUES (@scanId, @documentKey, @receivedAtMs, @expiresAtMs, @travellerJson, @resultJson, @operatorId)
         ON CONFLICT (scan_id) DO UPDATE SET document_key = excluded.document_key, received_at_ms = excluded.received_at_ms,
           expires_at_ms = excluded.expires_at_ms, traveller_json = excluded.traveller_json, result_json = excluded.result_json,
           operator_id = excluded.operator_id`,
      )
      .run(row);
  }

  remove(scanId: string): void {
    this.statements.get('DELETE FROM parked_travellers WHERE scan_id = ?').run(scanId);
  }

  /** A traveller with this document was recorded: whoever showed it before is not waiting any more. */
  removeDocumentUpTo(documentKey: string, receivedAtMs: number): void {
    this.statements.get('DELETE FROM parked_travellers WHERE document_key = ? AND received_at_ms <= ?').run(documentKey, receivedAtMs);
  }

  /** Oldest first. */
  all(): ParkedTravellerRow[] {
    return (this.statements.get('SELECT * FROM parked_travellers ORDER BY received_at_ms, rowid').all() as DbRow[]).map((r) => ({ scanId: r.scan_id, documentKey: r.document_key, receivedAtMs: r.received_at_ms, expiresAtMs: r.expires_at_ms, travellerJson: r.traveller_json, resultJson: r.result_json, operatorId: r.operator_id }));
  }
}
