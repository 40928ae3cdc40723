-- 0003: signed station packages: files the hub sends down (trust list, rule profiles, the registry of station
-- keys, bus manifests, group files), addressed to one station, a corridor's stations, or all. `seq` is the
-- cursor stations poll with (`GET /packages?since=`).
CREATE TABLE packages (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('trust-list', 'rule-profile', 'station-keys', 'bus-manifest', 'group-file')),
  station_id text REFERENCES stations (station_id),
  corridor_id text,
  name text NOT NULL,
  content_sha256 text NOT NULL CHECK (content_sha256 ~ '^[0-9a-f]{64}$'),
  issued_at timestamptz NOT NULL DEFAULT now(),
  -- The canonical JSON that was signed (it holds the content) and its signature.
  package_text text NOT NULL,
  signature text NOT NULL
);
CREATE INDEX packages_station ON packages (station_id, seq);
CREATE INDEX packages_corridor ON packages (corridor_id, seq);
