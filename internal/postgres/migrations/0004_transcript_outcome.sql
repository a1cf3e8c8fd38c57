-- What the bot did with each question ("answered", "unsure", "abstained", "intake", …), so the
-- DPO's team can list what residents ask that the notices don't answer (privacybot transcripts).
ALTER TABLE transcripts ADD COLUMN outcome text NOT NULL DEFAULT '';
