import { describe, expect, it } from 'vitest';
import { OutboxRepo } from '../../../shared/node/db';
import { beforeMigration } from '../../support/migration';

describe('outbox_receipts migration', () => {
  it('keeps queued bundles as they were (not held, no receipt) and adds receipt, reason code and held', () => {
    const { db, migrate } = beforeMigration('_outbox_receipts');
    db.prepare(
      `INSERT INTO exports (id, manifest_sha256, station_id, period_from, period_to, period_from_ms, period_to_ms, time_zone,
         snapshot_sequence, crossings, alerts, audit_last, destination, format, status, created_at)
       VALUES ('e1', 'h', 'S', 'f', 't', 0, 10, 'UTC', 1, 1, 0, 'a', NULL, 'zip', 'queued', 'now')`,
    ).run();
    db.prepare(`INSERT INTO outbox (idempotency_key, export_id, file, state, next_attempt_ms, queued_at, last_error) VALUES ('k1', 'e1', 'f.zip', 'pending', 0, 'now', 'old')`).run();

    migrate();
    const repo = new OutboxRepo(db);
    expect(repo.get('k1')).toMatchObject({ state: 'pending', lastError: 'old', lastErrorCode: null, receipt: null, held: false });
    expect(repo.open().map((item) => item.idempotencyKey)).toEqual(['k1']);

    repo.recordAttempt('k1', { state: 'pending', at: 'now', nextAttemptMs: 1, error: 'changed', errorCode: 'bundle-invalid', held: true });
    expect(repo.open()).toEqual([]);
    expect(repo.release()).toBe(1);
    repo.recordAttempt('k1', { state: 'acknowledged', at: 'later', nextAttemptMs: 2, error: null, receipt: '{"receipt":{},"signature":"s"}' });
    expect(repo.get('k1')).toMatchObject({ state: 'acknowledged', receipt: '{"receipt":{},"signature":"s"}', lastErrorCode: null, held: false, acknowledgedAt: 'later' });
    expect(() => db.prepare(`UPDATE outbox SET held = 2`).run()).toThrow(/CHECK/);
    db.close();
  });
});
