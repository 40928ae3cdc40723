import { describe, expect, it } from 'vitest';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

describe('business_rules migration', () => {
  it('keeps crossings and adds the versioned business rule sets', () => {
    const { db, migrate } = beforeMigration('_business_rules');
    insertFirstSchemaCrossing(db);
    expect(() => db.prepare('SELECT * FROM business_rule_sets').all()).toThrow(/no such table/);

    migrate();
    expect(db.prepare('SELECT id, outcome FROM crossings').all()).toEqual([{ id: 'c-old', outcome: 'OK' }]);
    const add = db.prepare(
      `INSERT INTO business_rule_sets (country, imported_at, actor, source, content_sha256, rules, rules_json) VALUES (?, 'now', 'a', 'f.json', 'h', ?, '[]')`,
    );
    expect(add.run('UZ', 2).lastInsertRowid).toBe(1);
    expect(add.run('UZ', 3).lastInsertRowid).toBe(2);
    expect(() => add.run('UZB', 1)).toThrow(/CHECK/);
    expect(() => add.run('UZ', 0)).toThrow(/CHECK/);
    expect(db.prepare('SELECT version, rules FROM business_rule_sets ORDER BY version').all()).toEqual([
      { version: 1, rules: 2 },
      { version: 2, rules: 3 },
    ]);
    db.close();
  });
});
