-- A request that may be for data held for law enforcement (Part 3 of the Data Protection Act
-- 2018) is flagged for the DPO instead of given a UK GDPR due date: '' (not), 'suspected' or
-- 'confirmed'.
ALTER TABLE cases ADD COLUMN law_enforcement TEXT NOT NULL DEFAULT '';
