import type { BoardSql } from './board-sql';

export interface CentralAuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** One line of the hub's append-only audit trail (a trigger refuses UPDATE and DELETE on it). */
export async function appendCentralAudit(sql: BoardSql, entry: CentralAuditEntry): Promise<void> {
  await sql.query('INSERT INTO central_audit (actor, action, subject, details) VALUES ($1, $2, $3, $4::jsonb)', [entry.actor, entry.action, entry.subject, JSON.stringify(entry.details)]);
}
