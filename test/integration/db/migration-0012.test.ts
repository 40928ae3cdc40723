import { describe, expect, it } from 'vitest';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

const HUB = 'a'.repeat(64);

describe('station_packages migration', () => {
  it('keeps crossings and adds the packages applied from the hub (one row per hub and seq) and the group-file uplink', () => {
    const { db, migrate } = beforeMigration('_station_packages');
    insertFirstSchemaCrossing(db);
    expect(() => db.prepare('SELECT * FROM station_packages').all()).toThrow(/no such table/);

    migrate();
    expect(db.prepare('SELECT id, outcome FROM crossings').all()).toEqual([{ id: 'c-old', outcome: 'OK' }]);
    const add = db.prepare(
      `INSERT INTO station_packages (hub_fingerprint, seq, kind, name, content_sha256, issued_at, received_at, via, outcome, detail_json, error_key)
       VALUES (?, ?, 'trust-list', 'trust.json', 'h', 'i', 'r', ?, ?, '{}', NULL)`,
    );
    add.run(HUB, 1, 'hub', 'applied');
    add.run(HUB, 2, 'folder', 'refused');
    expect(() => add.run(HUB, 2, 'hub', 'applied')).toThrow(/UNIQUE/);
    expect(() => add.run(HUB, 3, 'email', 'applied')).toThrow(/CHECK/);
    expect(() => add.run(HUB, 4, 'hub', 'maybe')).toThrow(/CHECK/);
    expect(() => add.run('short', 5, 'hub', 'applied')).toThrow(/CHECK/);
    expect(db.prepare('SELECT max(seq) AS cursor FROM station_packages WHERE hub_fingerprint = ?').get(HUB)).toEqual({ cursor: 2 });
    expect(() => db.prepare(`INSERT INTO group_file_uplink (group_id, queued_at) VALUES ('no-such-group', 'now')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
