import { describe, expect, it } from 'vitest';
import { ParkedTravellersRepo } from '../../../shared/node/db/parked-travellers-repo';
import { beforeMigration } from '../../support/migration';

describe('parked_operator migration', () => {
  it('keeps travellers already waiting (naming nobody) and stores who decided the ones parked from now on', () => {
    const { db, migrate } = beforeMigration('_parked_operator');
    db.prepare(
      `INSERT INTO parked_travellers (scan_id, document_key, received_at_ms, expires_at_ms, traveller_json, result_json)
       VALUES ('s-old', 'TJK/N1', 1000, 901000, '{}', '{"scanId":"s-old"}')`,
    ).run();

    migrate();
    const parked = new ParkedTravellersRepo(db);
    expect(parked.all()).toEqual([{ scanId: 's-old', documentKey: 'TJK/N1', receivedAtMs: 1000, expiresAtMs: 901000, travellerJson: '{}', resultJson: '{"scanId":"s-old"}', operatorId: null }]);
    parked.save({ scanId: 's-new', documentKey: 'TJK/N2', receivedAtMs: 2000, expiresAtMs: 902000, travellerJson: '{}', resultJson: '{}', operatorId: 'user-aziza' });
    // A traveller joined by a colleague's scan is saved again under the same id: the latest operator is named.
    parked.save({ scanId: 's-new', documentKey: 'TJK/N2', receivedAtMs: 2000, expiresAtMs: 902000, travellerJson: '{}', resultJson: '{}', operatorId: 'user-bahrom' });
    expect(parked.all().map((r) => [r.scanId, r.operatorId])).toEqual([
      ['s-old', null],
      ['s-new', 'user-bahrom'],
    ]);
    db.close();
  });
});
