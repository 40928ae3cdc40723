-- 0002: the crossing log. Checkpoints, stations and corridors; operators (roles + PIN hashes);
-- bus groups with their manifests; entry records carried over from the other end of a corridor;
-- entry↔exit pairings; alerts; consular overrides. Personal data lives in these tables only,
-- never in audit_log, so retention purges leave the hash chain intact.

CREATE TABLE checkpoints (
  id         TEXT PRIMARY KEY NOT NULL,   -- short code agreed by both ends, e.g. 'KZ-ZHIBEK-ZHOLY'
  name       TEXT NOT NULL,
  country    TEXT NOT NULL,               -- ISO 3166-1 alpha-3
  created_at TEXT NOT NULL
) STRICT;

-- Lanes: this station (is_self = 1) and the stations whose group files it trusts (their Ed25519 keys).
CREATE TABLE stations (
  id              TEXT PRIMARY KEY NOT NULL,
  checkpoint_id   TEXT REFERENCES checkpoints (id),
  label           TEXT NOT NULL,
  public_key      TEXT,                   -- base64 SPKI DER
  key_fingerprint TEXT UNIQUE,            -- SHA-256 of the SPKI DER, hex
  is_self         INTEGER NOT NULL DEFAULT 0 CHECK (is_self IN (0, 1)),
  trusted         INTEGER NOT NULL DEFAULT 0 CHECK (trusted IN (0, 1)),
  added_at        TEXT NOT NULL
) STRICT;

CREATE TABLE corridors (
  id                       TEXT PRIMARY KEY NOT NULL,
  name                     TEXT NOT NULL,
  entry_checkpoint_id      TEXT NOT NULL REFERENCES checkpoints (id),
  exit_checkpoint_id       TEXT NOT NULL REFERENCES checkpoints (id),
  expected_transit_minutes INTEGER NOT NULL CHECK (expected_transit_minutes > 0),
  max_transit_minutes      INTEGER NOT NULL,
  rule_profile_id          TEXT,
  active                   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at               TEXT NOT NULL,
  updated_at               TEXT NOT NULL,
  CHECK (entry_checkpoint_id <> exit_checkpoint_id),
  CHECK (max_transit_minutes >= expected_transit_minutes)
) STRICT;

CREATE TABLE operators (
  id              TEXT PRIMARY KEY NOT NULL,
  username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('operator', 'consular', 'shift-lead', 'admin')),
  pin_hash        TEXT NOT NULL,          -- scrypt$N$r$p$salt$hash
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until_ms INTEGER,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

-- A bus or convoy. departed_at / arrived_at are set when the entry / exit end closes the group.
CREATE TABLE travel_groups (
  id                   TEXT PRIMARY KEY NOT NULL,
  corridor_id          TEXT NOT NULL REFERENCES corridors (id),
  label                TEXT NOT NULL,
  vehicle_plate        TEXT,
  driver_name          TEXT,
  escort_name          TEXT,
  expected_count       INTEGER CHECK (expected_count IS NULL OR expected_count >= 0),
  planned_departure_at TEXT,
  departed_at          TEXT,
  arrived_at           TEXT,
  origin_station_id    TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX travel_groups_by_corridor ON travel_groups (corridor_id, created_at);

CREATE TABLE manifest_entries (
  id                        TEXT PRIMARY KEY NOT NULL,
  group_id                  TEXT NOT NULL REFERENCES travel_groups (id),
  line_no                   INTEGER NOT NULL,
  document_number           TEXT NOT NULL,
  nationality               TEXT NOT NULL,
  surname                   TEXT NOT NULL,
  given_names               TEXT NOT NULL,
  name_key                  TEXT NOT NULL,
  birth_date                TEXT,
  sex                       TEXT,
  minor                     INTEGER NOT NULL DEFAULT 0 CHECK (minor IN (0, 1)),
  companion_document_number TEXT,
  source                    TEXT NOT NULL CHECK (source IN ('import', 'scan', 'group-file')),
  added_at                  TEXT NOT NULL,
  UNIQUE (group_id, document_number, nationality)
) STRICT;
CREATE INDEX manifest_by_document ON manifest_entries (document_number, nationality);
CREATE INDEX manifest_by_name ON manifest_entries (name_key);

-- One row per distinct manifest file per group: importing the same file again changes nothing.
CREATE TABLE manifest_imports (
  id             TEXT PRIMARY KEY NOT NULL,
  group_id       TEXT NOT NULL REFERENCES travel_groups (id),
  content_sha256 TEXT NOT NULL,
  file_name      TEXT NOT NULL,
  format         TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  rows_total     INTEGER NOT NULL,
  rows_added     INTEGER NOT NULL,
  imported_at    TEXT NOT NULL,
  operator_id    TEXT,
  UNIQUE (group_id, content_sha256)
) STRICT;

-- Signed group files received from the other end of a corridor (idempotent by content hash).
CREATE TABLE group_files (
  id                TEXT PRIMARY KEY NOT NULL,
  content_sha256    TEXT NOT NULL UNIQUE,
  source_station_id TEXT NOT NULL,
  key_fingerprint   TEXT NOT NULL,
  group_id          TEXT NOT NULL REFERENCES travel_groups (id),
  exported_at       TEXT NOT NULL,
  imported_at       TEXT NOT NULL,
  operator_id       TEXT,
  crossings_total   INTEGER NOT NULL,
  crossings_added   INTEGER NOT NULL
) STRICT;

-- Crossings recorded at another station and carried here in a group file. Kept apart from
-- `crossings`, whose gap-free sequence is this station's own record (and its daily export).
CREATE TABLE imported_crossings (
  id                TEXT PRIMARY KEY NOT NULL,  -- the id the recording station gave it
  source_station_id TEXT NOT NULL,
  source_sequence   INTEGER NOT NULL,
  checkpoint_id     TEXT,
  corridor_id       TEXT,
  group_id          TEXT,
  recorded_at       TEXT NOT NULL,
  recorded_at_ms    INTEGER NOT NULL,
  operator_id       TEXT,
  direction         TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
  outcome           TEXT NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  reasons_json      TEXT NOT NULL,
  document_json     TEXT NOT NULL,
  document_number   TEXT NOT NULL,
  nationality       TEXT NOT NULL,
  birth_date        TEXT,
  name_key          TEXT,
  group_file_id     TEXT NOT NULL REFERENCES group_files (id),
  imported_at       TEXT NOT NULL
) STRICT;
-- Pairing looks entries up by document (or nationality + birth date) within a corridor and direction:
-- all four columns are in the index, so a lookup stays one index seek on a million rows.
CREATE INDEX imported_by_document ON imported_crossings (document_number, nationality, corridor_id, direction);
CREATE INDEX imported_by_identity ON imported_crossings (nationality, birth_date, corridor_id, direction);
CREATE INDEX imported_by_group ON imported_crossings (group_id, direction);
CREATE INDEX imported_by_corridor ON imported_crossings (corridor_id, direction, recorded_at_ms);

-- The crossing log columns of a local crossing. MRZ names are A–Z already, so the backfilled
-- name key equals what nameKey() computes for them.
ALTER TABLE crossings ADD COLUMN checkpoint_id TEXT;
ALTER TABLE crossings ADD COLUMN corridor_id TEXT;
ALTER TABLE crossings ADD COLUMN group_id TEXT;
ALTER TABLE crossings ADD COLUMN birth_date TEXT;
ALTER TABLE crossings ADD COLUMN name_key TEXT;
UPDATE crossings SET
  birth_date = json_extract(document_json, '$.birthDate'),
  name_key = trim(upper(coalesce(json_extract(document_json, '$.surname'), '') || ' ' || coalesce(json_extract(document_json, '$.givenNames'), '')));
CREATE INDEX crossings_pairing_by_document ON crossings (document_number, nationality, corridor_id, direction);
CREATE INDEX crossings_by_identity ON crossings (nationality, birth_date, corridor_id, direction);
CREATE INDEX crossings_by_group ON crossings (group_id, direction);
CREATE INDEX crossings_by_corridor ON crossings (corridor_id, direction, recorded_at_ms);
CREATE INDEX crossings_by_station_document ON crossings (station_id, document_number, recorded_at_ms);

-- Entry ↔ exit. Either side may be a local crossing or an imported one; each is paired at most once.
CREATE TABLE pairings (
  exit_id          TEXT PRIMARY KEY NOT NULL,
  entry_id         TEXT NOT NULL UNIQUE,
  corridor_id      TEXT NOT NULL,
  method           TEXT NOT NULL CHECK (method IN ('document', 'identity')),
  transit_minutes  INTEGER NOT NULL,
  paired_at        TEXT NOT NULL
) STRICT;

CREATE TABLE alerts (
  id               TEXT PRIMARY KEY NOT NULL,
  type             TEXT NOT NULL CHECK (type IN ('overdue', 'unexpected-arrival', 'not-on-manifest', 'duplicate-scan',
                     'group-incomplete', 'expired-passport', 'minor-without-companion')),
  severity         TEXT NOT NULL CHECK (severity IN ('warning', 'critical')),
  status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  dedupe_key       TEXT NOT NULL UNIQUE,
  raised_at        TEXT NOT NULL,
  raised_at_ms     INTEGER NOT NULL,
  corridor_id      TEXT,
  group_id         TEXT,
  crossing_id      TEXT,
  subject_ids_json TEXT NOT NULL DEFAULT '[]', -- ids (crossings, manifest entries) the alert is about: no names
  acknowledged_at  TEXT,
  acknowledged_by  TEXT,
  note             TEXT,
  resolved_at      TEXT
) STRICT;
CREATE INDEX alerts_by_status ON alerts (status, raised_at_ms);
CREATE INDEX alerts_by_group ON alerts (group_id);

CREATE TABLE overrides (
  id               TEXT PRIMARY KEY NOT NULL,
  crossing_id      TEXT NOT NULL REFERENCES crossings (id),
  previous_outcome TEXT NOT NULL CHECK (previous_outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  outcome          TEXT NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  reason           TEXT NOT NULL CHECK (length(trim(reason)) >= 5),
  operator_id      TEXT NOT NULL,
  at               TEXT NOT NULL
) STRICT;
CREATE INDEX overrides_by_crossing ON overrides (crossing_id, at);
