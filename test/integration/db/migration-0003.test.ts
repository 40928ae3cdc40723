import { describe, expect, it } from 'vitest';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

describe('0003_covid_evidence', () => {
  it('keeps existing crossings (judged by no profile), and adds trust list, rule profiles and evidence', () => {
    const { db, migration, migrate } = beforeMigration('0003_covid_evidence');
    expect(migration.version).toBe(3);
    insertFirstSchemaCrossing(db);

    migrate();
    const old = db.prepare('SELECT id, outcome, rule_profile_id, rule_profile_version FROM crossings').all();
    expect(old).toEqual([{ id: 'c-old', outcome: 'OK', rule_profile_id: null, rule_profile_version: null }]);

    // Rule profiles keep their history: no edits, no deletes.
    db.prepare(
      `INSERT INTO rule_profiles (id, version, name, corridor, direction, effective_from, effective_from_ms, profile_json, saved_at, saved_by)
       VALUES ('p', 1, 'P', 'KZ-UZ-TJ', 'both', '2021-01-01T00:00:00Z', 0, '{}', '2021-01-01T00:00:00Z', 'station')`,
    ).run();
    expect(() => db.prepare("UPDATE rule_profiles SET name = 'x'").run()).toThrow(/keeps history/);
    expect(() => db.prepare('DELETE FROM rule_profiles').run()).toThrow(/keeps history/);
    expect(() => db.prepare(`INSERT INTO rule_profiles SELECT id, 1, name, corridor, direction, effective_from, effective_from_ms, profile_json, saved_at, saved_by FROM rule_profiles`).run()).toThrow(/UNIQUE/);

    // Evidence belongs to a crossing.
    const evidence = db.prepare(
      `INSERT INTO evidence (id, crossing_id, kind, captured_at, payload_sha256, outcome, summary_json) VALUES (?, ?, 'dcc', 't', 'h', 'OK', '{}')`,
    );
    evidence.run('e1', 'c-old');
    expect(() => evidence.run('e2', 'no-such-crossing')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO evidence (id, crossing_id, kind, captured_at, outcome, summary_json) VALUES ('e3', 'c-old', 'photo', 't', 'OK', '{}')`).run()).toThrow(/CHECK/);

    // Trust-list entries point at their import.
    db.prepare(
      `INSERT INTO trust_list_imports (id, imported_at, imported_at_ms, source, format, content_sha256, entries, actor)
       VALUES ('i1', '2021-06-01T00:00:00Z', 0, 'list.json', 'eu-gateway', 'h', 1, 'station')`,
    ).run();
    const entry = db.prepare(
      `INSERT INTO trust_list_entries (der_sha256, kid, country, subject, not_before, not_after, key_usage_json, der, import_id)
       VALUES (?, 'kid', 'UZ', 'C=UZ', 'a', 'b', '[]', x'30', ?)`,
    );
    entry.run('d1', 'i1');
    expect(() => entry.run('d2', 'no-such-import')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO trust_list_imports (id, imported_at, imported_at_ms, source, format, content_sha256, entries, actor) VALUES ('i2', 't', 0, 's', 'xml', 'h', 1, 'a')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
