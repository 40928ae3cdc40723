import type Database from 'better-sqlite3';
import { UNKNOWN_KID, type RevocationHash, type RevocationHit, type RevocationLookup } from '../../domain/dcc';
import type { RevocationEntry } from '../revocation';

/** One revocation import as the station keeps it. */
export interface RevocationListImport {
  readonly version: number;
  readonly importedAt: string;
  readonly actor: string;
  readonly source: string;
  readonly format: string;
  readonly contentSha256: string;
  readonly signedBy: string | null;
  readonly batches: number;
  readonly entries: number;
}

interface ListRow {
  version: number;
  imported_at: string;
  actor: string;
  source: string;
  format: string;
  content_sha256: string;
  signed_by: string | null;
  batches: number;
  entries: number;
}

const toImport = (r: ListRow): RevocationListImport => ({
  version: r.version,
  importedAt: r.imported_at,
  actor: r.actor,
  source: r.source,
  format: r.format,
  contentSha256: r.content_sha256,
  signedBy: r.signed_by,
  batches: r.batches,
  entries: r.entries,
});

/** Revocation imports (every one kept) and the entries of the newest, looked up by primary key at the lane. */
export class RevocationRepo implements RevocationLookup {
  private readonly findStatement: Database.Statement<[string, string, string, string], { country: string; kid: string; list_version: number }>;

  constructor(private readonly db: Database.Database) {
    this.findStatement = db.prepare(
      `SELECT country, kid, list_version FROM revocation_entries WHERE hash_type = ? AND hash = ? AND kid IN (?, ?) ORDER BY kid = 'UNKNOWN_KID' LIMIT 1`,
    );
  }

  /** Adds an import and replaces every entry with its entries; call inside the store's transaction with the audit row. */
  replace(list: Omit<RevocationListImport, 'version'>, entries: readonly RevocationEntry[]): number {
    const version = Number(
      this.db
        .prepare(
          `INSERT INTO revocation_lists (imported_at, actor, source, format, content_sha256, signed_by, batches, entries)
           VALUES (@importedAt, @actor, @source, @format, @contentSha256, @signedBy, @batches, @entries)`,
        )
        .run(list).lastInsertRowid,
    );
    this.db.prepare('DELETE FROM revocation_entries').run();
    const insert = this.db.prepare(
      'INSERT INTO revocation_entries (hash_type, hash, kid, country, expires, list_version) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const e of entries) insert.run(e.type, e.hash, e.kid, e.country, e.expires, version);
    return version;
  }

  latest(): RevocationListImport | undefined {
    const row = this.db.prepare('SELECT * FROM revocation_lists ORDER BY version DESC LIMIT 1').get() as ListRow | undefined;
    return row ? toImport(row) : undefined;
  }

  /** Every import, newest first. */
  imports(): RevocationListImport[] {
    return (this.db.prepare('SELECT * FROM revocation_lists ORDER BY version DESC').all() as ListRow[]).map(toImport);
  }

  find(kid: string | undefined, hashes: readonly RevocationHash[]): RevocationHit | undefined {
    for (const { type, hash } of hashes) {
      const row = this.findStatement.get(type, hash, kid ?? UNKNOWN_KID, UNKNOWN_KID);
      if (row) return { type, hash, country: row.country, kid: row.kid, listVersion: row.list_version };
    }
    return undefined;
  }
}
