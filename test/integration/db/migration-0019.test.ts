import { describe, expect, it } from 'vitest';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

describe('revocation migration', () => {
  it('keeps crossings and adds the revocation imports and their entries, one entry per hash type, hash and signer', () => {
    const { db, migrate } = beforeMigration('_revocation');
    insertFirstSchemaCrossing(db);
    expect(() => db.prepare('SELECT * FROM revocation_entries').all()).toThrow(/no such table/);

    migrate();
    expect(db.prepare('SELECT id, outcome FROM crossings').all()).toEqual([{ id: 'c-old', outcome: 'OK' }]);
    const list = db.prepare(
      `INSERT INTO revocation_lists (imported_at, actor, source, format, content_sha256, signed_by, batches, entries) VALUES ('now', 'a', 'r.json', 'eu-gateway', 'h', NULL, 1, ?)`,
    );
    expect(list.run(2).lastInsertRowid).toBe(1);
    expect(() => list.run(0)).toThrow(/CHECK/);
    const entry = db.prepare(`INSERT INTO revocation_entries (hash_type, hash, kid, country, expires, list_version) VALUES (?, ?, ?, ?, '2030-01-01T00:00:00Z', ?)`);
    entry.run('UCI', 'AAAAAAAAAAAAAAAAAAAAAA==', 'UNKNOWN_KID', 'DE', 1);
    entry.run('UCI', 'AAAAAAAAAAAAAAAAAAAAAA==', 'q+ccJtR3/Ew=', 'DE', 1);
    expect(() => entry.run('UCI', 'AAAAAAAAAAAAAAAAAAAAAA==', 'UNKNOWN_KID', 'DE', 1)).toThrow(/UNIQUE/);
    expect(() => entry.run('CI', 'AAAAAAAAAAAAAAAAAAAAAA==', 'UNKNOWN_KID', 'DE', 1)).toThrow(/CHECK/);
    expect(() => entry.run('UCI', 'BBBBBBBBBBBBBBBBBBBBBA==', 'UNKNOWN_KID', 'DE', 9)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
