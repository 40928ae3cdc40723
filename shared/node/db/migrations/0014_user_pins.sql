-- 0014: a PIN an administrator sets when resetting someone's PIN is good for one sign-in only, at which
-- its owner chooses their own; until then it opens nothing.
ALTER TABLE operators ADD COLUMN pin_must_change INTEGER NOT NULL DEFAULT 0 CHECK (pin_must_change IN (0, 1));
