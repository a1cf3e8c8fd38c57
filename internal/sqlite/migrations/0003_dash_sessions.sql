-- DPO dashboard sign-in sessions, shared by every replica and kept across restarts. Only the
-- SHA-256 hash of the cookie's token is stored, so a copy of the database signs nobody in.
CREATE TABLE dash_sessions (
    token_hash TEXT PRIMARY KEY, -- hex SHA-256 of the cookie's token
    user_name  TEXT NOT NULL,
    csrf       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX dash_sessions_expires ON dash_sessions (expires_at);
CREATE INDEX dash_sessions_user ON dash_sessions (user_name);
