-- Every back-office editor carries the version of what it edits, as the
-- news editor does: a save based on an old version is refused and the
-- typed input shown beside what changed, instead of the last save winning.

-- +goose Up
ALTER TABLE charge_items    ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE schedule_events ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE exhibitors      ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE booths          ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE pages           ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE site_settings   ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE users           ADD COLUMN version int NOT NULL DEFAULT 1;

-- +goose Down
ALTER TABLE users           DROP COLUMN version;
ALTER TABLE site_settings   DROP COLUMN version;
ALTER TABLE pages           DROP COLUMN version;
ALTER TABLE booths          DROP COLUMN version;
ALTER TABLE exhibitors      DROP COLUMN version;
ALTER TABLE schedule_events DROP COLUMN version;
ALTER TABLE charge_items    DROP COLUMN version;
