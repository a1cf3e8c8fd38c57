-- When a case was last reopened: no change may be dated before it but what the closing hid (ID
-- arriving, a clarification answered), so a reopened case can't be closed again "on time" in the
-- past. NULL for a case never reopened.
ALTER TABLE cases ADD COLUMN reopened_at TEXT;
