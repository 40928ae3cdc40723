/**
 * What the board needs of the hub's database interface (central/store's Sql satisfies it): parameterised
 * queries on one connection or transaction. Rows come back as plain objects.
 */
export interface BoardSql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** timestamptz columns come back as Date from pg and PGlite alike; both are read as epoch milliseconds. */
export const msOf = (value: unknown): number => (value instanceof Date ? value.getTime() : Date.parse(String(value)));
export const msOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : msOf(value));
export const isoOf = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
