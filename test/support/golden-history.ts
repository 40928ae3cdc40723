import type Database from 'better-sqlite3';
import type { Evidence } from '../../shared/domain/evidence';
import { CorrectionsRepo } from '../../shared/node/db/corrections-repo';
import { EvidenceRepo } from '../../shared/node/db/evidence-repo';
import { OverridesRepo } from '../../shared/node/db/overrides-repo';

/**
 * What bundle format v2 adds, on the golden station: people with names in three scripts, a held traveller
 * admitted by a consular officer whom an operator signed in for, a refusal re-judged with a certificate shown
 * later, a change of direction, a void, a late link to a bus, evidence of every kind and pairings (one with a
 * crossing imported from another station). Fixed ids and times, so the v2 golden bundles never move a byte.
 */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hid = (prefix: string, n: number) => `${prefix}0000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function addGoldenHistory(db: Database.Database, dayStartMs: number): void {
  const at = (minutes: number) => new Date(dayStartMs + minutes * 60_000).toISOString();
  const user = db.prepare(
    `INSERT INTO operators (id, username, display_name, role, pin_hash, created_at, updated_at) VALUES (?, ?, ?, ?, 'scrypt$1$1$1$00$00', ?, ?)`,
  );
  user.run('op-1', 'dina', 'Dilnoza "Dina" Rakhimova', 'operator', at(0), at(0));
  user.run('op-consul', 'zarina', 'Зарина Юсупова', 'consular', at(0), at(0));
  user.run('op-lead', 'aziz', "Aziz O'Karimov", 'shift-lead', at(0), at(0));

  const corrections = new CorrectionsRepo(db);
  const overrides = new OverridesRepo(db);
  const state = (crossing: number) =>
    db.prepare<[string], { disposition: 'crossed' | 'refused' | 'held' | 'cancelled'; direction: 'entry' | 'exit'; outcome: 'OK' | 'NOT_OK' | 'NEEDS_CROSS_CHECK'; group_id: string | null }>(
      'SELECT disposition, direction, outcome, group_id FROM crossing_state WHERE crossing_id = ?',
    ).get(id(crossing))!;
  const correct = (
    n: number,
    crossing: number,
    minutes: number,
    change: { kind: 'void' | 'direction' | 'rejudge' | 'admit' | 'refuse' | 'group'; disposition?: 'crossed' | 'refused' | 'cancelled'; direction?: 'entry' | 'exit'; outcome?: 'OK'; groupId?: string },
    operatorId: string | null,
    reason: string,
    overrideId: string | null = null,
  ) => {
    const now = state(crossing);
    const reasons = change.outcome ? [{ code: 'dcc.test.valid', severity: 'info' as const, message: 'Negative PCR test, 30 h old' }] : null;
    corrections.append(
      {
        id: hid('c', n),
        crossingId: id(crossing),
        kind: change.kind,
        disposition: change.disposition ?? null,
        direction: change.direction ?? null,
        outcome: change.outcome ?? null,
        reasons,
        groupId: change.groupId ?? null,
        reason,
        operatorId,
        overrideId,
        at: at(minutes),
      },
      {
        disposition: change.disposition ?? now.disposition,
        direction: change.direction ?? now.direction,
        outcome: change.outcome ?? now.outcome,
        groupId: change.kind === 'group' ? (change.groupId ?? null) : now.group_id,
      },
    );
  };

  // #7 was held (NEEDS CROSS-CHECK): a consular officer admits him; the operator at the lane entered it.
  overrides.insert({
    id: hid('d', 1),
    crossingId: id(7),
    previousOutcome: 'NEEDS_CROSS_CHECK',
    outcome: 'NEEDS_CROSS_CHECK',
    reason: 'Consul checked the paper test by phone with the lab, "negative"',
    operatorId: 'op-1',
    at: at(150),
    authorisedBy: 'op-consul',
    authoriserRole: 'consular',
    previousDisposition: 'held',
    disposition: 'crossed',
  });
  correct(1, 7, 150, { kind: 'admit', disposition: 'crossed' }, 'op-1', 'Consul checked the paper test by phone with the lab, "negative"', hid('d', 1));
  // #10 was refused (NOT OK): the certificate shown afterwards re-judges it OK, then the shift lead admits him.
  correct(2, 10, 200, { kind: 'rejudge', outcome: 'OK' }, 'op-1', 'Evidence added after recording');
  overrides.insert({
    id: hid('d', 2),
    crossingId: id(10),
    previousOutcome: 'OK',
    outcome: 'OK',
    reason: 'Re-judged OK, admitted by the shift lead',
    operatorId: 'op-lead',
    at: at(201),
    authorisedBy: 'op-lead',
    authoriserRole: 'shift-lead',
    previousDisposition: 'refused',
    disposition: 'crossed',
  });
  correct(3, 10, 201, { kind: 'admit', disposition: 'crossed' }, 'op-lead', 'Re-judged OK, admitted by the shift lead', hid('d', 2));
  correct(4, 12, 260, { kind: 'direction', direction: 'entry' }, 'op-lead', 'Recorded as exit by mistake');
  correct(5, 20, 400, { kind: 'void', disposition: 'cancelled' }, 'op-gone', 'Scanned the driver in error');
  correct(6, 3, 500, { kind: 'group', groupId: 'grp-bus-03' }, null, 'Manifest of Bus 03 imported after the crossing');

  const evidence = new EvidenceRepo(db);
  const dcc = (n: number, crossing: number, test: boolean): Evidence =>
    ({
      kind: 'dcc',
      id: hid('e', n),
      capturedAt: at(crossing),
      payloadSha256: 'ab'.repeat(32),
      valid: true,
      steps: {},
      problems: [],
      certificateType: test ? 'test' : 'vaccination',
      signer: { country: 'UZ', kid: 'a2lk' },
      claims: { issuer: 'UZ' },
      ...(test
        ? { test: { kind: 'pcr', typeCode: 'LP6464-4', result: 'negative', resultCode: '260415000', sampleTime: '2021-02-28T09:00:00Z', country: 'UZ', issuer: 'Ministry of Health, "UZ"', certificateId: 'URN:UVCI:01:UZ:ABC123#X' } }
        : { vaccination: { doseNumber: 2, seriesDoses: 2, date: '2021-01-10', productCode: 'EU/1/20/1528', country: 'KZ', issuer: 'МЗ РК', certificateId: 'URN:UVCI:01:KZ:Ж9' } }),
      codes: [],
      hcert: { ver: '1.3.0', nam: { fn: 'must never leave the station' } },
    }) as unknown as Evidence;
  evidence.insertForCrossing(id(2), [{ evidence: dcc(1, 2, true), outcome: 'OK' }]);
  evidence.insertForCrossing(id(8), [{ evidence: dcc(2, 8, false), outcome: 'OK' }]);
  evidence.insertForCrossing(id(10), [
    {
      evidence: { kind: 'paper-lab', id: hid('e', 3), capturedAt: at(199), lab: 'Lab № 3, Termez', testKind: 'rat', sampleTime: '2021-02-28T20:00:00+05:00', result: 'negative', certificateNumber: 'T-0042', hasPhoto: false },
      outcome: 'OK',
    },
    { evidence: { kind: 'other-qr', id: hid('e', 4), capturedAt: at(199), payloadSha256: 'cd'.repeat(32), form: 'url', text: 'https://lab.example/r/1', host: 'lab.example' }, outcome: 'NEEDS_CROSS_CHECK' },
  ]);

  const pair = db.prepare('INSERT INTO pairings (exit_id, entry_id, corridor_id, method, transit_minutes, paired_at) VALUES (?, ?, ?, ?, ?, ?)');
  pair.run(id(6), id(4), 'KZ-UZ-1', 'document', 95, at(300));
  // An entry recorded at another station, carried in a group file.
  pair.run(id(9), 'ffffffff-0000-4000-8000-000000000001', 'KZ-UZ-1', 'identity', 1_441, at(310));
}
