-- Name search through an index: each table's name key (the romanised, folded key of shared/domain/mrz, the same for a
-- Latin and a Cyrillic spelling) in an FTS5 trigram index, so "any part of the name" is a lookup of the query's
-- trigrams instead of instr() over every row. Contentless (the key is in the row already); rows deleted or purged
-- leave the index in the same transaction. Measured against the instr scan and an indexed word key in
-- `npm run bench -- scale`.
CREATE VIRTUAL TABLE crossings_names USING fts5 (name_key, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE imported_names USING fts5 (name_key, content = '', contentless_delete = 1, tokenize = 'trigram');
CREATE VIRTUAL TABLE manifest_names USING fts5 (name_key, content = '', contentless_delete = 1, tokenize = 'trigram');

INSERT INTO crossings_names (rowid, name_key) SELECT sequence, name_key FROM crossings WHERE name_key IS NOT NULL AND name_key <> '';
INSERT INTO imported_names (rowid, name_key) SELECT rowid, name_key FROM imported_crossings WHERE name_key IS NOT NULL AND name_key <> '';
INSERT INTO manifest_names (rowid, name_key) SELECT rowid, name_key FROM manifest_entries WHERE name_key <> '';

CREATE TRIGGER crossings_names_insert AFTER INSERT ON crossings WHEN NEW.name_key IS NOT NULL AND NEW.name_key <> ''
BEGIN INSERT INTO crossings_names (rowid, name_key) VALUES (NEW.sequence, NEW.name_key); END;
CREATE TRIGGER crossings_names_update AFTER UPDATE OF name_key ON crossings
BEGIN
  DELETE FROM crossings_names WHERE rowid = OLD.sequence;
  INSERT INTO crossings_names (rowid, name_key) SELECT NEW.sequence, NEW.name_key WHERE NEW.name_key IS NOT NULL AND NEW.name_key <> '';
END;
CREATE TRIGGER crossings_names_delete AFTER DELETE ON crossings
BEGIN DELETE FROM crossings_names WHERE rowid = OLD.sequence; END;

CREATE TRIGGER imported_names_insert AFTER INSERT ON imported_crossings WHEN NEW.name_key IS NOT NULL AND NEW.name_key <> ''
BEGIN INSERT INTO imported_names (rowid, name_key) VALUES (NEW.rowid, NEW.name_key); END;
CREATE TRIGGER imported_names_update AFTER UPDATE OF name_key ON imported_crossings
BEGIN
  DELETE FROM imported_names WHERE rowid = OLD.rowid;
  INSERT INTO imported_names (rowid, name_key) SELECT NEW.rowid, NEW.name_key WHERE NEW.name_key IS NOT NULL AND NEW.name_key <> '';
END;
CREATE TRIGGER imported_names_delete AFTER DELETE ON imported_crossings
BEGIN DELETE FROM imported_names WHERE rowid = OLD.rowid; END;

CREATE TRIGGER manifest_names_insert AFTER INSERT ON manifest_entries WHEN NEW.name_key <> ''
BEGIN INSERT INTO manifest_names (rowid, name_key) VALUES (NEW.rowid, NEW.name_key); END;
CREATE TRIGGER manifest_names_update AFTER UPDATE OF name_key ON manifest_entries
BEGIN
  DELETE FROM manifest_names WHERE rowid = OLD.rowid;
  INSERT INTO manifest_names (rowid, name_key) SELECT NEW.rowid, NEW.name_key WHERE NEW.name_key <> '';
END;
CREATE TRIGGER manifest_names_delete AFTER DELETE ON manifest_entries
BEGIN DELETE FROM manifest_names WHERE rowid = OLD.rowid; END;
