-- When each case last changed status, as dated (--at): a later change may not be dated before
-- it, so a backdated close can't make an overdue case look answered in time. Existing cases take
-- the time of their last status event.
ALTER TABLE cases ADD COLUMN status_changed_at TEXT;
UPDATE cases SET status_changed_at = (
    SELECT max(at) FROM events
    WHERE events.ref = cases.ref AND kind NOT IN ('note', 'assigned', 'law_enforcement'));
