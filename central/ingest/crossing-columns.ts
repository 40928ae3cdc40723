import type { CrossingExportRow } from '../../shared/domain/export';

/** The crossings table's columns in insert order, with the PostgreSQL array type each is sent as. */
export const CROSSING_COLUMNS = [
  ['station_id', 'text'],
  ['sequence', 'int8'],
  ['recorded_at', 'timestamptz'],
  ['bundle_sha256', 'text'],
  ['crossing_id', 'text'],
  ['checkpoint_id', 'text'],
  ['corridor_id', 'text'],
  ['group_id', 'text'],
  ['operator_id', 'text'],
  ['direction', 'text'],
  ['outcome', 'text'],
  ['reasons', 'jsonb'],
  ['document_format', 'text'],
  ['document_code', 'text'],
  ['issuing_state', 'text'],
  ['document_number', 'text'],
  ['nationality', 'text'],
  ['surname', 'text'],
  ['given_names', 'text'],
  ['birth_date', 'text'],
  ['sex', 'text'],
  ['expiry_date', 'text'],
  ['scan_source', 'text'],
  ['note', 'text'],
  ['rule_profile_id', 'text'],
  ['rule_profile_version', 'int4'],
] as const;

type Cell = string | number | null;

/** One crossing as the cells of CROSSING_COLUMNS (the row is already verified against its manifest). */
export function crossingCells(row: CrossingExportRow, bundleSha256: string): Cell[] {
  const d = row.document;
  return [
    row.stationId,
    row.sequence,
    row.recordedAt,
    bundleSha256,
    row.id,
    row.checkpointId,
    row.corridorId,
    row.groupId,
    row.operatorId,
    row.direction,
    row.outcome,
    JSON.stringify(row.reasons),
    d.format,
    d.documentCode,
    d.issuingState,
    d.documentNumber,
    d.nationality,
    d.surname,
    d.givenNames,
    d.birthDate,
    d.sex,
    d.expiryDate,
    row.scanSource,
    row.note,
    row.ruleProfileId,
    row.ruleProfileVersion,
  ];
}

/**
 * One INSERT for many rows: each column travels as one array parameter and unnest() turns them back into
 * rows, so a chunk of thousands of crossings is one statement and one round trip on PostgreSQL and PGlite alike.
 */
export function unnestInsert(table: string, columns: readonly (readonly [string, string])[]): string {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays})`;
}

/** Rows → one array per column. */
export function columnsOf(rows: readonly Cell[][], width: number): Cell[][] {
  const columns: Cell[][] = Array.from({ length: width }, () => new Array<Cell>(rows.length));
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c += 1) (columns[c] as Cell[])[r] = row[c] ?? null;
  });
  return columns;
}
