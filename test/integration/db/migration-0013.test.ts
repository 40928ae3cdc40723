import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../shared/node/db';
import { beforeMigration } from '../../support/migration';

describe('audit_content migration', () => {
  it("keeps every audit row and its chain, and finds a record's audit row by one index seek", () => {
    const { db, migrate } = beforeMigration('_audit_content');
    const log = new AuditLog(db);
    for (let n = 1; n <= 3; n += 1) {
      log.append({ at: `2021-03-01T0${n}:00:00.000Z`, actor: 'station', action: 'crossing.recorded', entity: 'crossing', entityId: `c${n}`, payload: { sequence: n, contentHash: 'h' } });
    }
    const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();

    migrate();
    expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
    expect(log.verify()).toMatchObject({ ok: true, rows: 3 });
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT min(seq) FROM audit_log WHERE entity = 'crossing' AND entity_id = ? AND action = 'crossing.recorded'").all('c2') as { detail: string }[])
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX audit_log_by_entity/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    db.close();
  });
});
