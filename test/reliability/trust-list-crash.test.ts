/**
 * Kill during trust-list import: a child replaces the station's trust list with file A, then B,
 * then A … in a loop; the parent SIGKILLs it at random moments, ≥ 50 rounds (`CRASH_ROUNDS`). After every
 * kill the stored list is exactly A or exactly B (never a mix, never empty), the latest import record names
 * the file whose certificates are stored, no acknowledged import is missing from the history, the database
 * passes integrity_check and the audit chain verifies.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, StationStore, openStationDatabase } from '../../shared/node/db';
import { makeSigner } from '../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../fixtures/dcc/trust-list-files';
import { buildChild, runAndKill, seededRandom, type BuiltChild } from './kill-harness';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50);
const random = seededRandom();
let child: BuiltChild;

beforeAll(async () => {
  child = await buildChild('test/reliability/trust-list-child.ts');
});
afterAll(() => child.dispose());

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('crash test: SIGKILL while importing trust lists', () => {
  it(`keeps the old list or the whole new one, never a mix, over ${ROUNDS} kills`, async () => {
    const dataDir = path.join(child.workDir, 'station');
    StationStore.open(dataDir).close();
    // Two lists with no certificate in common, of different sizes, from different countries.
    const signersA = await Promise.all(Array.from({ length: 3 }, () => makeSigner('ES256', { country: 'UZ' })));
    const signersB = await Promise.all(Array.from({ length: 6 }, () => makeSigner('ES256', { country: 'KZ' })));
    const fileA = await writeGatewayTrustList(child.workDir, signersA, 'list-a.json', 'UZ');
    const fileB = await writeGatewayTrustList(child.workDir, signersB, 'list-b.json', 'KZ');
    const lists = new Map([
      [sha256(fs.readFileSync(fileA)), [...signersA.map((s) => sha256(s.der))].sort()],
      [sha256(fs.readFileSync(fileB)), [...signersB.map((s) => sha256(s.der))].sort()],
    ]);

    let acked = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const acks = await runAndKill(child.script, [dataDir, fileA, fileB], Math.floor(random() * 150));
      acked += acks.length;
      for (const ack of acks) expect(lists.has(ack), `round ${round}: unknown ack ${ack}`).toBe(true);

      const db = openStationDatabase(dataDir, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
      const stored = (db.prepare('SELECT der_sha256 FROM trust_list_entries ORDER BY der_sha256').pluck().all() as string[]);
      const imports = db.prepare('SELECT id, content_sha256, entries FROM trust_list_imports ORDER BY imported_at_ms DESC, rowid DESC').all() as { id: string; content_sha256: string; entries: number }[];
      const latest = imports[0];
      expect(latest, `round ${round}: no import recorded`).toBeDefined();
      // The stored certificates are exactly the latest import's file, all of them from that import.
      expect(stored, `round ${round}: stored list is not exactly the latest file`).toEqual(lists.get(latest!.content_sha256));
      expect(db.prepare('SELECT count(*) FROM trust_list_entries WHERE import_id <> ?').pluck().get(latest!.id), `round ${round}`).toBe(0);
      expect(latest!.entries).toBe(stored.length);
      // Every acknowledged import is in the history (an import may also have committed just before its ACK).
      expect(imports.length, `round ${round}: acknowledged imports missing`).toBeGreaterThanOrEqual(acked);
      expect(new AuditLog(db).verify(), `round ${round}: audit chain`).toMatchObject({ ok: true });
      expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'trust-list.imported'").pluck().get()).toBe(imports.length);
      db.close();
    }
    expect(acked).toBeGreaterThan(ROUNDS);
  });
});
