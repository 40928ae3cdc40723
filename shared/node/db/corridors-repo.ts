import type Database from 'better-sqlite3';

export interface CheckpointRow {
  readonly id: string;
  readonly name: string;
  readonly country: string;
}

export interface CorridorRow {
  readonly id: string;
  readonly name: string;
  readonly entryCheckpointId: string;
  readonly exitCheckpointId: string;
  readonly expectedTransitMinutes: number;
  readonly maxTransitMinutes: number;
  readonly ruleProfileId: string | null;
  readonly active: boolean;
  readonly updatedAt: string;
}

export interface StationRow {
  readonly id: string;
  readonly checkpointId: string | null;
  readonly label: string;
  readonly publicKey: string | null;
  readonly keyFingerprint: string | null;
  readonly isSelf: boolean;
  readonly trusted: boolean;
}

interface CorridorDbRow {
  id: string;
  name: string;
  entry_checkpoint_id: string;
  exit_checkpoint_id: string;
  expected_transit_minutes: number;
  max_transit_minutes: number;
  rule_profile_id: string | null;
  active: number;
  updated_at: string;
}

interface StationDbRow {
  id: string;
  checkpoint_id: string | null;
  label: string;
  public_key: string | null;
  key_fingerprint: string | null;
  is_self: number;
  trusted: number;
}

const toCorridor = (r: CorridorDbRow): CorridorRow => ({
  id: r.id,
  name: r.name,
  entryCheckpointId: r.entry_checkpoint_id,
  exitCheckpointId: r.exit_checkpoint_id,
  expectedTransitMinutes: r.expected_transit_minutes,
  maxTransitMinutes: r.max_transit_minutes,
  ruleProfileId: r.rule_profile_id,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

const toStation = (r: StationDbRow): StationRow => ({
  id: r.id,
  checkpointId: r.checkpoint_id,
  label: r.label,
  publicKey: r.public_key,
  keyFingerprint: r.key_fingerprint,
  isSelf: r.is_self === 1,
  trusted: r.trusted === 1,
});

/** Checkpoints, corridors between them, and the stations (lanes) this one knows, with their keys. */
export class CorridorsRepo {
  constructor(private readonly db: Database.Database) {}

  listCheckpoints(): CheckpointRow[] {
    return this.db.prepare<[], CheckpointRow>('SELECT id, name, country FROM checkpoints ORDER BY name').all();
  }

  getCheckpoint(id: string): CheckpointRow | undefined {
    return this.db.prepare<[string], CheckpointRow>('SELECT id, name, country FROM checkpoints WHERE id = ?').get(id);
  }

  saveCheckpoint(row: CheckpointRow, at: string): void {
    this.db
      .prepare(
        `INSERT INTO checkpoints (id, name, country, created_at) VALUES (@id, @name, @country, @at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country`,
      )
      .run({ ...row, at });
  }

  listCorridors(): CorridorRow[] {
    return this.db.prepare<[], CorridorDbRow>('SELECT * FROM corridors ORDER BY name').all().map(toCorridor);
  }

  getCorridor(id: string): CorridorRow | undefined {
    const row = this.db.prepare<[string], CorridorDbRow>('SELECT * FROM corridors WHERE id = ?').get(id);
    return row ? toCorridor(row) : undefined;
  }

  saveCorridor(row: Omit<CorridorRow, 'updatedAt'>, at: string): void {
    this.db
      .prepare(
        `INSERT INTO corridors (id, name, entry_checkpoint_id, exit_checkpoint_id, expected_transit_minutes, max_transit_minutes,
           rule_profile_id, active, created_at, updated_at)
         VALUES (@id, @name, @entryCheckpointId, @exitCheckpointId, @expectedTransitMinutes, @maxTransitMinutes,
           @ruleProfileId, @active, @at, @at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, entry_checkpoint_id = excluded.entry_checkpoint_id,
           exit_checkpoint_id = excluded.exit_checkpoint_id, expected_transit_minutes = excluded.expected_transit_minutes,
           max_transit_minutes = excluded.max_transit_minutes, rule_profile_id = excluded.rule_profile_id,
           active = excluded.active, updated_at = excluded.updated_at`,
      )
      .run({ ...row, active: row.active ? 1 : 0, at });
  }

  getStation(id: string): StationRow | undefined {
    const row = this.db.prepare<[string], StationDbRow>('SELECT * FROM stations WHERE id = ?').get(id);
    return row ? toStation(row) : undefined;
  }

  stationByFingerprint(fingerprint: string): StationRow | undefined {
    const row = this.db.prepare<[string], StationDbRow>('SELECT * FROM stations WHERE key_fingerprint = ?').get(fingerprint);
    return row ? toStation(row) : undefined;
  }

  listStations(): StationRow[] {
    return this.db.prepare<[], StationDbRow>('SELECT * FROM stations ORDER BY is_self DESC, label').all().map(toStation);
  }

  saveStation(row: StationRow, at: string): void {
    this.db
      .prepare(
        `INSERT INTO stations (id, checkpoint_id, label, public_key, key_fingerprint, is_self, trusted, added_at)
         VALUES (@id, @checkpointId, @label, @publicKey, @keyFingerprint, @isSelf, @trusted, @at)
         ON CONFLICT (id) DO UPDATE SET checkpoint_id = excluded.checkpoint_id, label = excluded.label,
           public_key = excluded.public_key, key_fingerprint = excluded.key_fingerprint, trusted = excluded.trusted`,
      )
      .run({ ...row, isSelf: row.isSelf ? 1 : 0, trusted: row.trusted ? 1 : 0, at });
  }
}
