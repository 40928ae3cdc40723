import { createHash } from 'node:crypto';
import { PACKAGE_FORMAT, packageBytes, type PackageKind, type SignedPackage, type StationPackage } from '../../shared/domain/central';
import type { CentralStore } from '../store/open-store';
import type { Sql } from '../store/sql';

export interface PublishInput {
  readonly kind: PackageKind;
  readonly name: string;
  readonly content: string;
  readonly stationId: string | null;
  readonly corridorId: string | null;
}

/** Publishes one signed package: the row takes the next cursor number and the package signed with it, in one transaction. */
export async function publishPackage(store: CentralStore, input: PublishInput, now: () => Date = () => new Date()): Promise<SignedPackage> {
  const contentSha256 = createHash('sha256').update(input.content, 'utf8').digest('hex');
  return store.sql.transaction(async (tx) => {
    const [row] = await tx.query<{ seq: number }>(
      `INSERT INTO packages (kind, station_id, corridor_id, name, content_sha256, package_text, signature) VALUES ($1, $2, $3, $4, $5, '', '') RETURNING seq`,
      [input.kind, input.stationId, input.corridorId, input.name, contentSha256],
    );
    const value: StationPackage = {
      format: PACKAGE_FORMAT,
      version: 1,
      seq: Number(row?.seq),
      kind: input.kind,
      stationId: input.stationId,
      corridorId: input.corridorId,
      name: input.name,
      content: input.content,
      contentSha256,
      issuedAt: now().toISOString(),
      hubFingerprint: store.hubKey.fingerprint,
    };
    const bytes = packageBytes(value);
    const signed: SignedPackage = { package: value, signature: store.hubKey.sign(bytes) };
    await tx.query('UPDATE packages SET package_text = $2, signature = $3, issued_at = $4 WHERE seq = $1', [value.seq, new TextDecoder().decode(bytes), signed.signature, value.issuedAt]);
    return signed;
  });
}

/** The packages for a station after `since`, oldest first: its own, its corridor's, and those for all. */
export async function packagesFor(sql: Sql, station: { stationId: string; corridorId: string | null }, since: number, limit: number): Promise<SignedPackage[]> {
  const rows = await sql.query<{ package_text: string; signature: string }>(
    `SELECT package_text, signature FROM packages
      WHERE seq > $1 AND (station_id = $2 OR (station_id IS NULL AND (corridor_id IS NULL OR corridor_id = $3)))
      ORDER BY seq LIMIT $4`,
    [since, station.stationId, station.corridorId, limit],
  );
  return rows.map((row) => ({ package: JSON.parse(row.package_text) as StationPackage, signature: row.signature }));
}
