import type Database from 'better-sqlite3';

export type OutboxState = 'pending' | 'sent' | 'acknowledged';

export interface OutboxRow {
  readonly idempotencyKey: string;
  readonly exportId: string;
  /** A plaintext copy an earlier version left under <data dir>/outbox, not yet taken in; '' for bundles kept in the database. */
  readonly file: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptMs: number;
  readonly lastAttemptAt: string | null;
  readonly lastError: string | null;
  readonly queuedAt: string;
  readonly acknowledgedAt: string | null;
  /** Why the last attempt failed, as a code the Export screen translates (null after success). */
  readonly lastErrorCode: string | null;
  /** The hub's signed receipt (JSON), kept once verified. */
  readonly receipt: string | null;
  /** Not sent again: the hub refused this bundle for good (a person must act). */
  readonly held: boolean;
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
  last_error_code: string | null;
  receipt: string | null;
  held: number;
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
  lastErrorCode: r.last_error_code,
  receipt: r.receipt,
  held: r.held === 1,
});

/** The queue of bundles for the central system; rows are never deleted, so a restart resumes where it was. */
export class OutboxRepo {
  constructor(private readonly db: Database.Database) {}

  /**
   * Queues a bundle once, its zip kept in the (encrypted) database until the hub acknowledges it: the same
   * idempotency key again changes nothing. Returns whether it was new. Call inside a transaction.
   */
  enqueue(row: { idempotencyKey: string; exportId: string; zip: Uint8Array; queuedAt: string; nextAttemptMs: number }): boolean {
    const added =
      this.db
        .prepare(
          `INSERT INTO outbox (idempotency_key, export_id, file, state, next_attempt_ms, queued_at)
           VALUES (@idempotencyKey, @exportId, '', 'pending', @nextAttemptMs, @queuedAt) ON CONFLICT (idempotency_key) DO NOTHING`,
        )
        .run({ idempotencyKey: row.idempotencyKey, exportId: row.exportId, nextAttemptMs: row.nextAttemptMs, queuedAt: row.queuedAt }).changes === 1;
    if (added) this.db.prepare('INSERT INTO outbox_bundles (idempotency_key, zip) VALUES (?, ?)').run(row.idempotencyKey, row.zip);
    return added;
  }

  /** The queued bundle's zip, or undefined once acknowledged (or purged). */
  bundle(key: string): Buffer | undefined {
    return this.db.prepare<[string], { zip: Buffer }>('SELECT zip FROM outbox_bundles WHERE idempotency_key = ?').get(key)?.zip;
  }

  /** Drops a bundle's zip (the hub holds it, or retention ended it); returns whether one was there. */
  dropBundle(key: string): boolean {
    return this.db.prepare('DELETE FROM outbox_bundles WHERE idempotency_key = ?').run(key).changes === 1;
  }

  /** Keys whose zip is still kept (in the order queued). */
  keptBundles(): string[] {
    return this.db.prepare<[], string>('SELECT b.idempotency_key FROM outbox_bundles b JOIN outbox o USING (idempotency_key) ORDER BY o.queued_at').pluck().all();
  }

  /** Rows whose bundle is still a file an earlier version wrote (taken in at start). */
  withLegacyFiles(): OutboxRow[] {
    return this.db.prepare<[], DbRow>("SELECT * FROM outbox WHERE file <> '' ORDER BY queued_at").all().map(toRow);
  }

  /** Takes a legacy file's bytes into the database (unless acknowledged already) and forgets the path. */
  adoptLegacyFile(key: string, zip: Uint8Array | null): void {
    if (zip) this.db.prepare('INSERT INTO outbox_bundles (idempotency_key, zip) VALUES (?, ?) ON CONFLICT (idempotency_key) DO NOTHING').run(key, zip);
    this.db.prepare("UPDATE outbox SET file = '' WHERE idempotency_key = ?").run(key);
  }

  /** Items not yet acknowledged and not held, the one due first at the head. */
  open(): OutboxRow[] {
    return this.db.prepare<[], DbRow>("SELECT * FROM outbox WHERE state <> 'acknowledged' AND held = 0 ORDER BY next_attempt_ms, queued_at").all().map(toRow);
  }

  get(key: string): OutboxRow | undefined {
    const row = this.db.prepare<[string], DbRow>('SELECT * FROM outbox WHERE idempotency_key = ?').get(key);
    return row ? toRow(row) : undefined;
  }

  all(): OutboxRow[] {
    return this.db.prepare<[], DbRow>('SELECT * FROM outbox ORDER BY queued_at').all().map(toRow);
  }

  /**
   * Records one attempt's result; call inside a transaction with the export's status change. `receipt` is
   * kept only with an acknowledgement; `held` stops the item being sent again.
   */
  recordAttempt(
    key: string,
    result: { state: OutboxState; at: string; nextAttemptMs: number; error: string | null; errorCode?: string | null; receipt?: string | null; held?: boolean },
  ): void {
    this.db
      .prepare(
        `UPDATE outbox SET state = @state, attempts = attempts + 1, last_attempt_at = @at, next_attempt_ms = @nextAttemptMs, last_error = @error,
           last_error_code = @errorCode, held = @held, receipt = coalesce(@receipt, receipt),
           acknowledged_at = CASE WHEN @state = 'acknowledged' THEN @at ELSE acknowledged_at END
         WHERE idempotency_key = @key`,
      )
      .run({ key, state: result.state, at: result.at, nextAttemptMs: result.nextAttemptMs, error: result.error, errorCode: result.errorCode ?? null, receipt: result.receipt ?? null, held: result.held ? 1 : 0 });
  }

  /** Sends held items again (after a person acted: a new credential or hub key); returns how many. */
  release(): number {
    return this.db.prepare("UPDATE outbox SET held = 0 WHERE held = 1 AND state <> 'acknowledged'").run().changes;
  }
}
