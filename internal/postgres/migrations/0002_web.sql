-- The web channel: DPO dashboard users and redacted chat transcripts.

CREATE TABLE users (
    name          text PRIMARY KEY,
    password_hash bytea NOT NULL,
    organisations text[] NOT NULL DEFAULT '{}', -- "*" is every organisation
    created_at    timestamptz NOT NULL
);

-- Transcripts hold only redacted text and are purged after PRIVACYBOT_TRANSCRIPT_DAYS.
CREATE TABLE transcripts (
    id           bigserial PRIMARY KEY,
    session      text NOT NULL,
    channel      text NOT NULL,
    organisation text NOT NULL DEFAULT '',
    role         text NOT NULL,
    text         text NOT NULL,
    at           timestamptz NOT NULL
);
CREATE INDEX transcripts_at ON transcripts (at);
CREATE INDEX transcripts_session ON transcripts (session, id);
