import { HUB_CROSSING_COLUMNS, hubCrossingCells, type AnyCrossingExportRow, type CrossingCell, type HubColumnType } from '../../shared/domain/export';

/**
 * The crossings table's columns in insert order, with the PostgreSQL array type each is sent as: the bundle
 * they came in, then the columns of the one crossing column list the station's writer uses too.
 */
export const CROSSING_COLUMNS: readonly (readonly [string, HubColumnType])[] = [['bundle_sha256', 'text'], ...HUB_CROSSING_COLUMNS];

/** One crossing as the cells of CROSSING_COLUMNS (the row is already verified against its manifest). */
export const crossingCells = (row: AnyCrossingExportRow, bundleSha256: string): CrossingCell[] => [bundleSha256, ...hubCrossingCells(row)];

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
export function columnsOf(rows: readonly CrossingCell[][], width: number): CrossingCell[][] {
  const columns: CrossingCell[][] = Array.from({ length: width }, () => new Array<CrossingCell>(rows.length));
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c += 1) (columns[c] as CrossingCell[])[r] = row[c] ?? null;
  });
  return columns;
}
