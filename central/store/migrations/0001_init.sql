-- The hub's first schema: stations and their credentials, the hub's own signing key, the bundles received
-- (one row per manifest SHA-256), their crossings (partitioned by month) and alerts, rejections, station
-- alerts (gaps, overlaps) and the request log. Bundle format v2 adds rows to the same tables.

CREATE TABLE hub_key (
  id smallint PRIMARY KEY CHECK (id = 1),
  -- PKCS#8 PEM of the hub's Ed25519 key: receipts and station packages are signed with it.
  private_key_pem text NOT NULL,
  public_key text NOT NULL,
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE stations (
  station_id text PRIMARY KEY CHECK (station_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  -- A small number per station: it scopes sequence ranges in one exclusion constraint (see bundles).
  num integer GENERATED ALWAYS AS IDENTITY UNIQUE,
  -- Base64 SPKI; null when only the fingerprint was registered (bundles carry the key, the fingerprint pins it).
  public_key text,
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  -- SHA-256 of the bearer credential (a 256-bit random token): the credential itself is never stored.
  credential_hash text NOT NULL UNIQUE CHECK (credential_hash ~ '^[0-9a-f]{64}$'),
  corridor_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- Every key a station has had: bundles signed before a rotation still verify by their fingerprint.
CREATE TABLE station_keys (
  station_id text NOT NULL REFERENCES stations (station_id),
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  public_key text,
  added_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  PRIMARY KEY (station_id, fingerprint)
);

CREATE TABLE bundles (
  manifest_sha256 text PRIMARY KEY CHECK (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  station_id text NOT NULL REFERENCES stations (station_id),
  schema_version integer NOT NULL,
  period_from timestamptz NOT NULL,
  period_to timestamptz NOT NULL CHECK (period_to > period_from),
  time_zone text NOT NULL,
  first_sequence bigint,
  last_sequence bigint,
  -- [station num · 2^40 + first, station num · 2^40 + last]: no two live bundles hold the same crossing.
  sequence_span int8range,
  audit_before text NOT NULL,
  audit_last text NOT NULL,
  crossings integer NOT NULL CHECK (crossings >= 0),
  alerts integer NOT NULL CHECK (alerts >= 0),
  -- The exact signed bytes: the next bundle's continuity is checked against these.
  manifest_text text NOT NULL,
  manifest_sig text NOT NULL,
  signer_fingerprint text NOT NULL,
  -- The raw bundle as received, stored content-addressed under its SHA-256.
  raw_sha256 text NOT NULL CHECK (raw_sha256 ~ '^[0-9a-f]{64}$'),
  raw_bytes bigint NOT NULL,
  received_at timestamptz NOT NULL,
  via text NOT NULL CHECK (via IN ('http', 'usb')),
  receipt_text text NOT NULL,
  receipt_sig text NOT NULL,
  superseded_by text REFERENCES bundles (manifest_sha256),
  CHECK ((first_sequence IS NULL) = (last_sequence IS NULL)),
  CONSTRAINT bundles_one_copy_of_each_crossing EXCLUDE USING gist (sequence_span WITH &&) WHERE (superseded_by IS NULL)
);
CREATE INDEX bundles_station_period ON bundles (station_id, period_to);

-- One row per crossing; the key includes the partition column, the exclusion constraint above keeps a
-- sequence number in one live bundle only.
CREATE TABLE crossings (
  station_id text NOT NULL,
  sequence bigint NOT NULL,
  recorded_at timestamptz NOT NULL,
  bundle_sha256 text NOT NULL,
  crossing_id text NOT NULL,
  checkpoint_id text,
  corridor_id text,
  group_id text,
  operator_id text,
  direction text NOT NULL CHECK (direction IN ('entry', 'exit')),
  outcome text NOT NULL CHECK (outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  reasons jsonb NOT NULL,
  document_format text NOT NULL,
  document_code text NOT NULL,
  issuing_state text NOT NULL,
  document_number text NOT NULL,
  nationality text NOT NULL,
  surname text NOT NULL,
  given_names text NOT NULL,
  birth_date text,
  sex text,
  expiry_date text,
  scan_source text NOT NULL,
  note text,
  rule_profile_id text,
  rule_profile_version integer,
  PRIMARY KEY (station_id, sequence, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX crossings_document ON crossings (document_number, issuing_state);
CREATE INDEX crossings_group ON crossings (group_id) WHERE group_id IS NOT NULL;
CREATE INDEX crossings_bundle ON crossings (bundle_sha256);

CREATE TABLE alerts (
  bundle_sha256 text NOT NULL REFERENCES bundles (manifest_sha256),
  alert_id text NOT NULL,
  station_id text NOT NULL,
  type text NOT NULL,
  severity text,
  status text,
  raised_at timestamptz,
  row_json jsonb NOT NULL,
  PRIMARY KEY (bundle_sha256, alert_id)
);

-- Every refused bundle, with its reason: `stats` counts them, the board shows them.
CREATE TABLE rejections (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  station_id text,
  manifest_sha256 text,
  code text NOT NULL,
  message text NOT NULL,
  problems jsonb NOT NULL DEFAULT '[]'
);

-- Raised for a person: a gap or an overlap in a station's chain of bundles.
CREATE TABLE station_alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (station_id),
  kind text NOT NULL,
  manifest_sha256 text NOT NULL,
  message text NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (station_id, kind, manifest_sha256)
);

CREATE TABLE request_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL,
  path text NOT NULL,
  station_id text,
  status integer NOT NULL,
  request_bytes bigint,
  duration_ms double precision NOT NULL,
  idempotency_key text,
  code text
);
