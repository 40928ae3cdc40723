import { describe, expect, it } from 'vitest';
import { beforeMigration } from '../../support/migration';

describe('dispositions migration', () => {
  it('keeps every crossing as the crossing it was recorded as, adds its current state, and keeps corrections append-only', () => {
    const { db, migrate } = beforeMigration('_dispositions');
    const insert = db.prepare(
      `INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number, nationality, scan_source, group_id)
       VALUES (?, '2021-03-01T00:00:00Z', 0, 'S', ?, ?, '[]', '{}', ?, 'TJK', 'wedge', ?)`,
    );
    insert.run('c-ok', 'entry', 'OK', 'N1', 'g1');
    insert.run('c-not-ok', 'exit', 'NOT_OK', 'N2', null);

    migrate();
    // Before dispositions every Enter recorded a crossing: that is what the log said, and it stays so.
    expect(db.prepare('SELECT id, disposition FROM crossings ORDER BY id').all()).toEqual([
      { id: 'c-not-ok', disposition: 'crossed' },
      { id: 'c-ok', disposition: 'crossed' },
    ]);
    expect(db.prepare('SELECT crossing_id, disposition, direction, outcome, group_id, corrections FROM crossing_state ORDER BY crossing_id').all()).toEqual([
      { crossing_id: 'c-not-ok', disposition: 'crossed', direction: 'exit', outcome: 'NOT_OK', group_id: null, corrections: 0 },
      { crossing_id: 'c-ok', disposition: 'crossed', direction: 'entry', outcome: 'OK', group_id: 'g1', corrections: 0 },
    ]);
    expect(db.prepare("SELECT id, disposition, direction, outcome FROM local_passages WHERE id = 'c-ok'").get()).toEqual({ id: 'c-ok', disposition: 'crossed', direction: 'entry', outcome: 'OK' });

    const correct = db.prepare(
      `INSERT INTO corrections (id, crossing_id, kind, disposition, reason, at, at_ms) VALUES (?, ?, ?, ?, 'Scanned in error', '2021-03-01T00:05:00Z', 300000)`,
    );
    correct.run('k1', 'c-ok', 'void', 'cancelled');
    expect(() => correct.run('k2', 'no-such-crossing', 'void', 'cancelled')).toThrow(/FOREIGN KEY/);
    expect(() => correct.run('k3', 'c-ok', 'rewrite', 'cancelled')).toThrow(/CHECK/);
    expect(() => correct.run('k4', 'c-ok', 'void', 'vanished')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE corrections SET disposition = 'crossed' WHERE id = 'k1'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM corrections WHERE id = 'k1'").run()).toThrow(/append-only/);
    // Only the retention purge's blanking of the free-text reason is allowed.
    db.prepare("UPDATE corrections SET reason = 'Reason removed after the retention period.' WHERE id = 'k1'").run();
    expect(() => db.prepare("INSERT INTO crossings (id, recorded_at, recorded_at_ms, station_id, direction, outcome, reasons_json, document_json, document_number, nationality, scan_source, disposition) VALUES ('c-x', 't', 0, 'S', 'entry', 'OK', '[]', '{}', 'N3', 'TJK', 'wedge', 'waved')").run()).toThrow(/CHECK/);
    db.close();
  });
});
