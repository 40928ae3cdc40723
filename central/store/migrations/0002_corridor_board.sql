-- The corridor board: corridors as chains of checkpoints, each person's journey pieced together from every
-- station's crossings, and the alerts the hub raises about journeys and stations. Journey events and journeys
-- are partitioned by month like crossings (a region keeps ~700M crossings a year); partitions are made when
-- their first row arrives (central/board/board-partitions.ts).

CREATE TABLE corridors (
  corridor_id text PRIMARY KEY CHECK (corridor_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Counts up on every change: stations apply a published corridor only when it is newer than theirs.
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

-- Step `position` of a corridor; the leg to the next step carries the times (null on the last step).
CREATE TABLE corridor_steps (
  corridor_id text NOT NULL REFERENCES corridors (corridor_id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position >= 0),
  checkpoint_id text NOT NULL,
  country text NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
  direction text NOT NULL CHECK (direction IN ('entry', 'exit')),
  expected_minutes integer CHECK (expected_minutes > 0),
  max_minutes integer CHECK (max_minutes >= expected_minutes),
  PRIMARY KEY (corridor_id, position),
  UNIQUE (corridor_id, checkpoint_id, direction),
  CHECK ((expected_minutes IS NULL) = (max_minutes IS NULL))
);
CREATE INDEX corridor_steps_checkpoint ON corridor_steps (checkpoint_id);

-- One row per crossing placed on a journey, in its current revision: the index keys the next crossing of
-- the same person is found by (document, nationality + birth date), and where it sits on the corridor.
CREATE TABLE journey_events (
  recorded_at timestamptz NOT NULL,
  crossing_id text NOT NULL,
  corridor_id text NOT NULL,
  journey_key text NOT NULL,
  revision integer NOT NULL CHECK (revision >= 0),
  step smallint NOT NULL,
  reverse boolean NOT NULL,
  station_id text NOT NULL,
  checkpoint_id text NOT NULL,
  group_id text,
  direction text NOT NULL CHECK (direction IN ('entry', 'exit')),
  disposition text NOT NULL CHECK (disposition IN ('crossed', 'refused', 'held')),
  document_key text NOT NULL,
  identity_key text,
  document_number text NOT NULL,
  nationality text NOT NULL,
  birth_date text,
  name_key text NOT NULL,
  PRIMARY KEY (crossing_id, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX journey_events_document ON journey_events (document_key, recorded_at);
CREATE INDEX journey_events_identity ON journey_events (identity_key, recorded_at) WHERE identity_key IS NOT NULL;
CREATE INDEX journey_events_journey ON journey_events (corridor_id, journey_key);
-- Person search by name: a prefix of the transliterated key (Latin or Cyrillic input both become A–Z).
CREATE INDEX journey_events_name ON journey_events (name_key text_pattern_ops);
-- Person search by document number, whatever the nationality.
CREATE INDEX journey_events_document_number ON journey_events (document_number);

-- One row per journey: its summary as summariseJourney computes it, rewritten whenever a crossing joins it.
CREATE TABLE journeys (
  first_seen_at timestamptz NOT NULL,
  corridor_id text NOT NULL,
  journey_key text NOT NULL,
  group_id text,
  state text NOT NULL CHECK (state IN ('in-transit', 'arrived', 'refused', 'held', 'returned', 'unexpected')),
  -- One letter per step: P passed, R refused, H held, - not seen.
  marks text NOT NULL CHECK (marks ~ '^[PRH-]+$'),
  passed_at timestamptz[] NOT NULL,
  first_checkpoint_id text NOT NULL,
  last_seen_at timestamptz NOT NULL,
  last_checkpoint_id text NOT NULL,
  last_disposition text NOT NULL,
  last_reverse boolean NOT NULL,
  next_step smallint,
  expected_at timestamptz,
  deadline_at timestamptz,
  unexpected_at smallint,
  paired_by text NOT NULL CHECK (paired_by IN ('document', 'identity')),
  documents text[] NOT NULL,
  document_number text NOT NULL,
  nationality text NOT NULL,
  birth_date text,
  name_key text NOT NULL,
  crossings integer NOT NULL CHECK (crossings > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (corridor_id, journey_key, first_seen_at)
) PARTITION BY RANGE (first_seen_at);
CREATE INDEX journeys_group ON journeys (corridor_id, group_id, first_seen_at);
-- The board: every bus seen in the last day and a half, whatever its corridor.
CREATE INDEX journeys_recent ON journeys (first_seen_at) WHERE group_id IS NOT NULL;
-- The overdue sweep: only journeys still on the way, by the time they fall due.
CREATE INDEX journeys_due ON journeys (deadline_at) WHERE state IN ('in-transit', 'unexpected');
CREATE INDEX journeys_unexpected ON journeys (corridor_id) WHERE unexpected_at IS NOT NULL;

-- Alerts the hub raises. `alert_key` names the situation: one open row per situation, resolved when it ends.
CREATE TABLE central_alerts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_key text NOT NULL,
  code text NOT NULL CHECK (code IN ('journey.overdue', 'journey.missing', 'journey.exit-without-entry', 'station.silent', 'station.continuity-gap')),
  severity text NOT NULL CHECK (severity IN ('warning', 'critical')),
  corridor_id text,
  group_id text,
  checkpoint_id text,
  station_id text,
  journey_keys text[] NOT NULL DEFAULT '{}',
  params jsonb NOT NULL,
  since timestamptz NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by text,
  acknowledgement_note text,
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE UNIQUE INDEX central_alerts_open ON central_alerts (alert_key) WHERE resolved_at IS NULL;
CREATE INDEX central_alerts_checkpoint ON central_alerts (checkpoint_id, raised_at) WHERE resolved_at IS NULL;

-- The central audit trail: who did what at the hub (an alert acknowledged, a corridor registered), append-only.
CREATE TABLE central_audit (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  subject text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX central_audit_subject ON central_audit (subject, at);
CREATE FUNCTION central_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'central_audit is append-only';
END;
$$;
CREATE TRIGGER central_audit_no_change BEFORE UPDATE OR DELETE ON central_audit FOR EACH ROW EXECUTE FUNCTION central_audit_append_only();
