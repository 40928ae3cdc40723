-- A revision per bus group, raised by trigger in the same transaction as every row that can change what the group's
-- list shows (its crossings and their corrections, imported crossings, manifest lines, pairings, the group row, the
-- retention purge). The core keeps each group's computed progress until its revision moves, so the lane's group list
-- rebuilds the roster of the group that changed, not of every open group after every crossing.
CREATE TABLE group_revisions (
  group_id  TEXT PRIMARY KEY NOT NULL,
  revision  INTEGER NOT NULL
) WITHOUT ROWID, STRICT;

CREATE TRIGGER group_revision_state_insert AFTER INSERT ON crossing_state WHEN NEW.group_id IS NOT NULL
BEGIN
  INSERT INTO group_revisions (group_id, revision) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
-- A correction also moves the group of the crossing paired with this one (its roster shows the pair).
CREATE TRIGGER group_revision_state_update AFTER UPDATE ON crossing_state
BEGIN
  INSERT INTO group_revisions (group_id, revision)
    SELECT g, 1 FROM (
      SELECT OLD.group_id AS g UNION SELECT NEW.group_id
      UNION SELECT s.group_id FROM pairings p JOIN crossing_state s ON s.crossing_id = p.entry_id WHERE p.exit_id = NEW.crossing_id
      UNION SELECT s.group_id FROM pairings p JOIN crossing_state s ON s.crossing_id = p.exit_id WHERE p.entry_id = NEW.crossing_id
      UNION SELECT i.group_id FROM pairings p JOIN imported_crossings i ON i.id = p.entry_id WHERE p.exit_id = NEW.crossing_id
      UNION SELECT i.group_id FROM pairings p JOIN imported_crossings i ON i.id = p.exit_id WHERE p.entry_id = NEW.crossing_id
    ) WHERE g IS NOT NULL
    ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
-- The purge blanks a crossing's personal fields in place.
CREATE TRIGGER group_revision_crossing_update AFTER UPDATE ON crossings
BEGIN
  INSERT INTO group_revisions (group_id, revision)
    SELECT s.group_id, 1 FROM crossing_state s WHERE s.crossing_id = NEW.id AND s.group_id IS NOT NULL
    ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_imported_insert AFTER INSERT ON imported_crossings WHEN NEW.group_id IS NOT NULL
BEGIN
  INSERT INTO group_revisions (group_id, revision) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_imported_update AFTER UPDATE ON imported_crossings
BEGIN
  INSERT INTO group_revisions (group_id, revision)
    SELECT g, 1 FROM (SELECT OLD.group_id AS g UNION SELECT NEW.group_id) WHERE g IS NOT NULL
    ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_imported_delete AFTER DELETE ON imported_crossings WHEN OLD.group_id IS NOT NULL
BEGIN
  INSERT INTO group_revisions (group_id, revision) VALUES (OLD.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_manifest_insert AFTER INSERT ON manifest_entries
BEGIN
  INSERT INTO group_revisions (group_id, revision) VALUES (NEW.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_manifest_update AFTER UPDATE ON manifest_entries
BEGIN
  INSERT INTO group_revisions (group_id, revision)
    SELECT g, 1 FROM (SELECT OLD.group_id AS g UNION SELECT NEW.group_id) WHERE g IS NOT NULL
    ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_manifest_delete AFTER DELETE ON manifest_entries
BEGIN
  INSERT INTO group_revisions (group_id, revision) VALUES (OLD.group_id, 1) ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_group_update AFTER UPDATE ON travel_groups
BEGIN
  INSERT INTO group_revisions (group_id, revision) VALUES (NEW.id, 1) ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
-- A pairing shows on the rosters of both ends' groups, wherever each was recorded.
CREATE TRIGGER group_revision_paired AFTER INSERT ON pairings
BEGIN
  INSERT INTO group_revisions (group_id, revision)
    SELECT g, 1 FROM (
      SELECT group_id AS g FROM crossing_state WHERE crossing_id IN (NEW.entry_id, NEW.exit_id)
      UNION SELECT group_id FROM imported_crossings WHERE id IN (NEW.entry_id, NEW.exit_id)
    ) WHERE g IS NOT NULL
    ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
CREATE TRIGGER group_revision_unpaired AFTER DELETE ON pairings
BEGIN
  INSERT INTO group_revisions (group_id, revision)
    SELECT g, 1 FROM (
      SELECT group_id AS g FROM crossing_state WHERE crossing_id IN (OLD.entry_id, OLD.exit_id)
      UNION SELECT group_id FROM imported_crossings WHERE id IN (OLD.entry_id, OLD.exit_id)
    ) WHERE g IS NOT NULL
    ON CONFLICT (group_id) DO UPDATE SET revision = revision + 1;
END;
