import { describe, expect, it } from 'vitest';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

describe('lab_results migration', () => {
  it('adds lab keys, lists, results and link registries, and keeps every evidence row while widening its kinds', () => {
    const { db, migrate } = beforeMigration('_lab_results');
    insertFirstSchemaCrossing(db, 'c-before');
    const insertEvidence = db.prepare(
      "INSERT INTO evidence (id, crossing_id, kind, captured_at, payload_sha256, outcome, summary_json) VALUES (?, 'c-before', ?, '2021-06-01T00:00:00Z', 'h', 'OK', ?)",
    );
    insertEvidence.run('e-dcc', 'dcc', '{"kind":"dcc"}');
    expect(() => insertEvidence.run('e-lab', 'lab-result', '{}')).toThrow(/CHECK constraint/);

    migrate();
    expect(db.prepare('SELECT id, kind, summary_json FROM evidence').all()).toEqual([{ id: 'e-dcc', kind: 'dcc', summary_json: '{"kind":"dcc"}' }]);
    insertEvidence.run('e-lab', 'lab-result', '{"kind":"lab-result"}');
    expect(() => insertEvidence.run('e-bad', 'rumour', '{}')).toThrow(/CHECK constraint/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'evidence' ORDER BY name").all()).toEqual([
      { name: 'evidence_by_crossing' },
      { name: 'evidence_by_payload' },
      { name: 'sqlite_autoindex_evidence_1' },
    ]);

    db.prepare(
      "INSERT INTO lab_keys VALUES ('k1', 'kz-olymp', 'Olymp', 'KZ', 'Ed25519', 'pem', '2021-06-01T00:00:00Z', 'admin', 'settings')",
    ).run();
    db.prepare("INSERT INTO lab_lists (lab_id, key_id, imported_at, actor, source, content_sha256, signature_json, rows, problems_json) VALUES ('kz-olymp', 'k1', 't', 'a', 's', 'h', '{}', 1, '[]')").run();
    expect(() => db.prepare("UPDATE lab_lists SET rows = 2").run()).toThrow(/kept as imported/);
    expect(() => db.prepare("INSERT INTO lab_lists (lab_id, key_id, imported_at, actor, source, content_sha256, signature_json, rows, problems_json) VALUES ('x', 'no-such-key', 't', 'a', 's', 'h', '{}', 1, '[]')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});
