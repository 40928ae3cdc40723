import type Database from 'better-sqlite3';
import { nameMatch } from './name-match';

export interface GroupRow {
  readonly id: string;
  readonly corridorId: string;
  readonly label: string;
  readonly vehiclePlate: string | null;
  readonly driverName: string | null;
  readonly escortName: string | null;
  readonly expectedCount: number | null;
  readonly plannedDepartureAt: string | null;
  readonly departedAt: string | null;
  readonly arrivedAt: string | null;
  readonly originStationId: string;
  readonly createdAt: string;
}

export interface ManifestEntryRow {
  readonly id: string;
  readonly groupId: string;
  readonly lineNo: number;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly nameKey: string;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly minor: boolean;
  readonly companionDocumentNumber: string | null;
  readonly source: 'import' | 'scan' | 'group-file';
  readonly addedAt: string;
}

interface GroupDbRow {
  id: string;
  corridor_id: string;
  label: string;
  vehicle_plate: string | null;
  driver_name: string | null;
  escort_name: string | null;
  expected_count: number | null;
  planned_departure_at: string | null;
  departed_at: string | null;
  arrived_at: string | null;
  origin_station_id: string;
  created_at: string;
}

interface EntryDbRow {
  id: string;
  group_id: string;
  line_no: number;
  document_number: string;
  nationality: string;
  surname: string;
  given_names: string;
  name_key: string;
  birth_date: string | null;
  sex: string | null;
  minor: number;
  companion_document_number: string | null;
  source: ManifestEntryRow['source'];
  added_at: string;
}

const toGroup = (r: GroupDbRow): GroupRow => ({
  id: r.id,
  corridorId: r.corridor_id,
  label: r.label,
  vehiclePlate: r.vehicle_plate,
  driverName: r.driver_name,
  escortName: r.escort_name,
  expectedCount: r.expected_count,
  plannedDepartureAt: r.planned_departure_at,
  departedAt: r.departed_at,
  arrivedAt: r.arrived_at,
  originStationId: r.origin_station_id,
  createdAt: r.created_at,
});

const toEntry = (r: EntryDbRow): ManifestEntryRow => ({
  id: r.id,
  groupId: r.group_id,
  lineNo: r.line_no,
  documentNumber: r.document_number,
  nationality: r.nationality,
  surname: r.surname,
  givenNames: r.given_names,
  nameKey: r.name_key,
  birthDate: r.birth_date,
  sex: r.sex,
  minor: r.minor === 1,
  companionDocumentNumber: r.companion_document_number,
  source: r.source,
  addedAt: r.added_at,
});

/** Bus groups, their manifests and the record of which manifest files were imported. */
export class GroupsRepo {
  private readonly insertEntry: Database.Statement;
  private readonly listScannedEntry: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.insertEntry = db.prepare(
      `INSERT INTO manifest_entries (id, group_id, line_no, document_number, nationality, surname, given_names, name_key,
         birth_date, sex, minor, companion_document_number, source, added_at)
       VALUES (@id, @groupId, @lineNo, @documentNumber, @nationality, @surname, @givenNames, @nameKey,
         @birthDate, @sex, @minor, @companionDocumentNumber, @source, @addedAt)
       ON CONFLICT (group_id, document_number, nationality) DO NOTHING`,
    );
    // Keeps the line's id and number: the people and crossings already matched to it stay matched.
    this.listScannedEntry = db.prepare(
      `UPDATE manifest_entries SET source = @source, surname = @surname, given_names = @givenNames, name_key = @nameKey,
         birth_date = coalesce(@birthDate, birth_date), sex = coalesce(@sex, sex), minor = @minor, companion_document_number = @companionDocumentNumber
       WHERE group_id = @groupId AND document_number = @documentNumber AND nationality = @nationality AND source = 'scan'`,
    );
  }

  /** Inserts a group unless one with this id exists (a group file imported twice). Returns whether it was new. */
  insert(group: GroupRow): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO travel_groups (id, corridor_id, label, vehicle_plate, driver_name, escort_name, expected_count,
           planned_departure_at, departed_at, arrived_at, origin_station_id, created_at, updated_at)
         VALUES (@id, @corridorId, @label, @vehiclePlate, @driverName, @escortName, @expectedCount,
           @plannedDepartureAt, @departedAt, @arrivedAt, @originStationId, @createdAt, @createdAt)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run(group);
    return result.changes === 1;
  }

  get(id: string): GroupRow | undefined {
    const row = this.db.prepare<[string], GroupDbRow>('SELECT * FROM travel_groups WHERE id = ?').get(id);
    return row ? toGroup(row) : undefined;
  }

  list(filter: { corridorId?: string; limit: number }): GroupRow[] {
    const rows = filter.corridorId
      ? this.db.prepare<[string, number], GroupDbRow>('SELECT * FROM travel_groups WHERE corridor_id = ? ORDER BY created_at DESC LIMIT ?').all(filter.corridorId, filter.limit)
      : this.db.prepare<[number], GroupDbRow>('SELECT * FROM travel_groups ORDER BY created_at DESC LIMIT ?').all(filter.limit);
    return rows.map(toGroup);
  }

  /**
   * The revision of a group: moves (by trigger, in the writing transaction) with every row that can change the
   * group's roster, so a view computed at one revision stays true until it moves. 0 for a group nothing touched yet.
   */
  revision(id: string): number {
    return this.db.prepare<[string], { revision: number }>('SELECT revision FROM group_revisions WHERE group_id = ?').get(id)?.revision ?? 0;
  }

  /** Sets departed_at or arrived_at once; a second close keeps the first time. Returns whether it changed. */
  close(id: string, stage: 'departed' | 'arrived', at: string): boolean {
    const column = stage === 'departed' ? 'departed_at' : 'arrived_at';
    return this.db.prepare(`UPDATE travel_groups SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} IS NULL`).run(at, at, id).changes === 1;
  }

  /** Undoes a close (a shift lead's correction of "Mark departed" / "arrived"); returns the time it had. */
  reopen(id: string, stage: 'departed' | 'arrived', at: string): string | null {
    const column = stage === 'departed' ? 'departed_at' : 'arrived_at';
    const was = (this.db.prepare(`SELECT ${column} AS at FROM travel_groups WHERE id = ?`).get(id) as { at: string | null } | undefined)?.at ?? null;
    if (was === null) return null;
    this.db.prepare(`UPDATE travel_groups SET ${column} = NULL, updated_at = ? WHERE id = ?`).run(at, id);
    return was;
  }

  /**
   * Returns whether the list gained the line: new, or (from an imported list or a group file) the line the lane
   * wrote by scanning the same document before the list came, which becomes a line of the list with its details.
   * Same document + nationality in the same group is kept once.
   */
  addManifestEntry(entry: ManifestEntryRow): boolean {
    const row = { ...entry, minor: entry.minor ? 1 : 0 };
    if (this.insertEntry.run(row).changes === 1) return true;
    return entry.source !== 'scan' && this.listScannedEntry.run(row).changes === 1;
  }

  manifest(groupId: string): ManifestEntryRow[] {
    return this.db.prepare<[string], EntryDbRow>('SELECT * FROM manifest_entries WHERE group_id = ? ORDER BY line_no, rowid').all(groupId).map(toEntry);
  }

  manifestCount(groupId: string): number {
    return this.db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM manifest_entries WHERE group_id = ?').get(groupId)?.n ?? 0;
  }

  nextLineNo(groupId: string): number {
    return (this.db.prepare<[string], { n: number | null }>('SELECT max(line_no) AS n FROM manifest_entries WHERE group_id = ?').get(groupId)?.n ?? 0) + 1;
  }

  manifestEntriesByIds(ids: readonly string[]): ManifestEntryRow[] {
    if (ids.length === 0) return [];
    return this.db
      .prepare<[string], EntryDbRow>('SELECT * FROM manifest_entries WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids))
      .map(toEntry);
  }

  /** Manifest lines of this document anywhere (is the traveller on any manifest?). */
  manifestEntriesForDocument(documentNumber: string, nationality: string): ManifestEntryRow[] {
    return this.db
      .prepare<[string, string], EntryDbRow>('SELECT * FROM manifest_entries WHERE document_number = ? AND nationality = ?')
      .all(documentNumber, nationality)
      .map(toEntry);
  }

  searchManifest(query: { documentPrefix?: string; nameKeyPart?: string; limit: number }): ManifestEntryRow[] {
    const rows: EntryDbRow[] = [];
    if (query.documentPrefix) {
      rows.push(
        ...this.db
          .prepare<[string, string, number], EntryDbRow>('SELECT * FROM manifest_entries WHERE document_number >= ? AND document_number < ? LIMIT ?')
          .all(query.documentPrefix, `${query.documentPrefix}\uffff`, query.limit),
      );
    }
    const match = query.nameKeyPart === undefined ? null : nameMatch(query.nameKeyPart);
    if (match) {
      rows.push(
        ...this.db
          .prepare<[string, number], EntryDbRow>('SELECT * FROM manifest_entries WHERE rowid IN (SELECT rowid FROM manifest_names WHERE manifest_names MATCH ? ORDER BY rowid DESC LIMIT ?)')
          .all(match, query.limit),
      );
    }
    return rows.map(toEntry);
  }

  findManifestImport(groupId: string, contentSha256: string): { id: string; rowsTotal: number } | undefined {
    return this.db
      .prepare<[string, string], { id: string; rowsTotal: number }>('SELECT id, rows_total AS rowsTotal FROM manifest_imports WHERE group_id = ? AND content_sha256 = ?')
      .get(groupId, contentSha256);
  }

  recordManifestImport(row: {
    id: string;
    groupId: string;
    contentSha256: string;
    fileName: string;
    format: 'csv' | 'xlsx';
    rowsTotal: number;
    rowsAdded: number;
    importedAt: string;
    operatorId: string | null;
  }): void {
    this.db
      .prepare(
        `INSERT INTO manifest_imports (id, group_id, content_sha256, file_name, format, rows_total, rows_added, imported_at, operator_id)
         VALUES (@id, @groupId, @contentSha256, @fileName, @format, @rowsTotal, @rowsAdded, @importedAt, @operatorId)`,
      )
      .run(row);
  }
}
