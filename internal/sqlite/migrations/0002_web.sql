-- The web channel: DPO dashboard users and redacted chat transcripts.

CREATE TABLE users (
    name          TEXT PRIMARY KEY,
    password_hash BLOB NOT NULL,
    organisations TEXT NOT NULL DEFAULT '[]', -- a JSON array of organisation names; "*" is every one
    created_at    TEXT NOT NULL
);

-- Transcripts hold only redacted text and are purged after PRIVACYBOT_TRANSCRIPT_DAYS.
CREATE TABLE transcripts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session      TEXT NOT NULL,
    channel      TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL,
    text         TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX transcripts_at ON transcripts (at);
CREATE INDEX transcripts_session ON transcripts (session, id);
