-- 0018: who decided a traveller waiting for Enter. The shift report lists, per operator, the travellers decided
-- at the lane and never recorded. Rows written before this migration name nobody (NULL).

ALTER TABLE parked_travellers ADD COLUMN operator_id TEXT;
