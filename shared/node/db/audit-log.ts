import type Database from 'better-sqlite3';
import { canonicalJson } from '../../domain/canonical-json';
import { sha256Hex } from '../sha256';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  /** Keep personal data out: store ids and content hashes, so retention purges never break the chain. */
  readonly payload: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** SHA-256 over the previous hash and the canonical JSON of the entry (ARCHITECTURE.md: audit chain). */
export function auditHash(prevHash: string, entry: AuditEntry): string {
  const { at, actor, action, entity, entityId, payload } = entry;
  return sha256Hex(prevHash + canonicalJson({ at, actor, action, entity, entityId, payload }));
}

interface AuditDbRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  payload_json: string;
  prev_hash: string;
  hash: string;
}

const toAuditRow = (row: AuditDbRow): AuditRow => ({
  seq: row.seq,
  at: row.at,
  actor: row.actor,
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  payload: JSON.parse(row.payload_json) as Record<string, unknown>,
  prevHash: row.prev_hash,
  hash: row.hash,
});

/** `rows`: the rows walked; `from`: the row the walk started after (0: the whole chain from row 1). */
export type AuditVerification =
  | { readonly ok: true; readonly rows: number; readonly from: number; readonly head: string; readonly headSeq: number }
  | { readonly ok: false; readonly rows: number; readonly from: number; readonly firstBrokenSeq: number; readonly reason: string };

/** A point of the chain already verified: row `seq` had hash `hash` (the genesis: 0 and GENESIS_HASH). */
export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

export class AuditLog {
  private readonly lastHash: Database.Statement<[], { hash: string }>;
  private readonly insert: Database.Statement;
  private readonly after: Database.Statement<[number], AuditDbRow>;
  private readonly hashAt: Database.Statement<[number], { hash: string }>;

  constructor(db: Database.Database) {
    this.lastHash = db.prepare('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, payload_json, prev_hash, hash)
       VALUES (@at, @actor, @action, @entity, @entityId, @payloadJson, @prevHash, @hash)`,
    );
    this.after = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq');
    this.hashAt = db.prepare('SELECT hash FROM audit_log WHERE seq = ?');
  }

  /** Must run inside the caller's transaction so the audit row commits with the change it describes. */
  append(entry: AuditEntry): AuditRow {
    const prevHash = this.lastHash.get()?.hash ?? GENESIS_HASH;
    const hash = auditHash(prevHash, entry);
    const result = this.insert.run({ ...entry, payloadJson: canonicalJson(entry.payload), prevHash, hash });
    return { ...entry, seq: Number(result.lastInsertRowid), prevHash, hash };
  }

  head(): string {
    return this.lastHash.get()?.hash ?? GENESIS_HASH;
  }

  /**
   * Walks the chain and names the first row whose links or content do not add up: from row 1, or (incremental) from
   * the row after `from`, a point an earlier walk verified: that row must still hold the hash it had then, and the
   * rows after it must follow on. Rows up to `from` are not read again (a changed one is found by a whole walk).
   */
  verify(from: ChainPoint = { seq: 0, hash: GENESIS_HASH }): AuditVerification {
    if (from.seq > 0) {
      const start = this.hashAt.get(from.seq);
      if (!start) return { ok: false, rows: 0, from: from.seq, firstBrokenSeq: from.seq, reason: `row ${from.seq}, verified by an earlier check, is gone: rows were removed` };
      if (start.hash !== from.hash) {
        return { ok: false, rows: 0, from: from.seq, firstBrokenSeq: from.seq, reason: `row ${from.seq} no longer has the hash an earlier check verified: the chain was rewritten` };
      }
    }
    let prevHash = from.hash;
    let expected = from.seq + 1;
    let rows = 0;
    for (const raw of this.after.iterate(from.seq)) {
      const row = toAuditRow(raw);
      rows += 1;
      // Row numbers are never reused and rows never deleted: a gap is rows taken out (the links may have been redone).
      if (row.seq !== expected) {
        return { ok: false, rows, from: from.seq, firstBrokenSeq: row.seq, reason: `rows ${expected}–${row.seq - 1} were removed before row ${row.seq}` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, rows, from: from.seq, firstBrokenSeq: row.seq, reason: `row ${row.seq} does not link to the row before it` };
      }
      if (auditHash(prevHash, row) !== row.hash) {
        return { ok: false, rows, from: from.seq, firstBrokenSeq: row.seq, reason: `row ${row.seq} was changed after it was written` };
      }
      prevHash = row.hash;
      expected += 1;
    }
    return { ok: true, rows, from: from.seq, head: prevHash, headSeq: expected - 1 };
  }
}
