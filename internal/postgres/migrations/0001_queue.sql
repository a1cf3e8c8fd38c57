-- The DPO's queue: cases, their append-only audit trail, and the outbox.

CREATE TABLE ref_seq (
    year integer PRIMARY KEY,
    last bigint NOT NULL
);

CREATE TABLE cases (
    ref               text PRIMARY KEY,
    year              integer NOT NULL,
    seq               bigint NOT NULL,
    idempotency_key   text UNIQUE,
    type              text NOT NULL,
    organisation      text NOT NULL,
    organisation_key  text NOT NULL,
    region            text NOT NULL,
    received_at       timestamptz NOT NULL,
    channel           text NOT NULL,
    requester_name    text NOT NULL,
    contact_kind      text NOT NULL,
    contact_value     text NOT NULL,
    on_behalf_of      boolean NOT NULL DEFAULT false,
    on_behalf_of_whom text NOT NULL DEFAULT '',
    service           text NOT NULL DEFAULT '',
    description       text NOT NULL,
    excerpt           text NOT NULL DEFAULT '',
    status            text NOT NULL,
    due_at            timestamptz,
    awaiting_id       boolean NOT NULL DEFAULT false,
    id_received_at    timestamptz,
    pauses            jsonb NOT NULL DEFAULT '[]',
    extended          boolean NOT NULL DEFAULT false,
    extension_reason  text NOT NULL DEFAULT '',
    assigned_to       text NOT NULL DEFAULT '',
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    closed_at         timestamptz,
    UNIQUE (year, seq)
);
CREATE INDEX cases_due ON cases (due_at);
CREATE INDEX cases_status ON cases (status);

CREATE TABLE events (
    id          bigserial PRIMARY KEY,
    ref         text NOT NULL REFERENCES cases (ref),
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    kind        text NOT NULL,
    from_status text NOT NULL DEFAULT '',
    to_status   text NOT NULL DEFAULT '',
    note        text NOT NULL DEFAULT ''
);
CREATE INDEX events_ref ON events (ref, id);

-- The audit trail is evidence: nothing may rewrite or remove it, not even a stray UPDATE.
CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();

CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    ref        text NOT NULL REFERENCES cases (ref),
    created_at timestamptz NOT NULL
);

-- One row per (outbox row, notifier), made when that notifier first claims it; claimers lock
-- these rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox_delivery (
    outbox_id       bigint NOT NULL REFERENCES outbox (id),
    notifier        text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_error      text NOT NULL DEFAULT '',
    PRIMARY KEY (outbox_id, notifier)
);
CREATE INDEX outbox_delivery_pending ON outbox_delivery (notifier, next_attempt_at) WHERE delivered_at IS NULL;
