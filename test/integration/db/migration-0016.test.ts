import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate as migrateTo } from '../../../shared/node/db';
import { ParkedTravellersRepo } from '../../../shared/node/db/parked-travellers-repo';
import { beforeMigration, insertFirstSchemaCrossing } from '../../support/migration';

describe('parked_travellers migration', () => {
  it('adds the table of travellers waiting for Enter, keeping the log as it was', () => {
    const { db, migrate } = beforeMigration('_parked_travellers');
    insertFirstSchemaCrossing(db, 'c-before');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'parked_travellers'").get()).toBeUndefined();

    migrate();
    expect(db.prepare('SELECT id FROM crossings').all()).toEqual([{ id: 'c-before' }]);
    // Today's repository reads the table as the later migrations leave it (0018 adds who decided the traveller).
    migrateTo(db, MIGRATIONS);
    const parked = new ParkedTravellersRepo(db);
    expect(parked.all()).toEqual([]);
    const row = (scanId: string, documentKey: string, receivedAtMs: number) => ({ scanId, documentKey, receivedAtMs, expiresAtMs: receivedAtMs + 900_000, travellerJson: '{}', resultJson: '{}', operatorId: null });
    parked.save(row('s-2', 'TJK/N2', 2000));
    parked.save(row('s-1', 'TJK/N1', 1000));
    parked.save(row('s-3', 'TJK/N1', 3000));
    expect(parked.all().map((r) => r.scanId)).toEqual(['s-1', 's-2', 's-3']);
    // Saving a joined traveller again replaces its row.
    parked.save({ ...row('s-2', 'TJK/N2', 2000), resultJson: '{"joined":true}' });
    expect(parked.all().find((r) => r.scanId === 's-2')?.resultJson).toBe('{"joined":true}');
    // N1 recorded for the traveller scanned at 2500: the one before waits no more, the later one still does.
    parked.removeDocumentUpTo('TJK/N1', 2500);
    expect(parked.all().map((r) => r.scanId)).toEqual(['s-2', 's-3']);
    parked.remove('s-2');
    expect(parked.all().map((r) => r.scanId)).toEqual(['s-3']);
    expect(() => db.prepare("INSERT INTO parked_travellers (scan_id, document_key, received_at_ms, expires_at_ms, traveller_json, result_json) VALUES ('x', 'k', 'soon', 0, '{}', '{}')").run()).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
  });
});
