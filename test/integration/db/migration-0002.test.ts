import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../shared/node/db';
import { beforeMigration } from '../../support/migration';
import { tempDir } from '../../support/temp-dir';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

const plan = (db: Database.Database, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('migration 0002_crossing_log', () => {
  it('keeps version-1 crossings, backfills their birth date and name key, and adds the crossing-log tables', () => {
    const { db, migration, migrate: migrateTo2 } = beforeMigration('0002_crossing_log');
    expect(migration.version).toBe(2);
    const insert = db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number, nationality, scan_source)
       VALUES (?, '2021-03-01T06:00:00.000Z', 1614578400000, 'STN-OLD', 'entry', 'OK', '[]', ?, ?, 'TJK', 'wedge')`,
    );
    insert.run('c1', JSON.stringify({ documentNumber: '401234567', surname: 'JURAEV', givenNames: 'RUSTAM', birthDate: '1990-01-15' }), '401234567');
    insert.run('c2', JSON.stringify({ documentNumber: 'FA1234567', surname: 'KARIMOVA', givenNames: '', birthDate: null }), 'FA1234567');

    migrateTo2();
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'alerts',
        'checkpoints',
        'corridors',
        'group_files',
        'imported_crossings',
        'manifest_entries',
        'manifest_imports',
        'operators',
        'overrides',
        'pairings',
        'stations',
        'travel_groups',
      ]),
    );
    expect(db.prepare('SELECT id, birth_date, name_key, corridor_id, group_id, checkpoint_id FROM crossings ORDER BY sequence').all()).toEqual([
      { id: 'c1', birth_date: '1990-01-15', name_key: 'JURAEV RUSTAM', corridor_id: null, group_id: null, checkpoint_id: null },
      { id: 'c2', birth_date: null, name_key: 'KARIMOVA', corridor_id: null, group_id: null, checkpoint_id: null },
    ]);
    db.close();
  });

  it('enforces what the model promises: one pairing per entry and exit, known alert types, real reasons, distinct corridor ends', () => {
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 2);
    const at = '2021-03-01T06:00:00.000Z';
    db.prepare(`INSERT INTO checkpoints (id, name, country, created_at) VALUES ('A', 'A', 'KAZ', ?), ('B', 'B', 'TJK', ?)`).run(at, at);
    const corridor = db.prepare(
      `INSERT INTO corridors (id, name, entry_checkpoint_id, exit_checkpoint_id, expected_transit_minutes, max_transit_minutes, created_at, updated_at)
       VALUES (?, 'x', ?, ?, ?, ?, ?, ?)`,
    );
    corridor.run('C1', 'A', 'B', 240, 360, at, at);
    expect(() => corridor.run('C2', 'A', 'A', 240, 360, at, at)).toThrow(/CHECK/);
    expect(() => corridor.run('C3', 'A', 'B', 240, 100, at, at)).toThrow(/CHECK/);
    expect(() => corridor.run('C4', 'A', 'NOWHERE', 240, 360, at, at)).toThrow(/FOREIGN KEY/);

    const pair = db.prepare(`INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at) VALUES (?, ?, 'C1', 'document', 240, ?)`);
    pair.run('x1', 'e1', at);
    expect(() => pair.run('x2', 'e1', at)).toThrow(/UNIQUE/);
    expect(() => pair.run('x1', 'e2', at)).toThrow(/UNIQUE/);

    const alert = db.prepare(`INSERT INTO alerts (id, type, severity, dedupe_key, raised_at, raised_at_ms) VALUES (?, ?, 'warning', ?, ?, 0)`);
    alert.run('a1', 'overdue', 'k1', at);
    expect(() => alert.run('a2', 'overdue', 'k1', at)).toThrow(/UNIQUE/);
    expect(() => alert.run('a3', 'bored', 'k3', at)).toThrow(/CHECK/);

    db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number, nationality, scan_source)
       VALUES ('c1', ?, 0, 'S', 'entry', 'NOT_OK', '[]', '{}', 'N1', 'TJK', 'wedge')`,
    ).run(at);
    const override = db.prepare(`INSERT INTO overrides (id, crossing_id, previous_outcome, outcome, reason, operator_id, at) VALUES (?, ?, 'NOT_OK', 'OK', ?, 'u', ?)`);
    override.run('o1', 'c1', 'PCR result confirmed by the lab on the phone', at);
    expect(() => override.run('o2', 'c1', '  ok ', at)).toThrow(/CHECK/);
    expect(() => override.run('o3', 'no-such-crossing', 'a real reason', at)).toThrow(/FOREIGN KEY/);

    const operator = db.prepare(`INSERT INTO operators (id, username, display_name, role, pin_hash, created_at, updated_at) VALUES (?, ?, 'x', ?, 'h', ?, ?)`);
    operator.run('u1', 'Aziza', 'operator', at, at);
    expect(() => operator.run('u2', 'aziza', 'operator', at, at)).toThrow(/UNIQUE/); // user names ignore case
    expect(() => operator.run('u3', 'boss', 'king', at, at)).toThrow(/CHECK/);
    db.close();
  });

  it('gives pairing and its sweeps an index for every lookup (fast on a million crossings)', () => {
    const db = new Database(path.join(tempDir(), 'station.sqlite'));
    migrate(db, MIGRATIONS, 2);
    const byDocument = plan(db, "SELECT id FROM crossings WHERE document_number = ? AND nationality = ? AND direction = 'entry' AND corridor_id = ?", 'N', 'TJK', 'C');
    expect(byDocument).toMatch(/USING (COVERING )?INDEX crossings_pairing_by_document \(document_number=\? AND nationality=\? AND corridor_id=\? AND direction=\?\)/);
    expect(plan(db, "SELECT id FROM crossings WHERE nationality = ? AND birth_date IN (?, ?) AND direction = 'exit' AND corridor_id = ?", 'TJK', '1990-01-15', '1990-15-01', 'C')).toMatch(
      /USING (COVERING )?INDEX crossings_by_identity/,
    );
    expect(plan(db, "SELECT id FROM imported_crossings WHERE document_number = ? AND nationality = ? AND direction = 'entry' AND corridor_id = ?", 'N', 'TJK', 'C')).toMatch(
      /USING (COVERING )?INDEX imported_by_document/,
    );
    expect(plan(db, 'SELECT 1 FROM pairings WHERE entry_id = ?', 'e')).toMatch(/USING (COVERING )?INDEX/);
    expect(plan(db, "SELECT id FROM crossings WHERE corridor_id = ? AND direction = 'entry' AND recorded_at_ms < ?", 'C', 0)).toMatch(/USING INDEX crossings_by_corridor/);
    db.close();
  });
});
