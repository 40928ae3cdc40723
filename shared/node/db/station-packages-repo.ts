import type Database from 'better-sqlite3';

export type PackageOutcome = 'applied' | 'skipped' | 'refused';

export interface StationPackageRow {
  readonly hubFingerprint: string;
  readonly seq: number;
  readonly kind: string;
  readonly name: string;
  readonly contentSha256: string;
  readonly issuedAt: string;
  readonly receivedAt: string;
  readonly via: 'hub' | 'folder';
  readonly outcome: PackageOutcome;
  /** Applied: what changed ({"entries": 41}); refused: the error's params. */
  readonly detail: Record<string, string | number | boolean | null>;
  /** Refused: the error key the screens translate. */
  readonly errorKey: string | null;
}

interface DbRow {
  hub_fingerprint: string;
  seq: number;
  kind: string;
  name: string;
  content_sha256: string;
  issued_at: string;
  received_at: string;
  via: 'hub' | 'folder';
  outcome: PackageOutcome;
  detail_json: string;
  error_key: string | null;
}

const toRow = (r: DbRow): StationPackageRow => ({
  hubFingerprint: r.hub_fingerprint,
  seq: r.seq,
  kind: r.kind,
  name: r.name,
  contentSha256: r.content_sha256,
  issuedAt: r.issued_at,
  receivedAt: r.received_at,
  via: r.via,
  outcome: r.outcome,
  detail: JSON.parse(r.detail_json) as StationPackageRow['detail'],
  errorKey: r.error_key,
});

/** The packages this station acted on, and the group files it still has to send up. */
export class StationPackagesRepo {
  constructor(private readonly db: Database.Database) {}

  /** The last package acted on from this hub (0 before the first): the poll cursor and the replay bound. */
  cursor(hubFingerprint: string): number {
    const row = this.db.prepare<[string], { cursor: number | null }>('SELECT max(seq) AS cursor FROM station_packages WHERE hub_fingerprint = ?').get(hubFingerprint);
    return row?.cursor ?? 0;
  }

  /** The packages of a hub acted on after `seq`, oldest first: what the station has yet to report to the hub. */
  after(hubFingerprint: string, seq: number, limit: number): StationPackageRow[] {
    return this.db
      .prepare<[string, number, number], DbRow>('SELECT * FROM station_packages WHERE hub_fingerprint = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(hubFingerprint, seq, limit)
      .map(toRow);
  }

  /** Call inside the transaction that applied the package. */
  record(row: StationPackageRow): void {
    this.db
      .prepare(
        `INSERT INTO station_packages (hub_fingerprint, seq, kind, name, content_sha256, issued_at, received_at, via, outcome, detail_json, error_key)
         VALUES (@hubFingerprint, @seq, @kind, @name, @contentSha256, @issuedAt, @receivedAt, @via, @outcome, @detail, @errorKey)`,
      )
      .run({ ...row, detail: JSON.stringify(row.detail) });
  }

  list(limit: number): StationPackageRow[] {
    return this.db.prepare<[number], DbRow>('SELECT * FROM station_packages ORDER BY received_at DESC, seq DESC LIMIT ?').all(limit).map(toRow);
  }

  countApplied(): number {
    return this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM station_packages WHERE outcome = 'applied'`).get()?.n ?? 0;
  }

  /** When the hub's last signed receipt for a bundle was taken (the outbox's acknowledgements). */
  lastReceiptAt(): string | null {
    return this.db.prepare<[], { at: string | null }>('SELECT max(acknowledged_at) AS at FROM outbox').get()?.at ?? null;
  }

  queueUplink(groupId: string, at: string): void {
    this.db.prepare('INSERT INTO group_file_uplink (group_id, queued_at) VALUES (?, ?) ON CONFLICT (group_id) DO UPDATE SET queued_at = excluded.queued_at, sent_at = NULL').run(groupId, at);
  }

  pendingUplinks(): string[] {
    return this.db.prepare<[], { group_id: string }>('SELECT group_id FROM group_file_uplink WHERE sent_at IS NULL ORDER BY queued_at').all().map((r) => r.group_id);
  }

  markUplink(groupId: string, result: { sentAt: string } | { error: string }): void {
    if ('sentAt' in result) this.db.prepare('UPDATE group_file_uplink SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE group_id = ?').run(result.sentAt, groupId);
    else this.db.prepare('UPDATE group_file_uplink SET attempts = attempts + 1, last_error = ? WHERE group_id = ?').run(result.error, groupId);
  }
}
