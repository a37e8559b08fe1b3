-- A ticket for several days admits its visitor once on each of them: the
-- door keeps one row per visitor and day (the expo's local date), and the
-- primary key settles two doors scanning one ticket at the same moment.
-- registrations.checked_in_at/by stay the first arrival.

-- +goose Up
CREATE TABLE checkins (
    registration_id bigint NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,
    day             date NOT NULL,
    at              timestamptz NOT NULL,
    by_user         bigint REFERENCES users (id) ON DELETE SET NULL,
    PRIMARY KEY (registration_id, day)
);
CREATE INDEX checkins_at ON checkins (at);

INSERT INTO checkins (registration_id, day, at, by_user)
SELECT id, (checked_in_at AT TIME ZONE coalesce((SELECT time_zone FROM site_settings), 'Asia/Shanghai'))::date,
       checked_in_at, checked_in_by
FROM registrations WHERE checked_in_at IS NOT NULL;
