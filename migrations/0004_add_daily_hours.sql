-- Opening hours for the home page during the show, and next year's opening
-- for the thank-you after it.

-- +goose Up
ALTER TABLE site_settings
    ADD COLUMN daily_opens   time NOT NULL DEFAULT '09:00',
    ADD COLUMN daily_closes  time NOT NULL DEFAULT '17:00',
    ADD COLUMN next_opens_at timestamptz;
