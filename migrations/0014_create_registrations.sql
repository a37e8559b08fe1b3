-- Visitor pre-registration: one row per visitor, each with its own e-ticket.
-- A school delegation uploaded at once shares a group row.

-- +goose Up
CREATE TABLE visitor_groups (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Unguessable: the page that lists the delegation's tickets.
    token        text NOT NULL UNIQUE,
    lang         text NOT NULL REFERENCES languages (code),
    organisation text NOT NULL CHECK (btrim(organisation) <> ''),
    leader_name  text NOT NULL CHECK (btrim(leader_name) <> ''),
    leader_phone text NOT NULL DEFAULT '',
    leader_email text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registrations (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Unguessable (128 random bits): the e-ticket's address and its QR code.
    token         text NOT NULL UNIQUE,
    -- Short ticket number printed under the QR code, typed at the door when
    -- a scan fails; unique, but not enough on its own to open the ticket page.
    code          text NOT NULL UNIQUE,
    group_id      bigint REFERENCES visitor_groups (id) ON DELETE CASCADE,
    lang          text NOT NULL REFERENCES languages (code),
    name          text NOT NULL CHECK (btrim(name) <> ''),
    organisation  text NOT NULL DEFAULT '',
    role          text NOT NULL CHECK (role IN ('teacher', 'school_leader', 'student', 'official', 'buyer', 'industry', 'media', 'other')),
    city          text NOT NULL DEFAULT '',
    phone         text NOT NULL DEFAULT '',
    email         text NOT NULL DEFAULT '',
    days          date[] NOT NULL CHECK (cardinality(days) > 0),
    address       text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now(),
    checked_in_at timestamptz,
    checked_in_by bigint REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX registrations_created ON registrations (created_at DESC);
CREATE INDEX registrations_group ON registrations (group_id);

