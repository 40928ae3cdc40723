import type Database from 'better-sqlite3';
import type { Outcome } from '../../contract';
import type { Evidence } from '../../domain/evidence';

export interface EvidenceRow {
  readonly evidence: Evidence;
  readonly outcome: Outcome;
  readonly photo?: { readonly bytes: Uint8Array; readonly type: 'image/jpeg' | 'image/png' };
}

/** Evidence shown at a crossing; written in the crossing's own transaction. */
export class EvidenceRepo {
  private readonly insertStatement: Database.Statement;
  private readonly byCrossing: Database.Statement<[string], { summary_json: string; outcome: Outcome }>;

  constructor(db: Database.Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO evidence (id, crossing_id, kind, captured_at, payload_sha256, outcome, summary_json, photo, photo_type)
       VALUES (@id, @crossingId, @kind, @capturedAt, @payloadSha256, @outcome, @summaryJson, @photo, @photoType)`,
    );
    this.byCrossing = db.prepare('SELECT summary_json, outcome FROM evidence WHERE crossing_id = ? ORDER BY captured_at, id');
  }

  insertForCrossing(crossingId: string, rows: readonly EvidenceRow[]): void {
    for (const { evidence, outcome, photo } of rows) {
      this.insertStatement.run({
        id: evidence.id,
        crossingId,
        kind: evidence.kind,
        capturedAt: evidence.capturedAt,
        payloadSha256: evidence.kind === 'paper-lab' ? null : evidence.payloadSha256,
        outcome,
        summaryJson: JSON.stringify(evidence),
        photo: photo ? Buffer.from(photo.bytes) : null,
        photoType: photo?.type ?? null,
      });
    }
  }

  forCrossing(crossingId: string): { evidence: Evidence; outcome: Outcome }[] {
    return this.byCrossing.all(crossingId).map((row) => ({ evidence: JSON.parse(row.summary_json) as Evidence, outcome: row.outcome }));
  }
}
