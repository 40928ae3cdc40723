/**
 * The one database interface the hub codes against: a real PostgreSQL server (pg) or the embedded
 * PGlite run the same SQL through it. Rows come back as plain objects; `$1`-style parameters.
 */
export interface Sql {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
  /** Runs `work` in one transaction on one connection; everything inside must use the `tx` given. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * Inside a transaction on a PostgreSQL server only: loads rows with `COPY … FROM STDIN` (text format), the
   * server's fastest way in. Absent on PGlite and outside transactions; callers fall back to INSERTs.
   */
  readonly copyRows?: (table: string, columns: readonly string[], rows: Iterable<readonly (string | number | null)[]>) => Promise<void>;
  /** 'postgres' for a server, 'pglite' for the embedded database. */
  readonly kind: 'postgres' | 'pglite';
}
