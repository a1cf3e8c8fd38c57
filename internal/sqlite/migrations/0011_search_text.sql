-- What the queue's search finds each case by (dpo.SearchText: its reference, the requester's
-- name, whom the request is for, the contact and a phone number's digits, folded without case,
-- accents or apostrophes), and the version of that folding it was written with. The store fills
-- it in Go when it opens, for these cases and for any written under an older version, since
-- SQL can't fold as dpo.SearchFold does; until then a case is found by its reference alone.
ALTER TABLE cases ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN search_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX cases_search_version ON cases (search_version);
