import type Database from 'better-sqlite3';
import type { Disposition, Outcome, Reason, TravelDocument } from '../../contract';
import { birthDateVariants, type PairMethod, type Pairing, type Passage } from '../../domain/corridor';
import { derivedCrossingColumns } from './crossing-columns';
import { nameMatch } from './name-match';
import { StatementCache } from './statement-cache';

/** A crossing from either table, with what the history and the roster show. */
export interface PassageRecordRow extends Passage {
  readonly source: 'local' | 'imported';
  readonly sequence: number | null;
  readonly checkpointId: string | null;
  readonly recordedAt: string;
  /** The outcome as recorded at the lane. */
  readonly outcome: Outcome;
  /** The outcome now (after re-judging and consular overrides). */
  readonly currentOutcome: Outcome;
  /** The current disposition: only `crossed` counts as an entry or exit, pairs and raises crossing alerts. */
  readonly disposition: Disposition;
  readonly operatorId: string | null;
  readonly reasons: Reason[];
  readonly document: TravelDocument;
}

export interface PairingRow extends Pairing {
  readonly corridorId: string;
  readonly transitMinutes: number;
  readonly pairedAt: string;
}

export interface ImportedCrossingRow {
  readonly id: string;
  readonly sourceStationId: string;
  readonly sourceSequence: number;
  readonly checkpointId: string | null;
  readonly corridorId: string | null;
  readonly groupId: string | null;
  readonly recordedAt: string;
  readonly operatorId: string | null;
  readonly direction: 'entry' | 'exit';
  readonly outcome: Outcome;
  readonly disposition: Disposition;
  readonly reasons: Reason[];
  readonly document: TravelDocument;
  readonly groupFileId: string;
  readonly importedAt: string;
}

interface DbRow {
  id: string;
  source: 'local' | 'imported';
  sequence: number | null;
  station_id: string;
  checkpoint_id: string | null;
  corridor_id: string | null;
  group_id: string | null;
  direction: 'entry' | 'exit';
  recorded_at: string;
  recorded_at_ms: number;
  outcome: Outcome;
  current_outcome: Outcome;
  disposition: Disposition;
  operator_id: string | null;
  document_number: string;
  nationality: string;
  birth_date: string | null;
  name_key: string | null;
  reasons_json: string;
  document_json: string;
}

const COLUMNS = `id, %SOURCE% AS source, %SEQ% AS sequence, %STATION% AS station_id, checkpoint_id, corridor_id, group_id, direction,
  recorded_at, recorded_at_ms, %OUTCOME% AS outcome, %CURRENT% AS current_outcome, disposition, operator_id, document_number, nationality, birth_date, name_key, reasons_json, document_json`;
const LOCAL = COLUMNS.replace('%SOURCE%', "'local'").replace('%SEQ%', 'sequence').replace('%STATION%', 'station_id').replace('%OUTCOME%', 'recorded_outcome').replace('%CURRENT%', 'outcome');
const IMPORTED = COLUMNS.replace('%SOURCE%', "'imported'").replace('%SEQ%', 'NULL').replace('%STATION%', 'source_station_id').replace('%OUTCOME%', 'outcome').replace('%CURRENT%', 'outcome');

/**
 * The same WHERE over both tables: this station's crossings in their current state (the local_passages view:
 * direction, group, outcome and disposition after corrections) and those carried over in group files.
 */
const both = (where: string): string => `SELECT ${LOCAL} FROM local_passages c WHERE ${where} UNION ALL SELECT ${IMPORTED} FROM imported_crossings c WHERE ${where}`;
/** Only crossings that crossed are entries and exits: pairing, the overdue sweep, who is in the corridor. */
const CROSSED = "c.disposition = 'crossed'";

const toRecord = (r: DbRow): PassageRecordRow => ({
  id: r.id,
  source: r.source,
  sequence: r.sequence,
  stationId: r.station_id,
  checkpointId: r.checkpoint_id,
  corridorId: r.corridor_id,
  groupId: r.group_id,
  direction: r.direction,
  recordedAt: r.recorded_at,
  recordedAtMs: r.recorded_at_ms,
  outcome: r.outcome,
  currentOutcome: r.current_outcome,
  disposition: r.disposition,
  operatorId: r.operator_id,
  documentNumber: r.document_number,
  nationality: r.nationality,
  birthDate: r.birth_date,
  nameKey: r.name_key ?? '',
  reasons: JSON.parse(r.reasons_json) as Reason[],
  document: JSON.parse(r.document_json) as TravelDocument,
});

interface PairingDbRow {
  exit_id: string;
  entry_id: string;
  corridor_id: string;
  method: PairMethod;
  transit_minutes: number;
  paired_at: string;
}
const toPairing = (r: PairingDbRow): PairingRow => ({
  exitId: r.exit_id,
  entryId: r.entry_id,
  corridorId: r.corridor_id,
  method: r.method,
  transitMinutes: r.transit_minutes,
  pairedAt: r.paired_at,
});

const UNPAIRED_ENTRY = 'NOT EXISTS (SELECT 1 FROM pairings p WHERE p.entry_id = c.id)';
const UNPAIRED_EXIT = 'NOT EXISTS (SELECT 1 FROM pairings p WHERE p.exit_id = c.id)';

/**
 * Entries, exits and their pairings across both tables. Every lookup pairing makes goes through an index
 * (document + nationality, or nationality + birth date), so it stays fast on a million crossings.
 */
export class PassagesRepo {
  private readonly statements: StatementCache;

  constructor(db: Database.Database) {
    this.statements = new StatementCache(db);
  }

  private records(sql: string, params: Record<string, unknown>): PassageRecordRow[] {
    return (this.statements.get(sql).all(params) as DbRow[]).map(toRecord);
  }

  get(id: string): PassageRecordRow | undefined {
    return this.records(both('c.id = @id'), { id })[0];
  }

  /**
   * Unpaired passages of one direction on a corridor that may be the same person: same document, or
   * same nationality with a birth date one of the variants (the name check is the domain's).
   */
  unpairedCandidates(direction: 'entry' | 'exit', corridorId: string, who: { documentNumber: string; nationality: string; birthDate: string | null }): PassageRecordRow[] {
    const unpaired = direction === 'entry' ? UNPAIRED_ENTRY : UNPAIRED_EXIT;
    const byDocument = this.records(
      both(`c.document_number = @documentNumber AND c.nationality = @nationality AND c.direction = @direction AND c.corridor_id = @corridorId AND ${CROSSED} AND ${unpaired}`),
      { documentNumber: who.documentNumber, nationality: who.nationality, direction, corridorId },
    );
    // A document match always wins (domain chooseEntry), so the identity lookup only runs without one.
    if (who.birthDate === null || byDocument.length > 0) return byDocument;
    const byIdentity = this.records(
      both(
        `c.nationality = @nationality AND c.birth_date IN (SELECT value FROM json_each(@dates)) AND c.direction = @direction AND c.corridor_id = @corridorId AND ${CROSSED} AND ${unpaired}`,
      ),
      { nationality: who.nationality, dates: JSON.stringify(birthDateVariants(who.birthDate)), direction, corridorId },
    );
    return byIdentity;
  }

  /** Everything recorded for a group, both directions, both tables. */
  forGroup(groupId: string): PassageRecordRow[] {
    return this.records(both('c.group_id = @groupId'), { groupId });
  }

  /** A traveller's crossings by document, and those of the same person under another document (by birth date). */
  forTraveller(documentNumber: string, nationality: string): PassageRecordRow[] {
    return this.records(`${both('c.document_number = @documentNumber AND c.nationality = @nationality')} ORDER BY recorded_at_ms DESC`, { documentNumber, nationality });
  }

  forIdentity(nationality: string, birthDates: readonly string[]): PassageRecordRow[] {
    return this.records(both('c.nationality = @nationality AND c.birth_date IN (SELECT value FROM json_each(@dates))'), { nationality, dates: JSON.stringify(birthDates) });
  }

  /** Crossings by document number prefix or name key part, newest first (consular search). */
  search(query: { documentPrefix?: string; nameKeyPart?: string; limit: number }): PassageRecordRow[] {
    const found: PassageRecordRow[] = [];
    if (query.documentPrefix) {
      // Each table in document order through its document index, so a short prefix ("TJ") reads `limit` rows, not every match.
      const range = { from: query.documentPrefix, to: `${query.documentPrefix}\uffff`, limit: query.limit * 4 };
      const where = 'c.document_number >= @from AND c.document_number < @to ORDER BY c.document_number, c.recorded_at_ms DESC LIMIT @limit';
      found.push(...this.records(`SELECT ${LOCAL} FROM local_passages c WHERE ${where}`, range), ...this.records(`SELECT ${IMPORTED} FROM imported_crossings c WHERE ${where}`, range));
    }
    const match = query.nameKeyPart === undefined ? null : nameMatch(query.nameKeyPart);
    if (match) {
      // The newest matches of each table through its trigram index (rowid order is recording order), never a walk of the log.
      const params = { match, limit: query.limit * 4 };
      const named = [
        ...this.records(`SELECT ${LOCAL} FROM local_passages c WHERE c.sequence IN (SELECT rowid FROM crossings_names WHERE crossings_names MATCH @match ORDER BY rowid DESC LIMIT @limit)`, params),
        ...this.records(`SELECT ${IMPORTED} FROM imported_crossings c WHERE c.rowid IN (SELECT rowid FROM imported_names WHERE imported_names MATCH @match ORDER BY rowid DESC LIMIT @limit)`, params),
      ];
      found.push(...named.sort((a, b) => b.recordedAtMs - a.recordedAtMs).slice(0, params.limit));
    }
    return found;
  }

  /**
   * This station's crossings of a document since a time, in their current state, except cancelled ones (a
   * voided scan is no record): the repeated-scan check and the lane's "already recorded today".
   */
  recentAtStation(
    stationId: string,
    who: { documentNumber: string; nationality: string },
    sinceMs: number,
  ): { id: string; sequence: number; recordedAtMs: number; direction: 'entry' | 'exit'; disposition: Disposition; outcome: Outcome }[] {
    return this.statements.get(
      `SELECT id, sequence, recorded_at_ms AS recordedAtMs, direction, disposition, outcome FROM local_passages
       WHERE station_id = @stationId AND document_number = @documentNumber AND recorded_at_ms >= @sinceMs
         AND nationality = @nationality AND disposition <> 'cancelled'`,
    ).all({ stationId, ...who, sinceMs }) as { id: string; sequence: number; recordedAtMs: number; direction: 'entry' | 'exit'; disposition: Disposition; outcome: Outcome }[];
  }

  addPairing(pairing: PairingRow): void {
    this.statements.get(
      `INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at)
       VALUES (@exitId, @entryId, @corridorId, @method, @transitMinutes, @pairedAt)`,
    ).run(pairing);
  }

  /** Undoes the pairing of a passage that no longer crossed (voided, refused after all); returns what it was. */
  removePairingOf(id: string): PairingRow | undefined {
    const row = this.statements.get('SELECT * FROM pairings WHERE entry_id = @id OR exit_id = @id').get({ id }) as PairingDbRow | undefined;
    if (!row) return undefined;
    this.statements.get('DELETE FROM pairings WHERE exit_id = @exitId').run({ exitId: row.exit_id });
    return toPairing(row);
  }

  pairingsFor(ids: readonly string[]): PairingRow[] {
    if (ids.length === 0) return [];
    const json = JSON.stringify(ids);
    return (
      this.statements.get(
        `SELECT * FROM pairings WHERE entry_id IN (SELECT value FROM json_each(@ids))
         UNION SELECT * FROM pairings WHERE exit_id IN (SELECT value FROM json_each(@ids))`,
      ).all({ ids: json }) as PairingDbRow[]
    ).map(toPairing);
  }

  /**
   * Entries on a corridor with no exit and no overdue alert yet, entered before `beforeMs` (the overdue sweep). Read
   * from open_entries, which triggers keep (migrations/*_bounded_reads.sql): the people on the road now, not the history.
   */
  lateEntriesWithoutAlert(corridorId: string, beforeMs: number): PassageRecordRow[] {
    const ids = this.statements.get('SELECT entry_id AS id FROM open_entries WHERE corridor_id = @corridorId AND alerted = 0 AND recorded_at_ms < @beforeMs').all({
      corridorId,
      beforeMs,
    }) as { id: string }[];
    return ids.flatMap(({ id }) => {
      const row = this.get(id);
      return row ? [row] : [];
    });
  }

  /** Entries on a corridor with no exit, entered before `beforeMs` (all of them with no bound). */
  countOpenEntries(corridorId: string, beforeMs = Number.MAX_SAFE_INTEGER): number {
    return (this.statements.get('SELECT count(*) AS n FROM open_entries WHERE corridor_id = @corridorId AND recorded_at_ms < @beforeMs').get({ corridorId, beforeMs }) as { n: number }).n;
  }

  /** Inserts a crossing carried in a group file unless it is already here (idempotent imports). */
  insertImported(row: ImportedCrossingRow): boolean {
    const exists = this.statements.get('SELECT 1 FROM crossings WHERE id = @id UNION ALL SELECT 1 FROM imported_crossings WHERE id = @id').get({ id: row.id });
    if (exists) return false;
    this.statements.get(
      `INSERT INTO imported_crossings (id, source_station_id, source_sequence, checkpoint_id, corridor_id, group_id, recorded_at,
         recorded_at_ms, operator_id, direction, outcome, reasons_json, document_json, document_number, nationality, birth_date,
         name_key, group_file_id, imported_at, disposition)
       VALUES (@id, @sourceStationId, @sourceSequence, @checkpointId, @corridorId, @groupId, @recordedAt, @recordedAtMs, @operatorId,
         @direction, @outcome, @reasonsJson, @documentJson, @documentNumber, @nationality, @birthDate, @nameKey, @groupFileId, @importedAt, @disposition)`,
    ).run({ ...row, ...derivedCrossingColumns(row) });
    return true;
  }

  findGroupFile(contentSha256: string): { id: string; groupId: string; crossingsTotal: number } | undefined {
    return this.statements.get('SELECT id, group_id AS groupId, crossings_total AS crossingsTotal FROM group_files WHERE content_sha256 = @contentSha256').get({ contentSha256 }) as
      | { id: string; groupId: string; crossingsTotal: number }
      | undefined;
  }

  recordGroupFile(row: {
    id: string;
    contentSha256: string;
    sourceStationId: string;
    keyFingerprint: string;
    groupId: string;
    exportedAt: string;
    importedAt: string;
    operatorId: string | null;
    crossingsTotal: number;
    crossingsAdded: number;
  }): void {
    this.statements.get(
      `INSERT INTO group_files (id, content_sha256, source_station_id, key_fingerprint, group_id, exported_at, imported_at, operator_id,
         crossings_total, crossings_added)
       VALUES (@id, @contentSha256, @sourceStationId, @keyFingerprint, @groupId, @exportedAt, @importedAt, @operatorId, @crossingsTotal, @crossingsAdded)`,
    ).run(row);
  }

  setGroupFileAdded(id: string, crossingsAdded: number): void {
    this.statements.get('UPDATE group_files SET crossings_added = @crossingsAdded WHERE id = @id').run({ id, crossingsAdded });
  }

  /** Per corridor, direction, current outcome, disposition and hour since `fromMs` (the dashboard); local crossings only. */
  hourlyCounts(fromMs: number, toMs: number): { corridorId: string | null; direction: 'entry' | 'exit'; outcome: Outcome; disposition: Disposition; hour: number; n: number }[] {
    return this.statements.get(
      `SELECT corridor_id AS corridorId, direction, outcome, disposition, CAST((recorded_at_ms - @fromMs) / 3600000 AS INTEGER) AS hour, count(*) AS n
       FROM local_passages WHERE recorded_at_ms >= @fromMs AND recorded_at_ms < @toMs
       GROUP BY corridor_id, direction, outcome, disposition, hour`,
    ).all({ fromMs, toMs }) as { corridorId: string | null; direction: 'entry' | 'exit'; outcome: Outcome; disposition: Disposition; hour: number; n: number }[];
  }

  overridesBetween(fromMs: number, toMs: number): { corridorId: string | null; n: number }[] {
    return this.statements.get(
      // CROSS JOIN keeps the order: the period's crossings first (time index), then their overrides (by crossing); the
      // unary + keeps SQLite from walking a corridor index in full to get the grouping order for free.
      `SELECT c.corridor_id AS corridorId, count(*) AS n FROM crossings c CROSS JOIN overrides o ON o.crossing_id = c.id
       WHERE c.recorded_at_ms >= @fromMs AND c.recorded_at_ms < @toMs GROUP BY +c.corridor_id`,
    ).all({ fromMs, toMs }) as { corridorId: string | null; n: number }[];
  }

  /**
   * This station's crossings on a corridor since a time that are in no group and not voided: the ones a
   * manifest imported late may claim (domain manifestLinks decides which).
   */
  ungroupedLocal(corridorId: string, sinceMs: number): PassageRecordRow[] {
    return this.records(
      `SELECT ${LOCAL} FROM local_passages c WHERE c.corridor_id = @corridorId AND c.recorded_at_ms >= @sinceMs AND c.group_id IS NULL AND c.disposition <> 'cancelled'`,
      { corridorId, sinceMs },
    );
  }

  /** Travellers held for consular right now, per corridor (the dashboard: nothing stays held silently). */
  heldNow(): { corridorId: string | null; n: number }[] {
    return this.statements.get(`SELECT corridor_id AS corridorId, count(*) AS n FROM local_passages WHERE disposition = 'held' GROUP BY corridor_id`).all() as {
      corridorId: string | null;
      n: number;
    }[];
  }

  countLocalForGroup(groupId: string, direction: 'entry' | 'exit'): number {
    return (
      this.statements.get(
        `SELECT count(DISTINCT document_number || '/' || nationality) AS n FROM local_passages WHERE group_id = @groupId AND direction = @direction AND disposition = 'crossed'`,
      ).get({ groupId, direction }) as { n: number }
    ).n;
  }
}
