import type { BoardSql } from './board-sql';

/** Any fixed number: partition creation is serialised across hub processes (the crossings' lock is 7_118_003). */
const PARTITION_LOCK = 7_118_019;
const TABLES = ['journey_events', 'journeys'] as const;

export interface TransactionalSql extends BoardSql {
  transaction<T>(work: (tx: BoardSql) => Promise<T>): Promise<T>;
}

const monthStart = (ms: number): number => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/**
 * journey_events and journeys are partitioned by calendar month (UTC) like crossings. A month's partitions are
 * made before the ingest transaction that needs them (creating one locks the parent table), each in a short
 * transaction of its own under a lock.
 */
export async function ensureBoardPartitions(sql: TransactionalSql, recordedAtMs: Iterable<number>): Promise<void> {
  const months = new Set<number>();
  for (const ms of recordedAtMs) if (Number.isFinite(ms)) months.add(monthStart(ms));
  if (months.size === 0) return;
  const existing = new Set(
    (
      await sql.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ANY($1::text[])`,
        [TABLES],
      )
    ).map((r) => r.name),
  );
  for (const ms of [...months].sort((a, b) => a - b)) {
    const from = new Date(ms);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const suffix = `${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    for (const table of TABLES) {
      const name = `${table}_${suffix}`;
      if (existing.has(name)) continue;
      await sql.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
        await tx.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table} FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
      });
    }
  }
}
