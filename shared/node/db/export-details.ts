import type Database from 'better-sqlite3';
import type { Disposition, Outcome } from '../../contract';

/** A user as bundles name them. */
export interface ExportUserRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

export interface ExportOverrideRow {
  readonly id: string;
  readonly crossingId: string;
  readonly previousOutcome: Outcome;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly operatorId: string;
  readonly at: string;
  readonly authorisedBy: string | null;
  readonly authoriserRole: string | null;
  readonly previousDisposition: Disposition | null;
  readonly disposition: Disposition | null;
}

export interface ExportCorrectionRow {
  readonly id: string;
  readonly crossingId: string;
  readonly kind: string;
  readonly disposition: Disposition | null;
  readonly direction: 'entry' | 'exit' | null;
  readonly outcome: Outcome | null;
  readonly reasonsJson: string | null;
  readonly groupId: string | null;
  readonly reason: string;
  readonly operatorId: string | null;
  readonly overrideId: string | null;
  readonly at: string;
}

/** An evidence row's summary fields, read out of its JSON by SQLite (the whole certificate is never parsed here). */
export interface ExportEvidenceRow {
  readonly id: string;
  readonly crossingId: string;
  readonly kind: string;
  readonly capturedAt: string;
  readonly outcome: Outcome;
  readonly certificateType: string | null;
  readonly issuer: string | null;
  readonly certificateId: string | null;
  readonly testType: string | null;
  readonly sampleTime: string | null;
  readonly testResult: string | null;
}

export interface ExportPairingRow {
  readonly entryId: string;
  readonly exitId: string;
  readonly method: string;
  readonly transitMinutes: number;
}

/** What bundle format v2 writes about each crossing of a page, fetched for the whole page at once. */
export interface CrossingDetails {
  readonly overrides: readonly ExportOverrideRow[];
  readonly corrections: readonly ExportCorrectionRow[];
  readonly evidence: readonly ExportEvidenceRow[];
  readonly pairings: readonly ExportPairingRow[];
}

// Each kind of evidence keeps its fields under its own names (evidence.ts): one coalesce reads them all.
const EVIDENCE_SQL = `SELECT id, crossing_id AS crossingId, kind, captured_at AS capturedAt, outcome,
    coalesce(json_extract(summary_json, '$.certificateType'), CASE kind WHEN 'paper-lab' THEN 'test' END) AS certificateType,
    coalesce(json_extract(summary_json, '$.test.issuer'), json_extract(summary_json, '$.vaccination.issuer'),
      json_extract(summary_json, '$.recovery.issuer'), json_extract(summary_json, '$.claims.issuer'),
      json_extract(summary_json, '$.lab'), json_extract(summary_json, '$.host')) AS issuer,
    coalesce(json_extract(summary_json, '$.test.certificateId'), json_extract(summary_json, '$.vaccination.certificateId'),
      json_extract(summary_json, '$.recovery.certificateId'), json_extract(summary_json, '$.certificateNumber')) AS certificateId,
    coalesce(json_extract(summary_json, '$.test.kind'), json_extract(summary_json, '$.testKind')) AS testType,
    coalesce(json_extract(summary_json, '$.test.sampleTime'), json_extract(summary_json, '$.sampleTime')) AS sampleTime,
    coalesce(json_extract(summary_json, '$.test.result'), json_extract(summary_json, '$.result')) AS testResult
  FROM evidence WHERE crossing_id IN (SELECT value FROM json_each(?)) ORDER BY captured_at, id`;

/**
 * The overrides, corrections, evidence and pairings of many crossings in four indexed queries: the bundle
 * writer asks once per page of crossings, never once per crossing.
 */
export class ExportDetails {
  private readonly overrides: Database.Statement<[string], ExportOverrideRow>;
  private readonly corrections: Database.Statement<[string], ExportCorrectionRow>;
  private readonly evidence: Database.Statement<[string], ExportEvidenceRow>;
  private readonly pairings: Database.Statement<[string, string], ExportPairingRow>;

  constructor(private readonly db: Database.Database) {
    this.overrides = db.prepare(
      `SELECT id, crossing_id AS crossingId, previous_outcome AS previousOutcome, outcome, reason, operator_id AS operatorId, at,
         authorised_by AS authorisedBy, authoriser_role AS authoriserRole, previous_disposition AS previousDisposition, disposition
       FROM overrides WHERE crossing_id IN (SELECT value FROM json_each(?)) ORDER BY at, rowid`,
    );
    this.corrections = db.prepare(
      `SELECT id, crossing_id AS crossingId, kind, disposition, direction, outcome, reasons_json AS reasonsJson, group_id AS groupId, reason,
         operator_id AS operatorId, override_id AS overrideId, at
       FROM corrections WHERE crossing_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    );
    this.evidence = db.prepare(EVIDENCE_SQL);
    this.pairings = db.prepare(
      `SELECT entry_id AS entryId, exit_id AS exitId, method, transit_minutes AS transitMinutes FROM pairings
       WHERE exit_id IN (SELECT value FROM json_each(?)) UNION
       SELECT entry_id, exit_id, method, transit_minutes FROM pairings WHERE entry_id IN (SELECT value FROM json_each(?))`,
    );
  }

  forCrossings(ids: readonly string[]): CrossingDetails {
    if (ids.length === 0) return { overrides: [], corrections: [], evidence: [], pairings: [] };
    const list = JSON.stringify(ids);
    return {
      overrides: this.overrides.all(list),
      corrections: this.corrections.all(list),
      evidence: this.evidence.all(list),
      pairings: this.pairings.all(list, list),
    };
  }

  /** Every user this station knows (a handful): bundles name people by id and name. */
  users(): ExportUserRow[] {
    return this.db.prepare<[], ExportUserRow>('SELECT id, display_name AS name, role FROM operators').all();
  }
}
