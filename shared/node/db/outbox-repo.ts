import type Database from 'better-sqlite3';

export type OutboxState = 'pending' | 'sent' | 'acknowledged';

export interface OutboxRow {
  readonly idempotencyKey: string;
  readonly exportId: string;
  readonly file: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptMs: number;
  readonly lastAttemptAt: string | null;
  readonly lastError: string | null;
  readonly queuedAt: string;
  readonly acknowledgedAt: string | null;
}

interface DbRow {
  idempotency_key: string;
  export_id: string;
  file: string;
  state: OutboxState;
  attempts: number;
  next_attempt_ms: number;
  last_attempt_at: string | null;
  last_error: string | null;
  queued_at: string;
  acknowledged_at: string | null;
}

const toRow = (r: DbRow): OutboxRow => ({
  idempotencyKey: r.idempotency_key,
  exportId: r.export_id,
  file: r.file,
  state: r.state,
  attempts: r.attempts,
  nextAttemptMs: r.next_attempt_ms,
  lastAttemptAt: r.last_attempt_at,
  lastError: r.last_error,
  queuedAt: r.queued_at,
  acknowledgedAt: r.acknowledged_at,
});

/** The queue of bundles for the central system; rows are never deleted, so a restart resumes where it was. */
export class OutboxRepo {
  constructor(private readonly db: Database.Database) {}

  /** Queues a bundle once: the same idempotency key again changes nothing. Returns whether it was new. */
  enqueue(row: { idempotencyKey: string; exportId: string; file: string; queuedAt: string; nextAttemptMs: number }): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO outbox (idempotency_key, export_id, file, state, next_attempt_ms, queued_at)
           VALUES (@idempotencyKey, @exportId, @file, 'pending', @nextAttemptMs, @queuedAt) ON CONFLICT (idempotency_key) DO NOTHING`,
        )
        .run(row).changes === 1
    );
  }

  /** Items not yet acknowledged, the one due first at the head. */
  open(): OutboxRow[] {
    return this.db.prepare<[], DbRow>("SELECT * FROM outbox WHERE state <> 'acknowledged' ORDER BY next_attempt_ms, queued_at").all().map(toRow);
  }

  get(key: string): OutboxRow | undefined {
    const row = this.db.prepare<[string], DbRow>('SELECT * FROM outbox WHERE idempotency_key = ?').get(key);
    return row ? toRow(row) : undefined;
  }

  all(): OutboxRow[] {
    return this.db.prepare<[], DbRow>('SELECT * FROM outbox ORDER BY queued_at').all().map(toRow);
  }

  /** Records one attempt's result; call inside a transaction with the export's status change. */
  recordAttempt(key: string, result: { state: OutboxState; at: string; nextAttemptMs: number; error: string | null }): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = @state, attempts = attempts + 1, last_attempt_at = @at, next_attempt_ms = @nextAttemptMs, last_error = @error,
           acknowledged_at = CASE WHEN @state = 'acknowledged' THEN @at ELSE acknowledged_at END
         WHERE idempotency_key = @key`,
      )
      .run({ key, ...result });
  }
}
