-- 0012: signed packages from the central hub (trust list, rule profiles, the registry of station keys, bus
-- manifests, group files), fetched over the link or read from a folder. One row per package this station
-- checked and acted on: applied, skipped (nothing to do) or refused with a reason the screens translate.
-- The highest `seq` of a hub is the cursor: an older or repeated package is a replay and is refused.
CREATE TABLE station_packages (
  hub_fingerprint TEXT NOT NULL CHECK (length(hub_fingerprint) = 64),
  seq             INTEGER NOT NULL CHECK (seq > 0),
  kind            TEXT NOT NULL,
  name            TEXT NOT NULL,
  content_sha256  TEXT NOT NULL,
  issued_at       TEXT NOT NULL,
  received_at     TEXT NOT NULL,
  via             TEXT NOT NULL CHECK (via IN ('hub', 'folder')),
  outcome         TEXT NOT NULL CHECK (outcome IN ('applied', 'skipped', 'refused')),
  -- What was applied (JSON, e.g. {"entries": 41}) or, refused, the error key and its params.
  detail_json     TEXT NOT NULL,
  error_key       TEXT,
  PRIMARY KEY (hub_fingerprint, seq)
);

-- Group files this station sends up to the hub when a bus departs (the hub passes them to the corridor's
-- other stations); sent once, retried while the link is down.
CREATE TABLE group_file_uplink (
  group_id   TEXT PRIMARY KEY REFERENCES travel_groups (id),
  queued_at  TEXT NOT NULL,
  sent_at    TEXT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
