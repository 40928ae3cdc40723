/**
 * `checkpoint db check` by default reads what was written since the last clean check: the chain from the point that
 * check verified (signed with the station key beside the database) and the records after it; `--full` reads all again.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { VERIFIED_HEAD_FILE_NAME, verifiedHeadPath } from '../../../shared/node/audit-anchor';
import { openStationDatabase, type SqliteDatabase } from '../../../shared/node/db';
import { mrzOf, traveller } from '../../fixtures/corridor/bus';
import { runCheckpoint } from '../../support/cli';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

interface Report {
  ok: boolean;
  mode: string;
  integrity: string[];
  audit: { ok: boolean; rows: number; from: number; headSeq?: number; firstBrokenSeq?: number; reason?: string };
  verified: { from: number; through: number; signed: string | null; problem?: string };
  content: { ok: boolean; checked: { crossings: number }; problems: { kind: string; id: string }[] };
}

async function check(dataDir: string, ...flags: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const run = await runCheckpoint(['db', 'check', ...flags, '--data-dir', dataDir]);
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

/** Records `count` crossings of different travellers at the lane; the first call sets the station up. */
async function recordCrossings(dataDir: string, count: number, first: boolean, firstTraveller: number): Promise<string[]> {
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, ...(first ? { bootstrap: testBootstrap('operator') } : {}) });
  try {
    if (!first) unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const scan = unwrap(await core.scan({ payload: mrzOf(traveller(firstTraveller + i)) }));
      ids.push(unwrap(await core.recordCrossing({ scanId: scan.scanId, direction: i % 2 === 0 ? 'entry' : 'exit' })).id);
    }
    return ids;
  } finally {
    core.close();
  }
}

/** The attacker's session: the real key, plain SQL, the append-only triggers dropped and put back. */
function tamper(dataDir: string, edit: (db: SqliteDatabase) => void): void {
  const db = openStationDatabase(dataDir);
  try {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_log%'").all() as { name: string; sql: string }[];
    for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
    edit(db);
    for (const t of triggers) db.exec(t.sql);
  } finally {
    db.close();
  }
}

const lastSeq = (dataDir: string): number => {
  const db = openStationDatabase(dataDir, { readonly: true });
  try {
    return db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** A station checked clean once (the verified point signed), then more crossings recorded after it. */
async function checkedThenMore(): Promise<{ dataDir: string; verifiedThrough: number; before: string[]; after: string[] }> {
  const dataDir = tempDir();
  const before = await recordCrossings(dataDir, 3, true, 1);
  const first = await check(dataDir);
  expect(first.code).toBe(0);
  // No verified point yet: the first check walks the chain from row 1 and signs where it ended.
  expect(first.report).toMatchObject({ ok: true, mode: 'quick', integrity: ['ok'], audit: { ok: true, from: 0 }, verified: { from: 0, through: lastSeq(dataDir) } });
  expect(first.report.verified.signed).not.toBeNull();
  expect(fs.existsSync(verifiedHeadPath(dataDir))).toBe(true);
  const verifiedThrough = first.report.verified.through;
  const after = await recordCrossings(dataDir, 2, false, 10);
  return { dataDir, verifiedThrough, before, after };
}

describe('db check: quick by default (since the last verified point), --full for everything', () => {
  it('walks only the rows and records written since the last clean check, and moves the verified point on', async () => {
    const { dataDir, verifiedThrough } = await checkedThenMore();
    const head = lastSeq(dataDir);
    const quick = await check(dataDir);
    expect(quick.code).toBe(0);
    expect(quick.report.audit).toMatchObject({ ok: true, from: verifiedThrough, rows: head - verifiedThrough, headSeq: head });
    // The crossings recorded from the verified row's time on are compared with their audit content again (the two new
    // ones, and the last one before when the verified row is its own, recorded in the same millisecond), not all five.
    expect(quick.report.content.checked.crossings).toBeGreaterThanOrEqual(2);
    expect(quick.report.content.checked.crossings).toBeLessThan(5);
    expect(quick.report.verified).toMatchObject({ from: verifiedThrough, through: head });

    const full = await check(dataDir, '--full');
    expect(full.code).toBe(0);
    expect(full.report).toMatchObject({ mode: 'full', integrity: ['ok'], audit: { ok: true, from: 0, rows: head } });
    expect(full.report.content.checked.crossings).toBe(5);
  });

  it('finds an audit row changed after the last verified point, and a crossing recorded after it that was edited', async () => {
    const { dataDir, verifiedThrough, after } = await checkedThenMore();
    const changed = verifiedThrough + 2;
    tamper(dataDir, (db) => {
      db.prepare("UPDATE audit_log SET actor = 'intruder' WHERE seq = ?").run(changed);
      db.prepare("UPDATE crossings SET note = 'edited' WHERE id = ?").run(after[1]);
    });
    const quick = await check(dataDir);
    expect(quick.code).toBe(1);
    expect(quick.report.audit).toMatchObject({ ok: false, from: verifiedThrough, firstBrokenSeq: changed });
    expect(quick.report.content.problems).toEqual([expect.objectContaining({ kind: 'changed', id: after[1] })]);
    expect(quick.stderr).toMatch(new RegExp(`row ${changed} was changed`));
    // A failed check signs nothing: the next one starts at the same point.
    expect(quick.report.verified).toMatchObject({ from: verifiedThrough, through: verifiedThrough, signed: null });
  });

  it('leaves rows up to the verified point to --full, which names a row changed there; a re-chain is found by either', async () => {
    const { dataDir, verifiedThrough, before } = await checkedThenMore();
    tamper(dataDir, (db) => {
      db.prepare("UPDATE audit_log SET actor = 'intruder' WHERE seq = 2").run();
      db.prepare("UPDATE crossings SET note = 'edited' WHERE id = ?").run(before[0]);
    });
    // The quick check does not read rows 1 to the verified point again: what --full is for.
    const quick = await check(dataDir);
    expect(quick.report.audit).toMatchObject({ from: verifiedThrough });
    expect(quick.report.content.checked.crossings).toBeLessThan(5);
    const full = await check(dataDir, '--full');
    expect(full.code).toBe(1);
    expect(full.report.audit).toMatchObject({ ok: false, from: 0, firstBrokenSeq: 2 });
    expect(full.report.content.problems).toEqual([expect.objectContaining({ kind: 'changed', id: before[0] })]);

    // Whoever recomputes the hashes from row 2 on to hide the edit changes the verified row's hash: the quick check says so.
    // (The quick check passed, so it signed the head as the new verified point.)
    const mark = quick.report.verified.through;
    expect(mark).toBe(lastSeq(dataDir));
    tamper(dataDir, (db) => {
      db.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run('f'.repeat(64), mark);
    });
    const rechained = await check(dataDir);
    expect(rechained.code).toBe(1);
    expect(rechained.report.audit).toMatchObject({ ok: false, firstBrokenSeq: mark });
    expect(rechained.report.audit.reason).toMatch(/no longer has the hash an earlier check verified/);
  });

  it('does not trust a verified point it cannot verify: an edited mark starts the walk at row 1 and says why', async () => {
    const { dataDir } = await checkedThenMore();
    const file = verifiedHeadPath(dataDir);
    const mark = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq: number };
    // Moved forward to skip rows: the signature no longer covers it.
    fs.writeFileSync(file, JSON.stringify({ ...mark, seq: lastSeq(dataDir) }));
    const quick = await check(dataDir);
    expect(quick.code).toBe(0);
    expect(quick.report.audit).toMatchObject({ ok: true, from: 0 });
    expect(quick.report.verified.problem).toBe(`${VERIFIED_HEAD_FILE_NAME} does not verify with the station key`);
  });
});
