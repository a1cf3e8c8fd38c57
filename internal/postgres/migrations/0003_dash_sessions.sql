-- DPO dashboard sign-in sessions, shared by every replica and kept across restarts. Only the
-- SHA-256 hash of the cookie's token is stored, so a copy of the database signs nobody in.
CREATE TABLE dash_sessions (
    token_hash text PRIMARY KEY, -- hex SHA-256 of the cookie's token
    user_name  text NOT NULL,
    csrf       text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX dash_sessions_expires ON dash_sessions (expires_at);
CREATE INDEX dash_sessions_user ON dash_sessions (user_name);
