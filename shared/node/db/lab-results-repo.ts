import type Database from 'better-sqlite3';
import type { CertificateHolder } from '../../domain/evidence';
import type { LabResultRow, ListedLabResult } from '../../domain/lab-results';

export interface StoredLabKey {
  readonly keyId: string;
  readonly labId: string;
  readonly labName: string;
  readonly country: string;
  readonly algorithm: 'Ed25519' | 'ES256';
  readonly publicKeyPem: string;
  readonly registeredAt: string;
  readonly actor: string;
  readonly source: string;
}

export interface StoredLabList {
  readonly version: number;
  readonly labId: string;
  readonly keyId: string;
  readonly importedAt: string;
  readonly actor: string;
  readonly source: string;
  readonly contentSha256: string;
  readonly rows: number;
}

export interface StoredLabLinkRegistry {
  readonly version: number;
  readonly importedAt: string;
  readonly actor: string;
  readonly source: string;
  readonly contentSha256: string;
  readonly patterns: number;
  readonly registryJson: string;
}

interface KeyRow {
  key_id: string;
  lab_id: string;
  lab_name: string;
  country: string;
  algorithm: 'Ed25519' | 'ES256';
  public_key_pem: string;
  registered_at: string;
  actor: string;
  source: string;
}

interface ListRow {
  version: number;
  lab_id: string;
  key_id: string;
  imported_at: string;
  actor: string;
  source: string;
  content_sha256: string;
  rows: number;
}

interface ResultRow {
  list_version: number;
  line: number;
  document_key: string;
  nationality: string;
  birth_date: string;
  reference: string;
  sample_time: string;
  test_kind: 'pcr' | 'rat';
  result: 'negative' | 'positive';
  holder_json: string;
}

const toKey = (r: KeyRow): StoredLabKey => ({
  keyId: r.key_id,
  labId: r.lab_id,
  labName: r.lab_name,
  country: r.country,
  algorithm: r.algorithm,
  publicKeyPem: r.public_key_pem,
  registeredAt: r.registered_at,
  actor: r.actor,
  source: r.source,
});

const toList = (r: ListRow): StoredLabList => ({
  version: r.version,
  labId: r.lab_id,
  keyId: r.key_id,
  importedAt: r.imported_at,
  actor: r.actor,
  source: r.source,
  contentSha256: r.content_sha256,
  rows: r.rows,
});

const toListed = (r: ResultRow): ListedLabResult => ({
  listVersion: r.list_version,
  row: {
    line: r.line,
    documentNumber: r.document_key,
    nationality: r.nationality,
    holder: JSON.parse(r.holder_json) as CertificateHolder,
    sampleTime: r.sample_time,
    testKind: r.test_kind,
    result: r.result,
    reference: r.reference,
  },
});

/** Lab keys, lab result lists (append-only, every version kept) and lab-link registries. */
export class LabResultsRepo {
  private readonly byDocument: Database.Statement;
  private readonly byBirthDate: Database.Statement;
  private readonly byReference: Database.Statement;
  private readonly listByVersion: Database.Statement;
  private readonly keyById: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // Bounded: a person appears on a handful of lists; a birth date on a few dozen lines of a bus-sized list.
    this.byDocument = db.prepare('SELECT * FROM lab_results WHERE document_key = ? ORDER BY list_version DESC LIMIT 50');
    this.byBirthDate = db.prepare('SELECT * FROM lab_results WHERE birth_date = ? ORDER BY list_version DESC LIMIT 500');
    this.byReference = db.prepare('SELECT * FROM lab_results WHERE lab_id = ? AND reference = ? ORDER BY list_version DESC LIMIT 1');
    this.listByVersion = db.prepare('SELECT * FROM lab_lists WHERE version = ?');
    this.keyById = db.prepare('SELECT * FROM lab_keys WHERE key_id = ?');
  }

  addKey(key: StoredLabKey): void {
    this.db
      .prepare(
        `INSERT INTO lab_keys (key_id, lab_id, lab_name, country, algorithm, public_key_pem, registered_at, actor, source)
         VALUES (@keyId, @labId, @labName, @country, @algorithm, @publicKeyPem, @registeredAt, @actor, @source)`,
      )
      .run(key);
  }

  key(keyId: string): StoredLabKey | undefined {
    const row = this.keyById.get(keyId) as KeyRow | undefined;
    return row ? toKey(row) : undefined;
  }

  keys(): StoredLabKey[] {
    return (this.db.prepare('SELECT * FROM lab_keys ORDER BY lab_id, registered_at').all() as KeyRow[]).map(toKey);
  }

  /** Adds a list and its rows; call inside a transaction. Returns the list's version. */
  addList(list: Omit<StoredLabList, 'version'> & { signatureJson: string; problemsJson: string }, rows: readonly LabResultRow[]): number {
    const version = Number(
      this.db
        .prepare(
          `INSERT INTO lab_lists (lab_id, key_id, imported_at, actor, source, content_sha256, signature_json, rows, problems_json)
           VALUES (@labId, @keyId, @importedAt, @actor, @source, @contentSha256, @signatureJson, @rows, @problemsJson)`,
        )
        .run(list).lastInsertRowid,
    );
    const insert = this.db.prepare(
      `INSERT INTO lab_results (list_version, line, document_key, nationality, birth_date, lab_id, reference, sample_time, test_kind, result, holder_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) {
      insert.run(version, r.line, r.documentNumber, r.nationality, r.holder.birthDate, list.labId, r.reference, r.sampleTime, r.testKind, r.result, JSON.stringify(r.holder));
    }
    return version;
  }

  list(version: number): StoredLabList | undefined {
    const row = this.listByVersion.get(version) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  lists(): StoredLabList[] {
    return (this.db.prepare('SELECT version, lab_id, key_id, imported_at, actor, source, content_sha256, rows FROM lab_lists ORDER BY version DESC').all() as ListRow[]).map(toList);
  }

  /** The rows that may be this passport's: its document number, or its birth date (for a match by name). */
  candidates(documentKey: string, birthDate: string | null): ListedLabResult[] {
    const found = (this.byDocument.all(documentKey) as ResultRow[]).map(toListed);
    if (found.length > 0 || birthDate === null) return found;
    return (this.byBirthDate.all(birthDate) as ResultRow[]).map(toListed);
  }

  byLabReference(labId: string, reference: string): ListedLabResult | undefined {
    const row = this.byReference.get(labId, reference) as ResultRow | undefined;
    return row ? toListed(row) : undefined;
  }

  addLinkRegistry(registry: Omit<StoredLabLinkRegistry, 'version'>): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO lab_link_registries (imported_at, actor, source, content_sha256, patterns, registry_json)
           VALUES (@importedAt, @actor, @source, @contentSha256, @patterns, @registryJson)`,
        )
        .run(registry).lastInsertRowid,
    );
  }

  latestLinkRegistry(): StoredLabLinkRegistry | undefined {
    const row = this.db.prepare('SELECT * FROM lab_link_registries ORDER BY version DESC LIMIT 1').get() as
      | { version: number; imported_at: string; actor: string; source: string; content_sha256: string; patterns: number; registry_json: string }
      | undefined;
    return row
      ? { version: row.version, importedAt: row.imported_at, actor: row.actor, source: row.source, contentSha256: row.content_sha256, patterns: row.patterns, registryJson: row.registry_json }
      : undefined;
  }
}
