import { describe, expect, it } from 'vitest';
import { StationStore, openStationDatabase, type NewCrossing } from '../../../shared/node/db';
import { tempDir } from '../../support/temp-dir';

const crossing = (n: number, recordedAt = `2021-03-01T0${n % 10}:00:00.000Z`): NewCrossing => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  recordedAt,
  stationId: 'STN-TEST',
  operatorId: null,
  direction: n % 2 === 0 ? 'entry' : 'exit',
  outcome: 'OK',
  reasons: [{ code: 'mrz.valid', severity: 'info', message: 'ok' }],
  document: {
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'TJK',
    documentNumber: `40000000${n}`,
    nationality: 'TJK',
    surname: 'JURAEV',
    givenNames: 'RUSTAM',
    birthDate: '1990-01-15',
    sex: 'M',
    expiryDate: '2030-06-20',
  },
  scanSource: 'wedge',
  note: null,
});

describe('StationStore', () => {
  it('records crossings durably and lists them newest first with a total', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    for (let n = 1; n <= 5; n += 1) store.recordCrossing(crossing(n), 'station');
    store.close();

    const reopened = StationStore.open(dir);
    const page = reopened.listCrossings({ limit: 2 });
    expect(page.total).toBe(5);
    expect(page.items.map((c) => c.sequence)).toEqual([5, 4]);
    expect(page.items[0]).toEqual({ ...crossing(5), sequence: 5, disposition: 'crossed', checkpointId: null, corridorId: null, groupId: null, ruleProfileId: null, ruleProfileVersion: null });
    const next = reopened.listCrossings({ limit: 10, beforeSequence: 4 });
    expect(next.items.map((c) => c.sequence)).toEqual([3, 2, 1]);
    expect(reopened.listCrossings({ limit: 10, documentNumber: '400000003' }).items.map((c) => c.sequence)).toEqual([3]);
    expect(
      reopened.listCrossings({ limit: 10, fromMs: Date.parse('2021-03-01T02:00:00Z'), toMs: Date.parse('2021-03-01T04:00:00Z') }).total,
    ).toBe(2);
    reopened.close();
  });

  it('writes one chained audit row per crossing, without personal data', () => {
    const store = StationStore.open(tempDir());
    store.recordCrossing(crossing(1), 'station');
    store.recordCrossing(crossing(2), 'station');
    const verification = store.verifyAudit();
    expect(verification).toMatchObject({ ok: true, rows: 2 });
    store.close();
  });

  it('detects an audit row edited behind its back and names it', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    for (let n = 1; n <= 3; n += 1) store.recordCrossing(crossing(n), 'station');
    store.close();

    // An attacker with the file: drop the trigger, rewrite row 2's payload.
    const raw = openStationDatabase(dir);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET payload_json = '{"sequence":99}' WHERE seq = 2`).run();
    raw.close();

    const reopened = StationStore.open(dir);
    expect(reopened.verifyAudit()).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    expect(reopened.checkIntegrity().ok).toBe(false);
    reopened.close();
  });

  it('keeps the first station id it was given', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    expect(store.ensureSetting('station.id', () => 'STN-A')).toBe('STN-A');
    expect(store.ensureSetting('station.id', () => 'STN-B')).toBe('STN-A');
    store.close();
  });

  it('rolls back the crossing when its audit row cannot be written', () => {
    const dir = tempDir();
    const store = StationStore.open(dir);
    store.recordCrossing(crossing(1), 'station');
    // A duplicate id violates UNIQUE: the transaction must leave neither row nor audit entry behind.
    expect(() => store.recordCrossing(crossing(1), 'station')).toThrow(/UNIQUE/);
    expect(store.countCrossings()).toBe(1);
    expect(store.verifyAudit()).toMatchObject({ ok: true, rows: 1 });
    store.close();
  });
});
