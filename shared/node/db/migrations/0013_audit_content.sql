-- 0013: the audit rows of a record, found by the record. `db check` compares every crossing, correction, override and
-- evidence row with the content hash its audit row recorded; each lookup is one seek on this index, not a walk of the log.
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, action);
