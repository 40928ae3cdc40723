import type Database from 'better-sqlite3';
import type { Crossing, Reason, ScanSource, TravelDocument } from '../../contract';
import { derivedCrossingColumns } from './crossing-columns';

type LogFields = 'checkpointId' | 'corridorId' | 'groupId' | 'ruleProfileId' | 'ruleProfileVersion';
/**
 * The crossing-log fields (checkpoint, corridor, group) default to null for callers that have none; the
 * disposition to `crossed` (stores and tools written before dispositions record crossings). The lane always
 * says which one (recordCrossing). `current` is read state, never written with the row.
 */
export interface NewCrossing extends Omit<Crossing, 'sequence' | 'current' | 'disposition' | LogFields>, Partial<Pick<Crossing, LogFields | 'disposition'>> {}

export interface CrossingFilter {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly documentNumber?: string;
  readonly beforeSequence?: number;
  readonly limit: number;
}

export interface CrossingDbRow {
  sequence: number;
  id: string;
  recorded_at: string;
  station_id: string;
  operator_id: string | null;
  direction: Crossing['direction'];
  outcome: Crossing['outcome'];
  reasons_json: string;
  document_json: string;
  scan_source: string;
  note: string | null;
  checkpoint_id: string | null;
  corridor_id: string | null;
  group_id: string | null;
  rule_profile_id: string | null;
  rule_profile_version: number | null;
  disposition: Crossing['disposition'];
}

export const toCrossing = (row: CrossingDbRow): Crossing => ({
  id: row.id,
  sequence: row.sequence,
  recordedAt: row.recorded_at,
  stationId: row.station_id,
  operatorId: row.operator_id,
  direction: row.direction,
  outcome: row.outcome,
  reasons: JSON.parse(row.reasons_json) as Reason[],
  document: JSON.parse(row.document_json) as TravelDocument,
  scanSource: row.scan_source as ScanSource,
  note: row.note,
  disposition: row.disposition,
  checkpointId: row.checkpoint_id,
  corridorId: row.corridor_id,
  groupId: row.group_id,
  ruleProfileId: row.rule_profile_id,
  ruleProfileVersion: row.rule_profile_version,
});

/** Builds the WHERE clause from a filter; every value is bound, never interpolated. */
function whereClause(filter: CrossingFilter, withCursor: boolean): { sql: string; params: Record<string, unknown> } {
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.fromMs !== undefined) {
    conditions.push('recorded_at_ms >= @fromMs');
    params.fromMs = filter.fromMs;
  }
  if (filter.toMs !== undefined) {
    conditions.push('recorded_at_ms < @toMs');
    params.toMs = filter.toMs;
  }
  if (filter.documentNumber !== undefined) {
    conditions.push('document_number = @documentNumber');
    params.documentNumber = filter.documentNumber;
  }
  if (withCursor && filter.beforeSequence !== undefined) {
    conditions.push('sequence < @beforeSequence');
    params.beforeSequence = filter.beforeSequence;
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export class CrossingsRepo {
  private readonly insertStatement: Database.Statement;
  private readonly countAll: Database.Statement<[], { n: number }>;
  private readonly insertState: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, operator_id, direction, outcome,
         reasons_json, document_json, document_number, nationality, scan_source, note,
         checkpoint_id, corridor_id, group_id, birth_date, name_key, rule_profile_id, rule_profile_version, disposition)
       VALUES (@id, @recordedAt, @recordedAtMs, @stationId, @operatorId, @direction, @outcome,
         @reasonsJson, @documentJson, @documentNumber, @nationality, @scanSource, @note,
         @checkpointId, @corridorId, @groupId, @birthDate, @nameKey, @ruleProfileId, @ruleProfileVersion, @disposition)`,
    );
    // Kept by triggers in the INSERT's own transaction (migrations/*_bounded_reads.sql): one row read, not a count of history.
    this.countAll = db.prepare("SELECT value AS n FROM counters WHERE name = 'crossings'");
    this.insertState = db.prepare(
      `INSERT INTO crossing_state (crossing_id, disposition, direction, outcome, group_id, corrections, updated_at)
       VALUES (@id, @disposition, @direction, @outcome, @groupId, 0, @recordedAt)`,
    );
  }

  insert(input: NewCrossing): Crossing {
    const crossing: Omit<Crossing, 'sequence'> = { ...input, disposition: input.disposition ?? 'crossed', checkpointId: input.checkpointId ?? null, corridorId: input.corridorId ?? null, groupId: input.groupId ?? null, ruleProfileId: input.ruleProfileId ?? null, ruleProfileVersion: input.ruleProfileVersion ?? null };
    const result = this.insertStatement.run({
      id: crossing.id,
      recordedAt: crossing.recordedAt,
      stationId: crossing.stationId,
      operatorId: crossing.operatorId,
      direction: crossing.direction,
      outcome: crossing.outcome,
      ...derivedCrossingColumns(crossing),
      scanSource: crossing.scanSource,
      note: crossing.note,
      checkpointId: crossing.checkpointId,
      corridorId: crossing.corridorId,
      groupId: crossing.groupId,
      ruleProfileId: crossing.ruleProfileId,
      ruleProfileVersion: crossing.ruleProfileVersion,
      disposition: crossing.disposition,
    });
    // The current state starts as the recorded row; corrections move it on (CorrectionsRepo).
    this.insertState.run({ id: crossing.id, disposition: crossing.disposition, direction: crossing.direction, outcome: crossing.outcome, groupId: crossing.groupId, recordedAt: crossing.recordedAt });
    return { ...crossing, sequence: Number(result.lastInsertRowid) };
  }

  list(filter: CrossingFilter): { items: Crossing[]; total: number } {
    const page = whereClause(filter, true);
    const rows = this.db
      .prepare<Record<string, unknown>, CrossingDbRow>(`SELECT * FROM crossings ${page.sql} ORDER BY sequence DESC LIMIT @limit`)
      .all({ ...page.params, limit: filter.limit });
    const all = whereClause(filter, false);
    // The unfiltered total (the lane's recent list) is the maintained counter, never a count of every row.
    const total = all.sql === '' ? this.count() : (this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM crossings ${all.sql}`).get(all.params)?.n ?? 0);
    return { items: rows.map(toCrossing), total };
  }

  getById(id: string): Crossing | undefined {
    const row = this.db.prepare<[string], CrossingDbRow>('SELECT * FROM crossings WHERE id = ?').get(id);
    return row ? toCrossing(row) : undefined;
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
