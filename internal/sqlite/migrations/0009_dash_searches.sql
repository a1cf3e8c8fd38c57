-- Searches typed in the DPO dashboard's Find box (a resident's name, e-mail or phone number),
-- kept so that their results are shown at an address holding only a random id: Back and Refresh
-- then show them again without sending the form again, and the term is never in an address.
-- Each belongs to the session that made it and goes with it (signing out, expiry, the user's
-- removal), or sooner, at its own expiry.
CREATE TABLE dash_searches (
    id           TEXT PRIMARY KEY, -- random; the results' address holds it
    session_hash TEXT NOT NULL REFERENCES dash_sessions (token_hash) ON DELETE CASCADE,
    term         TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX dash_searches_expires ON dash_searches (expires_at);
CREATE INDEX dash_searches_session ON dash_searches (session_hash);
