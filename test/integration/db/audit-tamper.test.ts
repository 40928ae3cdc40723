/**
 * An attacker with the data folder and its key opens the encrypted database and edits it with SQL. `checkpoint db check`
 * and `checkpoint audit verify` must name each edit (exit 1). Every test here passed both commands on the station before
 * the audit rows covered the records' content and the chain head was signed outside the database.
 */
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core, Direction } from '../../../shared/contract';
import type { Role } from '../../../shared/domain/auth';
import { auditHash, openStationDatabase, type SqliteDatabase } from '../../../shared/node/db';
import { crossingSeal, readCrossingRecord } from '../../../shared/node/db/content-seal';
import { PASSPORT_ONLY_PROFILE, mrzOf, stationAt, traveller } from '../../fixtures/corridor/bus';
import { runCheckpoint } from '../../support/cli';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testUser } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

interface Recorded {
  readonly dataDir: string;
  /** Crossing ids by what happened at the lane. */
  readonly ok1: string;
  readonly ok2: string;
  readonly refused: string;
  readonly voided: string;
  readonly admitted: string;
  readonly last: string;
  readonly operatorId: string;
}

const signInAs = async (core: Core, role: Role) => unwrap(await core.login({ username: TEST_USERNAME[role], pin: TEST_PIN[role] }));

async function record(core: Core, payload: string, direction: Direction = 'entry', extra: Record<string, unknown> = {}): Promise<string> {
  const scan = unwrap(await core.scan({ payload, source: 'wedge', direction }));
  return unwrap(await core.recordCrossing({ scanId: scan.scanId, direction, ...extra })).id;
}

/** A day at the lane through the real core: crossings, a refusal, a voided crossing (a correction), an override. */
async function recordedStation(): Promise<Recorded> {
  const dataDir = tempDir();
  const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
  const core = await createCore({
    pinHashCost: TEST_PIN_HASH_COST,
    dataDir,
    clock,
    logger: silentLogger,
    bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('consular')], signIn: TEST_USERNAME.admin },
  });
  try {
    unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
    const operator = await signInAs(core, 'operator');
    const ok1 = await record(core, mrzOf(traveller(1)));
    clock.advance(60_000);
    const ok2 = await record(core, mrzOf(traveller(2)));
    clock.advance(60_000);
    const refused = await record(core, mrzOf(traveller(30)));
    clock.advance(60_000);
    const voided = await record(core, mrzOf(traveller(3)));
    unwrap(await core.amendCrossing({ crossingId: voided, change: { kind: 'void', reason: 'Scanned the wrong passport' } }));
    clock.advance(60_000);
    const admitted = await record(core, mrzOf(traveller(31, { expiryDate: '2020-11-30' })), 'entry', {
      override: { username: TEST_USERNAME.consular, pin: TEST_PIN.consular, reason: 'Humanitarian: returning home' },
    });
    clock.advance(60_000);
    const last = await record(core, mrzOf(traveller(4)));
    const operatorId = (operator as { user?: { id?: string } }).user?.id ?? '';
    return { dataDir, ok1, ok2, refused, voided, admitted, last, operatorId };
  } finally {
    core.close();
  }
}

/** The attacker's session: the real key, plain SQL, foreign keys off, and the triggers put back afterwards. */
function tamper(dataDir: string, edit: (db: SqliteDatabase) => void): void {
  const db = openStationDatabase(dataDir);
  try {
    db.pragma('foreign_keys = OFF');
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    edit(db);
    for (const t of triggers) if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(t.name)) db.exec(t.sql);
  } finally {
    db.close();
  }
}

/** Recomputes every audit hash from `fromSeq` on, as the app computes them: the chain is whole again. */
function rechain(db: SqliteDatabase, fromSeq: number): void {
  const rows = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as {
    seq: number; at: string; actor: string; action: string; entity: string; entity_id: string; payload_json: string;
  }[];
  let prevHash = (db.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck().get(fromSeq) as string | undefined) ?? '0'.repeat(64);
  // hash is UNIQUE: move the old values out of the way first.
  db.prepare("UPDATE audit_log SET hash = 'old-' || hash WHERE seq >= ?").run(fromSeq);
  for (const row of rows) {
    const entry = { at: row.at, actor: row.actor, action: row.action, entity: row.entity, entityId: row.entity_id, payload: JSON.parse(row.payload_json) as Record<string, unknown> };
    const hash = auditHash(prevHash, entry);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prevHash, hash, row.seq);
    prevHash = hash;
  }
}

const auditSeqOf = (db: SqliteDatabase, action: string, entityId: string): number =>
  db.prepare('SELECT seq FROM audit_log WHERE action = ? AND entity_id = ? ORDER BY seq LIMIT 1').pluck().get(action, entityId) as number;

interface CheckReport {
  ok: boolean;
  content?: { ok: boolean; problems: { kind: string; entity: string; id: string }[] };
  schema?: { ok: boolean; problems: string[] };
  anchor?: { ok: boolean; problems: string[] };
}

/** Runs both commands; each must fail, and db check's report is returned for the details. */
async function checks(dataDir: string, dbCheckFlags: readonly string[] = []): Promise<{ report: CheckReport; stderr: string }> {
  const db = await runCheckpoint(['db', 'check', ...dbCheckFlags, '--data-dir', dataDir]);
  const audit = await runCheckpoint(['audit', 'verify', '--data-dir', dataDir]);
  expect({ db: db.code, audit: audit.code }).toEqual({ db: 1, audit: 1 });
  return { report: JSON.parse(db.stdout) as CheckReport, stderr: db.stderr };
}

describe('database tampering with the key is named by db check and audit verify', () => {
  it('an untouched station passes both checks', async () => {
    const station = await recordedStation();
    const db = await runCheckpoint(['db', 'check', '--data-dir', station.dataDir]);
    const audit = await runCheckpoint(['audit', 'verify', '--data-dir', station.dataDir]);
    expect({ db: db.code, audit: audit.code, stderr: db.stderr }).toEqual({ db: 0, audit: 0, stderr: '' });
    expect(JSON.parse(db.stdout)).toMatchObject({ ok: true, content: { ok: true, problems: [] }, schema: { ok: true }, anchor: { ok: true } });
  });

  it('1. deleting a crossing', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) => {
      for (const table of ['crossing_state', 'evidence', 'open_entries']) db.prepare(`DELETE FROM ${table} WHERE ${table === 'open_entries' ? 'entry_id' : 'crossing_id'} = ?`).run(s.ok2);
      db.prepare('DELETE FROM crossings WHERE id = ?').run(s.ok2);
    });
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'missing', entity: 'crossing', id: s.ok2 }));
  });

  it('2. flipping a refusal (NOT OK) into an OK crossing, record and current state alike', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) => {
      db.prepare("UPDATE crossings SET outcome = 'OK', disposition = 'crossed', reasons_json = '[]' WHERE id = ?").run(s.refused);
      db.prepare("UPDATE crossing_state SET outcome = 'OK', disposition = 'crossed' WHERE crossing_id = ?").run(s.refused);
    });
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'changed', entity: 'crossing', id: s.refused }));
  });

  it('3. flipping only the current state that lists, counts and exports read', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) => db.prepare("UPDATE crossing_state SET outcome = 'OK', disposition = 'crossed' WHERE crossing_id = ?").run(s.refused));
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'state', entity: 'crossing', id: s.refused }));
  });

  it('4. editing a document number in the record', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) =>
      db.prepare("UPDATE crossings SET document_number = 'TJ9999999', document_json = json_set(document_json, '$.documentNumber', 'TJ9999999') WHERE id = ?").run(s.ok1),
    );
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'changed', entity: 'crossing', id: s.ok1 }));
  });

  it('5. editing only the searched document number column', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) => db.prepare("UPDATE crossings SET document_number = 'TJ9999999' WHERE id = ?").run(s.ok1));
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'changed', entity: 'crossing', id: s.ok1 }));
  });

  it('6. inserting a forged crossing', async () => {
    const s = await recordedStation();
    const forged = '0badc0de-0000-4000-8000-000000000001';
    tamper(s.dataDir, (db) => {
      const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('crossings') as string[]).filter((c) => c !== 'sequence' && c !== 'id');
      db.prepare(`INSERT INTO crossings (id, ${columns.join(', ')}) SELECT ?, ${columns.join(', ')} FROM crossings WHERE id = ?`).run(forged, s.ok1);
      db.prepare(`INSERT INTO crossing_state SELECT ?, disposition, direction, outcome, group_id, corrections, updated_at FROM crossing_state WHERE crossing_id = ?`).run(forged, s.ok1);
    });
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'extra', entity: 'crossing', id: forged }));
  });

  it('7. deleting a correction (the voided crossing counts as crossed again)', async () => {
    const s = await recordedStation();
    const correction = await (async () => {
      const db = openStationDatabase(s.dataDir, { readonly: true });
      try {
        return db.prepare('SELECT id FROM corrections WHERE crossing_id = ?').pluck().get(s.voided) as string;
      } finally {
        db.close();
      }
    })();
    tamper(s.dataDir, (db) => {
      db.prepare('DELETE FROM corrections WHERE crossing_id = ?').run(s.voided);
      db.prepare("UPDATE crossing_state SET disposition = 'crossed', corrections = 0 WHERE crossing_id = ?").run(s.voided);
    });
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'missing', entity: 'correction', id: correction }));
  });

  it('8. editing who authorised an override and why', async () => {
    const s = await recordedStation();
    let overrideId = '';
    tamper(s.dataDir, (db) => {
      overrideId = db.prepare('SELECT id FROM overrides WHERE crossing_id = ?').pluck().get(s.admitted) as string;
      db.prepare("UPDATE overrides SET authorised_by = ?, authoriser_role = 'consular', reason = 'Checked twice, all fine' WHERE id = ?").run(s.operatorId, overrideId);
    });
    const { report } = await checks(s.dataDir);
    expect(report.content?.problems).toContainEqual(expect.objectContaining({ kind: 'changed', entity: 'override', id: overrideId }));
  });

  it('9. dropping the append-only triggers', async () => {
    const s = await recordedStation();
    const db = openStationDatabase(s.dataDir);
    for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'corrections_no_delete']) db.exec(`DROP TRIGGER ${name}`);
    db.close();
    const { report } = await checks(s.dataDir);
    expect(report.schema?.problems.join('\n')).toMatch(/audit_log_no_update[\s\S]*audit_log_no_delete|audit_log_no_delete[\s\S]*audit_log_no_update/);
    expect(report.schema?.problems.join('\n')).toContain('corrections_no_delete');
  });
  it('10. truncating the last audit rows together with the crossing they recorded', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) => {
      const from = auditSeqOf(db, 'crossing.recorded', s.last);
      db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(from);
      for (const table of ['crossing_state', 'evidence']) db.prepare(`DELETE FROM ${table} WHERE crossing_id = ?`).run(s.last);
      db.prepare('DELETE FROM open_entries WHERE entry_id = ?').run(s.last);
      db.prepare('DELETE FROM crossings WHERE id = ?').run(s.last);
    });
    const { report } = await checks(s.dataDir);
    expect(report.anchor?.problems.join('\n')).toMatch(/truncated/);
  });

  it('11. re-chaining the whole log after flipping a refusal, with the content hashes recomputed', async () => {
    const s = await recordedStation();
    tamper(s.dataDir, (db) => {
      db.prepare("UPDATE crossings SET outcome = 'OK', disposition = 'crossed', reasons_json = '[]' WHERE id = ?").run(s.refused);
      db.prepare("UPDATE crossing_state SET outcome = 'OK', disposition = 'crossed' WHERE crossing_id = ?").run(s.refused);
      const seq = auditSeqOf(db, 'crossing.recorded', s.refused);
      const payload = JSON.parse(db.prepare('SELECT payload_json FROM audit_log WHERE seq = ?').pluck().get(seq) as string) as Record<string, unknown>;
      const crossing = readCrossingRecord(db, s.refused);
      if (!crossing) throw new Error('the crossing is gone');
      db.prepare('UPDATE audit_log SET payload_json = ? WHERE seq = ?').run(JSON.stringify({ ...payload, ...crossingSeal(crossing) }), seq);
      rechain(db, seq);
    });
    const { report } = await checks(s.dataDir);
    expect(report.content?.ok).toBe(true);
    expect(report.anchor?.problems.join('\n')).toMatch(/re-chained|rewritten/);
  });

  it('the retention purge keeps the records verifiable: a purged refusal flipped to OK is still named', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(new Date('2021-03-01T06:00:00Z'));
    const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock, logger: silentLogger, bootstrap: { station: stationAt('entry', 'STN-ZHZ-01'), users: [testUser('operator'), testUser('consular')], signIn: TEST_USERNAME.admin } });
    let refused = '';
    try {
      unwrap(await core.saveRuleProfile({ profile: PASSPORT_ONLY_PROFILE }));
      await signInAs(core, 'operator');
      refused = await record(core, mrzOf(traveller(30)));
      const admitted = await record(core, mrzOf(traveller(31, { expiryDate: '2020-11-30' })), 'entry', {
        override: { username: TEST_USERNAME.consular, pin: TEST_PIN.consular, reason: 'Humanitarian: returning home' },
      });
      unwrap(await core.amendCrossing({ crossingId: admitted, change: { kind: 'direction', direction: 'exit', reason: 'Pressed the wrong key' } }));
      clock.advance(31 * 86_400_000);
      await record(core, mrzOf(traveller(32))); // today's crossing: an administrator's purge refuses when the clock is a day past the log
      await signInAs(core, 'admin');
      // Never exported: the administrator confirms erasing them by their count.
      expect(unwrap(await core.purgeExpired({ unexported: 2 })).counts).toMatchObject({ crossings: 2, overrides: 2 });
    } finally {
      core.close();
    }
    const clean = await runCheckpoint(['db', 'check', '--data-dir', dataDir]);
    expect({ code: clean.code, content: JSON.parse(clean.stdout).content }).toMatchObject({ code: 0, content: { ok: true, unsealed: 0, checked: { crossings: 3, corrections: 1, overrides: 1 } } });

    tamper(dataDir, (db) => {
      db.prepare("UPDATE crossings SET outcome = 'OK', disposition = 'crossed' WHERE id = ?").run(refused);
      db.prepare("UPDATE crossing_state SET outcome = 'OK', disposition = 'crossed' WHERE crossing_id = ?").run(refused);
    });
    // The clean check signed a verified point after the refused crossing: the default check starts there, --full reads it.
    const { report } = await checks(dataDir, ['--full']);
    expect(report.content?.problems).toEqual([expect.objectContaining({ kind: 'changed', entity: 'crossing', id: refused })]);
  });
});
