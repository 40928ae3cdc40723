-- 0007: corridors go down to the stations as packages (kind `corridor`), and each station reports what it did
-- with every package it received: applied, skipped (it had it already, or it is not on that corridor) or refused
-- with the reason's key. One row per station and package; a later report of the same package replaces the row.
ALTER TABLE packages DROP CONSTRAINT packages_kind_check;
ALTER TABLE packages ADD CONSTRAINT packages_kind_check CHECK (kind IN ('trust-list', 'rule-profile', 'station-keys', 'bus-manifest', 'group-file', 'corridor'));

CREATE TABLE package_reports (
  station_id text NOT NULL REFERENCES stations (station_id),
  seq bigint NOT NULL REFERENCES packages (seq),
  outcome text NOT NULL CHECK (outcome IN ('applied', 'skipped', 'refused')),
  detail jsonb NOT NULL DEFAULT '{}',
  error_key text,
  -- When the station acted on it (its clock) and when the hub heard of it (the hub's).
  acted_at timestamptz NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, seq)
);
