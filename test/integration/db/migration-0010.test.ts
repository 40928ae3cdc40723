import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, OutboxRepo, migrate, schemaVersion } from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

const migration = MIGRATIONS.find((m) => m.name.endsWith('_outbox_bundles'));

describe('outbox_bundles migration', () => {
  it('keeps queued items with their legacy file paths, and keeps new bundles in the database until dropped', () => {
    if (!migration) throw new Error('the outbox_bundles migration is not listed');
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, migration.version - 1);
    const exportRow = db.prepare(
      `INSERT INTO exports (id, manifest_sha256, station_id, period_from, period_to, period_from_ms, period_to_ms, time_zone,
         snapshot_sequence, crossings, alerts, audit_last, destination, format, status, created_at)
       VALUES (?, ?, 'S', 'f', 't', 0, 10, 'UTC', 1, 1, 0, 'a', NULL, 'zip', 'queued', 'now')`,
    );
    exportRow.run('e1', 'k1');
    db.prepare(`INSERT INTO outbox (idempotency_key, export_id, file, state, next_attempt_ms, queued_at) VALUES ('k1', 'e1', '/data/outbox/e1.zip', 'pending', 0, 'now')`).run();

    migrate(db, MIGRATIONS, migration.version);
    expect(schemaVersion(db)).toBe(migration.version);
    const repo = new OutboxRepo(db);
    expect(repo.withLegacyFiles().map((item) => [item.idempotencyKey, item.file])).toEqual([['k1', '/data/outbox/e1.zip']]);
    expect(repo.bundle('k1')).toBeUndefined();
    repo.adoptLegacyFile('k1', Buffer.from('zip one'));
    expect(repo.withLegacyFiles()).toEqual([]);
    expect(repo.bundle('k1')?.toString()).toBe('zip one');

    exportRow.run('e2', 'k2');
    expect(repo.enqueue({ idempotencyKey: 'k2', exportId: 'e2', zip: Buffer.from('zip two'), queuedAt: 'now+1', nextAttemptMs: 1 })).toBe(true);
    // The same bundle again changes nothing, its copy included.
    expect(repo.enqueue({ idempotencyKey: 'k2', exportId: 'e2', zip: Buffer.from('other'), queuedAt: 'now+1', nextAttemptMs: 1 })).toBe(false);
    expect(repo.get('k2')?.file).toBe('');
    expect(repo.keptBundles()).toEqual(['k1', 'k2']);
    expect(repo.dropBundle('k1')).toBe(true);
    expect(repo.dropBundle('k1')).toBe(false);
    expect(repo.keptBundles()).toEqual(['k2']);
    // A copy belongs to a queue entry.
    expect(() => db.prepare(`INSERT INTO outbox_bundles (idempotency_key, zip) VALUES ('nobody', x'00')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
