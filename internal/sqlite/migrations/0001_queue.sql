-- The DPO's queue: cases, their append-only audit trail, and the outbox.
-- Times are TEXT in one fixed-width UTC format (see timeFormat), so they sort and compare as text.

CREATE TABLE ref_seq (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE cases (
    ref               TEXT PRIMARY KEY,
    year              INTEGER NOT NULL,
    seq               INTEGER NOT NULL,
    idempotency_key   TEXT UNIQUE,
    type              TEXT NOT NULL,
    organisation      TEXT NOT NULL,
    organisation_key  TEXT NOT NULL,
    region            TEXT NOT NULL,
    received_at       TEXT NOT NULL,
    channel           TEXT NOT NULL,
    requester_name    TEXT NOT NULL,
    contact_kind      TEXT NOT NULL,
    contact_value     TEXT NOT NULL,
    on_behalf_of      INTEGER NOT NULL DEFAULT 0,
    on_behalf_of_whom TEXT NOT NULL DEFAULT '',
    service           TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL,
    excerpt           TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL,
    due_at            TEXT,
    awaiting_id       INTEGER NOT NULL DEFAULT 0,
    id_received_at    TEXT,
    pauses            TEXT NOT NULL DEFAULT '[]',
    extended          INTEGER NOT NULL DEFAULT 0,
    extension_reason  TEXT NOT NULL DEFAULT '',
    assigned_to       TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    closed_at         TEXT,
    UNIQUE (year, seq)
);
CREATE INDEX cases_due ON cases (due_at);
CREATE INDEX cases_status ON cases (status);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    ref         TEXT NOT NULL REFERENCES cases (ref),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    from_status TEXT NOT NULL DEFAULT '',
    to_status   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_ref ON events (ref, id);

-- The audit trail is evidence: nothing may rewrite or remove it, not even a stray UPDATE.
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ref        TEXT NOT NULL REFERENCES cases (ref),
    created_at TEXT NOT NULL
);

-- One row per (outbox row, notifier), made when that notifier first claims it.
CREATE TABLE outbox_delivery (
    outbox_id       INTEGER NOT NULL REFERENCES outbox (id),
    notifier        TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    delivered_at    TEXT,
    last_error      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (outbox_id, notifier)
);
CREATE INDEX outbox_delivery_pending ON outbox_delivery (notifier, next_attempt_at) WHERE delivered_at IS NULL;
