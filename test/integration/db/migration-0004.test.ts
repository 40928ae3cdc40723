import { describe, expect, it } from 'vitest';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

describe('exports_outbox migration', () => {
  it('keeps crossings and adds the export history and the outbox queue', () => {
    const { db, migrate } = beforeMigration('_exports_outbox');
    insertFirstSchemaCrossing(db);

    migrate();
    expect(db.prepare('SELECT id, outcome FROM crossings').all()).toEqual([{ id: 'c-old', outcome: 'OK' }]);

    const insertExport = db.prepare(
      `INSERT INTO exports (id, manifest_sha256, station_id, period_from, period_to, period_from_ms, period_to_ms, time_zone,
         snapshot_sequence, crossings, alerts, audit_last, destination, format, status, created_at)
       VALUES (?, 'h', 'S', 'f', 't', 0, ?, 'UTC', 1, 1, 0, 'a', NULL, ?, ?, 'now')`,
    );
    insertExport.run('e1', 10, 'zip', 'queued');
    expect(() => insertExport.run('e2', 0, 'zip', 'queued')).toThrow(/CHECK/);
    expect(() => insertExport.run('e3', 10, 'tar', 'queued')).toThrow(/CHECK/);
    expect(() => insertExport.run('e4', 10, 'zip', 'lost')).toThrow(/CHECK/);

    const enqueue = db.prepare(
      `INSERT INTO outbox (idempotency_key, export_id, file, state, next_attempt_ms, queued_at) VALUES (?, ?, 'f.zip', 'pending', 0, 'now')`,
    );
    enqueue.run('k1', 'e1');
    expect(() => enqueue.run('k1', 'e1')).toThrow(/UNIQUE/);
    expect(() => enqueue.run('k2', 'no-such-export')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
