import { describe, expect, it } from 'vitest';
import { beforeMigration } from '../../support/migration';

describe('user_pins migration', () => {
  it('keeps every user with the PIN they have, and marks none as reset', () => {
    const { db, migrate } = beforeMigration('_user_pins');
    db.prepare(
      `INSERT INTO operators (id, username, display_name, role, pin_hash, created_at, updated_at)
       VALUES ('u1', 'aziza', 'Aziza', 'operator', 'scrypt$hash', '2021-03-01T00:00:00Z', '2021-03-01T00:00:00Z')`,
    ).run();
    expect(() => db.prepare('SELECT pin_must_change FROM operators').all()).toThrow(/no such column/);

    migrate();
    expect(db.prepare('SELECT id, pin_hash, pin_must_change FROM operators').all()).toEqual([{ id: 'u1', pin_hash: 'scrypt$hash', pin_must_change: 0 }]);
    expect(() => db.prepare("UPDATE operators SET pin_must_change = 2 WHERE id = 'u1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
