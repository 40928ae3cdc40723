-- 0004: bundle format v2. Each crossing carries the disposition recorded at the lane, its state now (after
-- corrections and consular overrides), the crossing it is paired with at the other end of the corridor, and
-- the overrides, corrections and evidence summaries behind that state. Rows of version 1 bundles keep NULL:
-- their station did not say. A superseding bundle names the one it replaces and the crossings that changed.

ALTER TABLE crossings
  ADD COLUMN disposition text CHECK (disposition IN ('crossed', 'refused', 'held', 'cancelled')),
  ADD COLUMN current_disposition text CHECK (current_disposition IN ('crossed', 'refused', 'held', 'cancelled')),
  ADD COLUMN current_direction text CHECK (current_direction IN ('entry', 'exit')),
  ADD COLUMN current_outcome text CHECK (current_outcome IN ('OK', 'NOT_OK', 'NEEDS_CROSS_CHECK')),
  ADD COLUMN current_group_id text,
  ADD COLUMN paired_crossing_id text,
  ADD COLUMN pairing_method text,
  ADD COLUMN transit_minutes integer,
  ADD COLUMN overrides jsonb,
  ADD COLUMN corrections jsonb,
  ADD COLUMN evidence jsonb;

CREATE INDEX crossings_paired ON crossings (paired_crossing_id) WHERE paired_crossing_id IS NOT NULL;
CREATE INDEX crossings_current_disposition ON crossings (current_disposition) WHERE current_disposition IN ('held', 'refused');

-- The bundle a superseding bundle replaced (its own row then has superseded_by set) and what changed.
ALTER TABLE bundles
  ADD COLUMN supersedes text REFERENCES bundles (manifest_sha256),
  ADD COLUMN changed_sequences bigint[];
