-- The time limit the DPO sets for a confirmed law-enforcement (Part 3) request, which has no UK
-- GDPR due date (reference rule 8): the date it is to be answered by (NULL until set; it is then
-- the case's due_at too) and why.
ALTER TABLE cases ADD COLUMN time_limit_at timestamptz;
ALTER TABLE cases ADD COLUMN time_limit_reason text NOT NULL DEFAULT '';
