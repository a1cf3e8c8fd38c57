-- A request that may be for data held for law enforcement (Part 3 of the Data Protection Act
-- 2018) is flagged for the DPO to decide: '' (not), 'suspected' (worked to its UK GDPR date
-- meanwhile) or 'confirmed' (no UK GDPR date).
ALTER TABLE cases ADD COLUMN law_enforcement TEXT NOT NULL DEFAULT '';
