import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from './sql';

export interface StationRecord {
  readonly stationId: string;
  readonly num: number;
  readonly publicKey: string | null;
  readonly fingerprint: string;
  readonly corridorId: string | null;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

interface StationRow {
  station_id: string;
  num: number;
  public_key: string | null;
  fingerprint: string;
  corridor_id: string | null;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();
const record = (row: StationRow): StationRecord => ({
  stationId: row.station_id,
  num: row.num,
  publicKey: row.public_key,
  fingerprint: row.fingerprint,
  corridorId: row.corridor_id,
  createdAt: iso(row.created_at),
  revokedAt: row.revoked_at === null ? null : iso(row.revoked_at),
});

const COLUMNS = 'station_id, num, public_key, fingerprint, corridor_id, created_at, revoked_at';

/** SHA-256 of a bearer credential: a 256-bit random token needs no slow hash, and lookups stay one index probe. */
export const credentialHash = (credential: string): string => createHash('sha256').update(credential, 'utf8').digest('hex');

/** A new bearer credential: 32 random bytes, base64url. Shown once; only its hash is kept. */
export const newCredential = (): string => randomBytes(32).toString('base64url');

export class StationExistsError extends Error {}
export class UnknownStationError extends Error {}

export interface StationKeyInput {
  readonly publicKey: string | null;
  readonly fingerprint: string;
}

export class StationsRepo {
  constructor(private readonly sql: Sql) {}

  async add(stationId: string, key: StationKeyInput, corridorId: string | null = null): Promise<{ station: StationRecord; credential: string }> {
    const credential = newCredential();
    return this.sql.transaction(async (tx) => {
      const existing = await tx.query('SELECT 1 FROM stations WHERE station_id = $1', [stationId]);
      if (existing.length > 0) throw new StationExistsError(`station ${stationId} is already registered (use "station rotate-key" for a new key)`);
      const [row] = await tx.query<StationRow>(
        `INSERT INTO stations (station_id, public_key, fingerprint, credential_hash, corridor_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [stationId, key.publicKey, key.fingerprint, credentialHash(credential), corridorId],
      );
      await tx.query('INSERT INTO station_keys (station_id, fingerprint, public_key) VALUES ($1, $2, $3)', [stationId, key.fingerprint, key.publicKey]);
      return { station: record(row as StationRow), credential };
    });
  }

  async list(): Promise<StationRecord[]> {
    return (await this.sql.query<StationRow>(`SELECT ${COLUMNS} FROM stations ORDER BY station_id`)).map(record);
  }

  async get(stationId: string): Promise<StationRecord | null> {
    const [row] = await this.sql.query<StationRow>(`SELECT ${COLUMNS} FROM stations WHERE station_id = $1`, [stationId]);
    return row ? record(row) : null;
  }

  /** The station a bearer credential belongs to, revoked or not (the caller refuses revoked ones by name). */
  async byCredential(credential: string): Promise<StationRecord | null> {
    const [row] = await this.sql.query<StationRow>(`SELECT ${COLUMNS} FROM stations WHERE credential_hash = $1`, [credentialHash(credential)]);
    return row ? record(row) : null;
  }

  async revoke(stationId: string): Promise<StationRecord> {
    const [row] = await this.sql.query<StationRow>(
      `UPDATE stations SET revoked_at = coalesce(revoked_at, now()) WHERE station_id = $1 RETURNING ${COLUMNS}`,
      [stationId],
    );
    if (!row) throw new UnknownStationError(`no station ${stationId} is registered`);
    return record(row);
  }

  /**
   * A new signing key (the station's key was replaced) and a new credential; the old key is retired, the
   * old credential stops working, and a revoked station is active again.
   */
  async rotateKey(stationId: string, key: StationKeyInput): Promise<{ station: StationRecord; credential: string }> {
    const credential = newCredential();
    return this.sql.transaction(async (tx) => {
      const [row] = await tx.query<StationRow>(
        `UPDATE stations SET public_key = $2, fingerprint = $3, credential_hash = $4, revoked_at = NULL WHERE station_id = $1 RETURNING ${COLUMNS}`,
        [stationId, key.publicKey, key.fingerprint, credentialHash(credential)],
      );
      if (!row) throw new UnknownStationError(`no station ${stationId} is registered`);
      await tx.query('UPDATE station_keys SET retired_at = now() WHERE station_id = $1 AND retired_at IS NULL AND fingerprint <> $2', [stationId, key.fingerprint]);
      await tx.query(
        'INSERT INTO station_keys (station_id, fingerprint, public_key) VALUES ($1, $2, $3) ON CONFLICT (station_id, fingerprint) DO UPDATE SET retired_at = NULL',
        [stationId, key.fingerprint, key.publicKey],
      );
      return { station: record(row), credential };
    });
  }
}
