import type Database from 'better-sqlite3';
import type { CertificateType } from '../../domain/dcc';

/** One document signer certificate as the station stores it. */
export interface StoredDsc {
  readonly derSha256: string;
  readonly kid: string;
  readonly country: string;
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly keyUsage: readonly CertificateType[];
  readonly der: Uint8Array;
}

export type TrustListFormat = 'eu-gateway' | 'station' | 'pem' | 'der' | 'folder';

export interface TrustListImport {
  readonly id: string;
  readonly importedAt: string;
  readonly source: string;
  readonly format: TrustListFormat;
  readonly signedBy: string | null;
  readonly contentSha256: string;
  readonly entries: number;
  readonly actor: string;
}

interface ImportRow {
  id: string;
  imported_at: string;
  source: string;
  format: TrustListFormat;
  signed_by: string | null;
  content_sha256: string;
  entries: number;
  actor: string;
}

interface EntryRow {
  der_sha256: string;
  kid: string;
  country: string;
  subject: string;
  not_before: string;
  not_after: string;
  key_usage_json: string;
  der: Buffer;
}

const toImport = (row: ImportRow): TrustListImport => ({
  id: row.id,
  importedAt: row.imported_at,
  source: row.source,
  format: row.format,
  signedBy: row.signed_by,
  contentSha256: row.content_sha256,
  entries: row.entries,
  actor: row.actor,
});

const toDsc = (row: EntryRow): StoredDsc => ({
  derSha256: row.der_sha256,
  kid: row.kid,
  country: row.country,
  subject: row.subject,
  notBefore: row.not_before,
  notAfter: row.not_after,
  keyUsage: JSON.parse(row.key_usage_json) as CertificateType[],
  der: new Uint8Array(row.der),
});

/**
 * The trust list in SQLite. `replace` swaps the whole list; call it inside StationStore.transaction
 * with the audit entry, so a crash or a bad row leaves the previous list exactly as it was.
 */
export class TrustListRepo {
  private readonly latestImport: Database.Statement<[], ImportRow>;
  private readonly allEntries: Database.Statement<[], EntryRow>;
  private readonly countEntries: Database.Statement<[], { n: number }>;
  private readonly deleteEntries: Database.Statement;
  private readonly insertImport: Database.Statement;
  private readonly insertEntry: Database.Statement;

  constructor(db: Database.Database) {
    this.latestImport = db.prepare('SELECT * FROM trust_list_imports ORDER BY imported_at_ms DESC, rowid DESC LIMIT 1');
    this.allEntries = db.prepare('SELECT * FROM trust_list_entries ORDER BY country, kid');
    this.countEntries = db.prepare('SELECT count(*) AS n FROM trust_list_entries');
    this.deleteEntries = db.prepare('DELETE FROM trust_list_entries');
    this.insertImport = db.prepare(
      `INSERT INTO trust_list_imports (id, imported_at, imported_at_ms, source, format, signed_by, content_sha256, entries, actor)
       VALUES (@id, @importedAt, @importedAtMs, @source, @format, @signedBy, @contentSha256, @entries, @actor)`,
    );
    this.insertEntry = db.prepare(
      `INSERT OR IGNORE INTO trust_list_entries (der_sha256, kid, country, subject, not_before, not_after, key_usage_json, der, import_id)
       VALUES (@derSha256, @kid, @country, @subject, @notBefore, @notAfter, @keyUsageJson, @der, @importId)`,
    );
  }

  /** Replaces every entry with `entries`; returns how many distinct certificates were stored. */
  replace(record: TrustListImport, entries: readonly StoredDsc[]): number {
    this.deleteEntries.run();
    this.insertImport.run({ ...record, importedAtMs: Date.parse(record.importedAt) });
    let stored = 0;
    for (const entry of entries) {
      const result = this.insertEntry.run({
        derSha256: entry.derSha256,
        kid: entry.kid,
        country: entry.country,
        subject: entry.subject,
        notBefore: entry.notBefore,
        notAfter: entry.notAfter,
        keyUsageJson: JSON.stringify(entry.keyUsage),
        der: Buffer.from(entry.der),
        importId: record.id,
      });
      stored += result.changes;
    }
    return stored;
  }

  latest(): TrustListImport | undefined {
    const row = this.latestImport.get();
    return row ? toImport(row) : undefined;
  }

  entries(): StoredDsc[] {
    return this.allEntries.all().map(toDsc);
  }

  count(): number {
    return this.countEntries.get()?.n ?? 0;
  }
}
