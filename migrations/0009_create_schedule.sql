-- The expo's schedule: events with their words per language (a third
-- language is new rows), and a log of changes that the Atom feed reads so
-- exhibitors learn when a time moves.

-- +goose Up
CREATE TABLE schedule_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('opening', 'forum', 'hours', 'award', 'other')),
    starts_at  timestamptz NOT NULL,
    ends_at    timestamptz NOT NULL,
    -- The iCalendar UID: made once, never changed, so calendars that
    -- imported the event update it instead of adding a second one.
    uid        text NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
    -- The iCalendar SEQUENCE: bumped whenever the time changes.
    sequence   int NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

CREATE INDEX schedule_events_starts_at ON schedule_events (starts_at);

CREATE TABLE schedule_event_texts (
    event_id    bigint NOT NULL REFERENCES schedule_events (id) ON DELETE CASCADE,
    lang        text NOT NULL REFERENCES languages (code),
    title       text NOT NULL CHECK (title <> ''),
    description text NOT NULL DEFAULT '',
    venue       text NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, lang)
);

-- One row per change staff make. No foreign key: a cancelled event's
-- change outlives the event, so it keeps its titles as they were.
CREATE TABLE schedule_changes (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      bigint NOT NULL,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    what          text NOT NULL CHECK (what IN ('added', 'moved', 'changed', 'cancelled')),
    old_starts_at timestamptz,
    old_ends_at   timestamptz,
    new_starts_at timestamptz,
    new_ends_at   timestamptz,
    titles        jsonb NOT NULL DEFAULT '{}' -- by language
);

CREATE INDEX schedule_changes_changed_at ON schedule_changes (changed_at DESC, id DESC);

