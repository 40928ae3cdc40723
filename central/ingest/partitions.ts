import type { Sql } from '../store/sql';

/** Any fixed number: partition creation is serialised across hub processes. */
const PARTITION_LOCK = 7_118_003;

const monthStart = (ms: number): Date => {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
};

/**
 * crossings is partitioned by calendar month (UTC): each month's partition is made when its first crossing
 * arrives, in a short transaction of its own (creating a partition locks the parent table, so never inside a
 * long ingest), under a lock so that two hubs never race on the same name.
 */
export async function ensureMonthPartitions(sql: Sql, recordedAt: readonly string[]): Promise<void> {
  const months = new Set<number>();
  for (const at of recordedAt) months.add(monthStart(Date.parse(at)).getTime());
  if (months.size === 0) return;
  const existing = new Set(
    (await sql.query<{ name: string }>(`SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'crossings'`)).map(
      (r) => r.name,
    ),
  );
  for (const ms of [...months].sort((a, b) => a - b)) {
    const from = new Date(ms);
    const name = `crossings_${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
    if (existing.has(name)) continue;
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
      await tx.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF crossings FOR VALUES FROM ('${from.toISOString()}') TO ('${to.toISOString()}')`);
    });
  }
}
