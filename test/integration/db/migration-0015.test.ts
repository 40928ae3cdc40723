import { describe, expect, it } from 'vitest';
import { ExportsRepo } from '../../../shared/node/db';
import { beforeMigration } from '../../support/migration';

describe('export_digests migration', () => {
  it('keeps the export history as it was (replacing nothing, no digests) and keeps row digests per export', () => {
    const { db, migrate } = beforeMigration('_export_digests');
    db.prepare(
      `INSERT INTO exports (id, manifest_sha256, station_id, period_from, period_to, period_from_ms, period_to_ms, time_zone,
         snapshot_sequence, crossings, alerts, audit_last, destination, format, status, created_at)
       VALUES ('e1', 'h', 'S', 'f', 't', 0, 10, 'UTC', 1, 1, 0, 'a', NULL, 'zip', 'written', 'now')`,
    ).run();

    migrate();
    const repo = new ExportsRepo(db);
    expect(repo.get('e1')).toMatchObject({ manifestSha256: 'h', supersedes: null });
    expect(repo.digestsOf('e1')).toBeNull();
    expect(repo.latestOfPeriod(0, 10)?.id).toBe('e1');
    expect(repo.latestOfPeriod(0, 11)).toBeUndefined();
    repo.insertDigests('e1', new Uint8Array([1, 2, 3]));
    expect([...(repo.digestsOf('e1') ?? [])]).toEqual([1, 2, 3]);
    expect(() => repo.insertDigests('nope', new Uint8Array([1]))).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
