import type Database from 'better-sqlite3';
import type { Crossing, Reason, ScanSource, TravelDocument } from '../../contract';

export interface NewCrossing extends Omit<Crossing, 'sequence'> {}

export interface CrossingFilter {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly documentNumber?: string;
  readonly beforeSequence?: number;
  readonly limit: number;
}

interface CrossingDbRow {
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
}

const toCrossing = (row: CrossingDbRow): Crossing => ({
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

  constructor(private readonly db: Database.Database) {
    this.insertStatement = db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, operator_id, direction, outcome,
         reasons_json, document_json, document_number, nationality, scan_source, note)
       VALUES (@id, @recordedAt, @recordedAtMs, @stationId, @operatorId, @direction, @outcome,
         @reasonsJson, @documentJson, @documentNumber, @nationality, @scanSource, @note)`,
    );
    this.countAll = db.prepare('SELECT count(*) AS n FROM crossings');
  }

  insert(crossing: NewCrossing): Crossing {
    const result = this.insertStatement.run({
      id: crossing.id,
      recordedAt: crossing.recordedAt,
      recordedAtMs: Date.parse(crossing.recordedAt),
      stationId: crossing.stationId,
      operatorId: crossing.operatorId,
      direction: crossing.direction,
      outcome: crossing.outcome,
      reasonsJson: JSON.stringify(crossing.reasons),
      documentJson: JSON.stringify(crossing.document),
      documentNumber: crossing.document.documentNumber,
      nationality: crossing.document.nationality,
      scanSource: crossing.scanSource,
      note: crossing.note,
    });
    return { ...crossing, sequence: Number(result.lastInsertRowid) };
  }

  list(filter: CrossingFilter): { items: Crossing[]; total: number } {
    const page = whereClause(filter, true);
    const rows = this.db
      .prepare<Record<string, unknown>, CrossingDbRow>(`SELECT * FROM crossings ${page.sql} ORDER BY sequence DESC LIMIT @limit`)
      .all({ ...page.params, limit: filter.limit });
    const all = whereClause(filter, false);
    const total = this.db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM crossings ${all.sql}`).get(all.params);
    return { items: rows.map(toCrossing), total: total?.n ?? 0 };
  }

  getById(id: string): Crossing | undefined {
    const row = this.db.prepare<[string], CrossingDbRow>('SELECT * FROM crossings WHERE id = ?').get(id);
    return row ? toCrossing(row) : undefined;
  }

  count(): number {
    return this.countAll.get()?.n ?? 0;
  }
}
